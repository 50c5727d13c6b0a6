package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  @TempDir Path home;

  @Test
  void environmentComesFirst() throws IOException {
    writeDefaultFile("api_key = file-key\nauth_code = file-code\n", "rw-------");

    Credentials credentials = Credentials.find(env(Map.of("HAPPYFOX_API_KEY", " env-key ",
        "HAPPYFOX_AUTH_CODE", "env-code")), null);

    assertThat(credentials.apiKey()).isEqualTo("env-key");
    assertThat(credentials.authCode()).isEqualTo("env-code");
    assertThat(credentials.source()).isEqualTo("the environment");
  }

  @Test
  void defaultFileWithOwnerOnlyPermissionsIsRead() throws IOException {
    writeDefaultFile("# comment\napi_key = file-key\nauth_code: file-code\naccount = acme\n",
        "rw-------");

    Credentials credentials = Credentials.find(env(Map.of()), null);

    assertThat(credentials.apiKey()).isEqualTo("file-key");
    assertThat(credentials.authCode()).isEqualTo("file-code");
    assertThat(credentials.setting("account")).isEqualTo("acme");
    assertThat(credentials.toString()).doesNotContain("file-key", "file-code");
  }

  @Test
  void fileNamedByTheEnvironmentIsUsed() throws IOException {
    Path file = home.resolve("elsewhere");
    Files.writeString(file, "api_key=k1\nauth_code=c1\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));

    Credentials credentials =
        Credentials.find(env(Map.of("HAPPYFOX_CREDENTIALS_FILE", file.toString())), null);

    assertThat(credentials.apiKey()).isEqualTo("k1");
  }

  @Test
  void groupReadableFileIsRefused() throws IOException {
    Path file = writeDefaultFile("api_key = k\nauth_code = c\n", "rw-r-----");

    assertThatThrownBy(() -> Credentials.find(env(Map.of()), null))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("0640")
        .hasMessageContaining("chmod 600 " + file)
        .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.CONFIG));
  }

  @Test
  void fileWithoutAuthCodeSaysWhichIsMissing() throws IOException {
    writeDefaultFile("api_key = k\n", "rw-------");

    assertThatThrownBy(() -> Credentials.find(env(Map.of()), null))
        .hasMessageContaining("auth_code is missing");
  }

  @Test
  void missingExplicitFileIsNamed() {
    Path missing = home.resolve("nope");

    assertThatThrownBy(() -> Credentials.find(env(Map.of()), missing))
        .hasMessageContaining(missing + " does not exist");
  }

  private Path writeDefaultFile(String content, String permissions) throws IOException {
    Path file = home.resolve(Credentials.DEFAULT_FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  private CliEnvironment env(Map<String, String> variables) {
    return new CliEnvironment(variables, home, new ByteArrayInputStream(new byte[0]),
        new ByteArrayOutputStream(), new PrintStream(new ByteArrayOutputStream()), false);
  }
}
