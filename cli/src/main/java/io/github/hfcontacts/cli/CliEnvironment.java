package io.github.hfcontacts.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Objects;

/**
 * What the tool takes from the process it runs in: environment variables, the home directory,
 * the standard streams and whether a person is watching a terminal. Tests pass their own.
 */
public final class CliEnvironment {
  private final Map<String, String> variables;
  private final Path home;
  private final InputStream stdin;
  private final OutputStream stdout;
  private final PrintStream stderr;
  private final boolean terminal;

  /**
   * An environment.
   *
   * @param variables the environment variables
   * @param home the user's home directory (for the default credentials file)
   * @param stdin standard input (an import or member list read from {@code -})
   * @param stdout standard output (an export written to {@code -}, tables, summaries)
   * @param stderr standard error (messages, progress bars, verbose logs)
   * @param terminal whether a person is watching (progress bars are drawn only then)
   */
  public CliEnvironment(Map<String, String> variables, Path home, InputStream stdin,
      OutputStream stdout, PrintStream stderr, boolean terminal) {
    this.variables = Map.copyOf(variables);
    this.home = Objects.requireNonNull(home, "home");
    this.stdin = Objects.requireNonNull(stdin, "stdin");
    this.stdout = Objects.requireNonNull(stdout, "stdout");
    this.stderr = Objects.requireNonNull(stderr, "stderr");
    this.terminal = terminal;
  }

  /** The environment of this JVM: its variables, {@code user.home}, the standard streams. */
  static CliEnvironment system() {
    return new CliEnvironment(System.getenv(), Paths.get(System.getProperty("user.home", ".")),
        System.in, System.out, System.err, System.console() != null);
  }

  String variable(String name) {
    String value = variables.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  Path home() {
    return home;
  }

  InputStream stdin() {
    return stdin;
  }

  OutputStream stdout() {
    return stdout;
  }

  PrintStream stderr() {
    return stderr;
  }

  boolean terminal() {
    return terminal;
  }
}
