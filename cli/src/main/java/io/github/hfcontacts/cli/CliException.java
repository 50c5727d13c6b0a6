package io.github.hfcontacts.cli;

/**
 * A failure the tool explains to its user in one message, with the exit code it ends with.
 * Messages never hold credentials.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  static CliException config(String message) {
    return new CliException(ExitCode.CONFIG, message);
  }

  static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }
}
