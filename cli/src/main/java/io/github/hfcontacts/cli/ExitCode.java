package io.github.hfcontacts.cli;

/**
 * The process exit codes of {@code happyfox-contacts}, documented in the module's README and in
 * {@code --help}. Scripts can rely on them: they do not change between versions.
 */
public final class ExitCode {
  /** Everything asked was done. */
  public static final int OK = 0;
  /** Some rows or members failed (rejected by HappyFox, or their request failed); see the report. */
  public static final int PARTIAL_FAILURE = 1;
  /** The command line is wrong: unknown option, missing argument, conflicting options. */
  public static final int USAGE = 2;
  /** Configuration: no credentials, an unsafe credentials file, a checkpoint that does not match. */
  public static final int CONFIG = 3;
  /** HappyFox refused the credentials (HTTP 401 or 403). */
  public static final int AUTH = 4;
  /** HappyFox answered 429 (the account is blocked for minutes), or the client's budget ran out. */
  public static final int RATE_LIMITED = 5;
  /** The input file has invalid rows; nothing was sent (see the report). */
  public static final int INVALID_INPUT = 6;
  /** HappyFox could not be reached, or answered with a server error or an unreadable answer. */
  public static final int UNAVAILABLE = 7;
  /** A named group, contact or file does not exist. */
  public static final int NOT_FOUND = 8;
  /** An unexpected internal error (a bug: please report it with the output of --verbose). */
  public static final int INTERNAL = 70;
  /** Interrupted (Ctrl-C); an import can be continued with {@code --resume}. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
