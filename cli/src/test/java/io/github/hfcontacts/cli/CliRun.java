package io.github.hfcontacts.cli;

import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the tool in this JVM with captured streams: the in-process way tests drive it. */
final class CliRun {
  final int exitCode;
  final String stdout;
  final String stderr;

  private CliRun(int exitCode, String stdout, String stderr) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static Builder in(Path home) {
    return new Builder(home);
  }

  /** A run in {@code home} with the environment variables set to this sandbox's credentials. */
  static Builder against(Path home, HappyFoxSandbox sandbox) {
    return in(home).env(Credentials.API_KEY_VARIABLE, sandbox.apiKey())
        .env(Credentials.AUTH_CODE_VARIABLE, sandbox.authCode());
  }

  /** The settings of one run. */
  static final class Builder {
    private final Path home;
    private final Map<String, String> variables = new HashMap<>();
    private String stdin = "";
    private boolean terminal;

    private Builder(Path home) {
      this.home = home;
    }

    Builder env(String name, String value) {
      variables.put(name, value);
      return this;
    }

    Builder stdin(String text) {
      this.stdin = text;
      return this;
    }

    Builder terminal() {
      this.terminal = true;
      return this;
    }

    CliRun run(String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CliEnvironment env = new CliEnvironment(variables, home,
          new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
          new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
      int code = Main.commandLine(env).execute(args);
      return new CliRun(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
  }
}
