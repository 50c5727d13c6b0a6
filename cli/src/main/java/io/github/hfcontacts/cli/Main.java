package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.AuthenticationException;
import io.github.hfcontacts.client.HappyFoxException;
import io.github.hfcontacts.client.NotFoundException;
import io.github.hfcontacts.client.RateLimitedException;
import io.github.hfcontacts.client.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * The entry point of {@code happyfox-contacts}.
 *
 * <p>Example: {@code java -jar happyfox-contacts.jar --sandbox export contacts.csv}.
 */
public final class Main {
  private Main() {}

  /**
   * Runs the tool and exits with its exit code (see {@link ExitCode}).
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(CliEnvironment.system(), args));
  }

  /**
   * Runs the tool in this JVM without exiting: what tests call.
   *
   * @param env the environment
   * @param args the command line
   * @return the exit code
   */
  public static int run(CliEnvironment env, String... args) {
    return commandLine(env).execute(args);
  }

  /**
   * The configured command line, for {@link CommandLine#execute}.
   *
   * @param env the environment
   * @return the command line
   */
  public static CommandLine commandLine(CliEnvironment env) {
    HappyFoxContactsCommand root = new HappyFoxContactsCommand(env);
    CommandLine commandLine = new CommandLine(root);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(env.stdout(),
        StandardCharsets.UTF_8), true));
    commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(env.stderr(),
        StandardCharsets.UTF_8), true));
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
      int code = exitCode(exception);
      PrintWriter err = line.getErr();
      err.println("error: " + message(exception));
      if (code == ExitCode.INTERNAL || root.verbosity() > 0) {
        exception.printStackTrace(err);
      }
      err.flush();
      return code;
    });
    return commandLine;
  }

  static int exitCode(Throwable exception) {
    if (exception instanceof CliException) {
      return ((CliException) exception).exitCode();
    }
    if (exception instanceof AuthenticationException) {
      return ExitCode.AUTH;
    }
    if (exception instanceof RateLimitedException) {
      return ExitCode.RATE_LIMITED;
    }
    if (exception instanceof NotFoundException || exception instanceof NoSuchFileException) {
      return ExitCode.NOT_FOUND;
    }
    if (exception instanceof ValidationException) {
      return ExitCode.INVALID_INPUT;
    }
    if (exception instanceof HappyFoxException) {
      return isInterrupt(exception) ? ExitCode.INTERRUPTED : ExitCode.UNAVAILABLE;
    }
    if (exception instanceof AccessDeniedException) {
      return ExitCode.CONFIG;
    }
    if (exception instanceof UncheckedIOException || exception instanceof IOException) {
      Throwable cause = exception instanceof UncheckedIOException ? exception.getCause()
          : exception;
      return cause instanceof NoSuchFileException ? ExitCode.NOT_FOUND : ExitCode.INTERNAL;
    }
    if (exception instanceof InterruptedException) {
      return ExitCode.INTERRUPTED;
    }
    return ExitCode.INTERNAL;
  }

  private static boolean isInterrupt(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  static String message(Throwable exception) {
    if (exception instanceof CliException) {
      return exception.getMessage();
    }
    if (exception instanceof AuthenticationException) {
      return "HappyFox refused the credentials: " + exception.getMessage()
          + " (check HAPPYFOX_API_KEY/HAPPYFOX_AUTH_CODE or the credentials file, and the"
          + " account)";
    }
    if (exception instanceof RateLimitedException) {
      return "rate limited: " + exception.getMessage() + " (HappyFox blocks an account for 10"
          + " minutes after a 429; lower --get-per-minute/--post-per-minute if other tools share"
          + " it)";
    }
    if (exception instanceof NoSuchFileException) {
      return "file " + exception.getMessage() + " does not exist";
    }
    if (exception instanceof AccessDeniedException) {
      return "permission denied: " + exception.getMessage();
    }
    if (exception instanceof HappyFoxException) {
      return exception.getMessage();
    }
    if (exception instanceof IOException || exception instanceof UncheckedIOException) {
      return "I/O error: " + exception.getMessage();
    }
    return "internal error (" + exception.getClass().getName() + "): " + exception.getMessage()
        + "; please report it with the output of --verbose";
  }
}
