package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: help, version, usage errors and their exit codes; no network. */
class CommandLineTest {
  @TempDir Path home;

  @Test
  void everyCommandHasHelp() {
    for (String[] command : new String[][] {{}, {"export"}, {"import"}, {"groups"},
        {"groups", "list"}, {"groups", "create"}, {"groups", "add"}, {"groups", "remove"},
        {"fields"}}) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 1);
      args[command.length] = "--help";
      CliRun run = CliRun.in(home).run(args);
      assertThat(run.exitCode).as(String.join(" ", args)).isEqualTo(ExitCode.OK);
      assertThat(run.stdout).as(String.join(" ", args)).contains("Usage: happyfox-contacts");
    }
  }

  @Test
  void topLevelHelpListsCommandsAndExitCodes() {
    CliRun run = CliRun.in(home).run("--help");

    assertThat(run.stdout).contains("export", "import", "groups", "fields", "--sandbox",
        "--account", "--eu-account", "--custom-domain", "--credentials-file", "Exit codes:",
        "HappyFox's limit per account",
        "4     HappyFox refused the credentials", "130   interrupted");
  }

  @Test
  void versionNamesTheToolAndJava() {
    CliRun run = CliRun.in(home).run("--version");

    assertThat(run.exitCode).isEqualTo(ExitCode.OK);
    assertThat(run.stdout).startsWith("happyfox-contacts ").contains("Java ");
  }

  @Test
  void noCommandPrintsUsageAndFails() {
    CliRun run = CliRun.in(home).run();

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr).contains("Usage: happyfox-contacts");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.in(home).run("export", "--colour", "x.csv");

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr).contains("Unknown option: '--colour'");
  }

  @Test
  void noCredentialsSaysWhereToPutThem() {
    CliRun run = CliRun.in(home).run("--account", "acme", "export", "x.csv");

    assertThat(run.exitCode).isEqualTo(ExitCode.CONFIG);
    assertThat(run.stderr).contains("no credentials", "HAPPYFOX_API_KEY", "HAPPYFOX_AUTH_CODE",
        "chmod 600", "--sandbox");
  }

  @Test
  void halfTheCredentialsInTheEnvironmentIsRefused() {
    CliRun run = CliRun.in(home).env("HAPPYFOX_API_KEY", "k-123456")
        .run("--account", "acme", "export", "x.csv");

    assertThat(run.exitCode).isEqualTo(ExitCode.CONFIG);
    assertThat(run.stderr).contains("HAPPYFOX_AUTH_CODE is not set").doesNotContain("k-123456");
  }

  @Test
  void credentialsFileReadableByOthersIsRefused() throws IOException {
    Path file = credentialsFile("rw-r--r--");

    CliRun run = CliRun.in(home).run("--account", "acme", "--credentials-file",
        file.toString(), "export", "x.csv");

    assertThat(run.exitCode).isEqualTo(ExitCode.CONFIG);
    assertThat(run.stderr).contains("rw-r--r--", "0644", "chmod 600 " + file)
        .doesNotContain("secret-key-1", "secret-code-2");
  }

  @Test
  void twoTargetsAreAUsageError() throws IOException {
    Path file = credentialsFile("rw-------");

    CliRun run = CliRun.in(home).run("--account", "acme", "--eu-account", "acme",
        "--credentials-file", file.toString(), "export", "x.csv");

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr).contains("choose one of --account, --eu-account");
  }

  @Test
  void globalOptionsMayFollowTheCommand() throws IOException {
    Path file = credentialsFile("rw-------");

    CliRun run = CliRun.in(home).run("export", "x.csv", "--account", "not a label",
        "--credentials-file", file.toString());

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr).contains("account must be a DNS label");
  }

  @Test
  void importFromStandardInputIsRefusedBeforeAnyRequest() {
    CliRun run = CliRun.in(home).run("--account", "acme", "import", "-");

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr).contains("reads its file more than once");
  }

  private Path credentialsFile(String permissions) throws IOException {
    Path file = home.resolve("credentials");
    Files.writeString(file, "api_key = secret-key-1\nauth_code = secret-code-2\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }
}
