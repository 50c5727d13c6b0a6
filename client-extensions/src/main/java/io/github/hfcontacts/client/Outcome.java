package io.github.hfcontacts.client;

import io.github.hfcontacts.client.internal.ErrorBodies;
import io.github.hfcontacts.client.internal.ErrorEnvelopeException;
import io.github.hfcontacts.client.internal.MalformedBodyException;
import io.github.hfcontacts.client.internal.NoFollowUpInterceptor;
import io.github.hfcontacts.client.internal.ResponseTooLargeException;
import io.github.hfcontacts.client.internal.RetryAfter;
import io.github.hfcontacts.client.internal.Secrets;
import io.github.hfcontacts.client.internal.StaleConnectionGuard;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.ResponseBody;

/**
 * What one attempt ended with, when it was not a usable success. Kept apart from the exception it
 * becomes because the retry decision comes first and the final message depends on it (attempt
 * count, deadline note).
 */
final class Outcome {
  /** HappyFox blocks an account for 10 minutes after a 429; the wait to assume without a header. */
  static final Duration RATE_LIMIT_BLOCK = Duration.ofMinutes(10);

  private static final int MAX_SUMMARY_CHARS = 300;

  enum Kind {
    STATUS,
    ERROR_ENVELOPE,
    TOO_LARGE,
    MALFORMED,
    NETWORK
  }

  final Kind kind;
  /** The HTTP status, or -1 when no response arrived. */
  final int status;
  /** The server's Retry-After, or for a 429 without one the documented block; null when none. */
  final Duration retryAfter;
  /** For NETWORK: whether the request may have reached HappyFox. */
  final boolean mayHaveReachedServer;

  private final List<FieldError> fieldErrors;
  private final String excerpt;
  private final String detail;
  private final Throwable cause;

  private Outcome(
      Kind kind,
      int status,
      Duration retryAfter,
      boolean mayHaveReachedServer,
      List<FieldError> fieldErrors,
      String excerpt,
      String detail,
      Throwable cause) {
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.mayHaveReachedServer = mayHaveReachedServer;
    this.fieldErrors = fieldErrors;
    this.excerpt = excerpt;
    this.detail = detail;
    this.cause = cause;
  }

  /** A non-2xx response; its error body was already buffered by Retrofit. */
  static Outcome fromErrorResponse(retrofit2.Response<?> response, Instant now) throws IOException {
    int status = response.code();
    String body = "";
    ResponseBody errorBody = response.errorBody();
    if (errorBody != null) {
      try (ResponseBody closing = errorBody) {
        body = closing.string();
      }
    }
    String header = response.headers().get("Retry-After");
    if (header == null) {
      header = response.headers().get(NoFollowUpInterceptor.DEFERRED_RETRY_AFTER);
    }
    Duration retryAfter = header == null ? null : RetryAfter.parse(header, now).orElse(null);
    if (status == 429 && retryAfter == null) {
      retryAfter = RATE_LIMIT_BLOCK;
    }
    List<FieldError> fieldErrors =
        status == 400 ? ErrorBodies.fieldErrors(body) : Collections.<FieldError>emptyList();
    String excerpt = ErrorBodies.truncate(body, HappyFoxException.MAX_BODY_EXCERPT_CHARS);
    return new Outcome(Kind.STATUS, status, retryAfter, true, fieldErrors, excerpt, "", null);
  }

  static Outcome fromIOException(IOException e) {
    if (e instanceof ErrorEnvelopeException) {
      ErrorEnvelopeException envelope = (ErrorEnvelopeException) e;
      return new Outcome(
          Kind.ERROR_ENVELOPE, envelope.statusCode(), null, true, envelope.fieldErrors(),
          envelope.bodyExcerpt(), "", null);
    }
    if (e instanceof ResponseTooLargeException) {
      ResponseTooLargeException tooLarge = (ResponseTooLargeException) e;
      String detail =
          "body exceeds the " + tooLarge.limit() + "-byte limit"
              + (tooLarge.announcedLength() >= 0
                  ? " (Content-Length " + tooLarge.announcedLength() + ")"
                  : "");
      return new Outcome(
          Kind.TOO_LARGE, tooLarge.statusCode(), null, true, Collections.emptyList(), null, detail,
          e);
    }
    if (e instanceof MalformedBodyException) {
      MalformedBodyException malformed = (MalformedBodyException) e;
      return malformed(malformed.statusCode(), malformed.detail(), malformed.bodyExcerpt(),
          malformed.getCause() == null ? e : malformed.getCause());
    }
    String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    return new Outcome(
        Kind.NETWORK, -1, null, !neverSent(e), Collections.emptyList(), null, detail, e);
  }

  static Outcome malformed(int status, String detail, String excerpt, Throwable cause) {
    return new Outcome(
        Kind.MALFORMED, status, null, true, Collections.emptyList(), excerpt, detail, cause);
  }

  /** Whether a network failure may clear up on another attempt. */
  boolean isTransientNetworkFailure() {
    if (cause instanceof SSLPeerUnverifiedException) {
      return false; // wrong host certificate or pin: retrying cannot help
    }
    if (cause instanceof SSLHandshakeException && cause.getCause() instanceof CertificateException) {
      return false;
    }
    return !(cause instanceof InterruptedIOException && Thread.currentThread().isInterrupted());
  }

  /**
   * Whether the request certainly never reached the server: these fail while opening the
   * connection, before a byte of the request is written. Anything else (timeouts included, since a
   * timeout cannot tell when it struck) counts as possibly delivered.
   */
  private static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof StaleConnectionGuard.UnsentRequestException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof PortUnreachableException
        || e instanceof SSLHandshakeException
        || e instanceof SSLPeerUnverifiedException;
  }

  HappyFoxException toException(
      String method, String path, int attempts, boolean idempotent, String note, Secrets secrets) {
    // The excerpt was cut to a length: a secret cut in two must not leave its first half.
    String excerptOut = excerpt == null ? null : secrets.scrubTruncated(excerpt);
    // A server that echoes a credential must not make it reach a message, a toString() or a log.
    List<FieldError> errorsOut = fieldErrors.stream()
        .map(error -> FieldError.of(secrets.scrub(error.field()),
            error.messages().stream().map(secrets::scrub).collect(Collectors.toList())))
        .collect(Collectors.toList());
    StringBuilder message = new StringBuilder(method).append(' ').append(path).append(" failed: ");
    switch (kind) {
      case STATUS:
      case ERROR_ENVELOPE:
        message.append("HTTP ").append(status);
        appendStatusDetail(message, errorsOut);
        break;
      case TOO_LARGE:
        message.append("HTTP ").append(status).append(' ').append(detail);
        break;
      case MALFORMED:
        message.append("malformed body");
        if (status >= 0) {
          message.append(" in HTTP ").append(status);
        }
        message.append(" (").append(truncate(secrets.scrub(detail))).append(')');
        break;
      case NETWORK:
      default:
        message.append("network error (").append(truncate(secrets.scrub(detail))).append(')');
        if (!idempotent && mayHaveReachedServer) {
          message.append("; the request may have reached HappyFox, so it was not retried");
        }
        break;
    }
    if (attempts > 1) {
      message.append(" after ").append(attempts).append(" attempts");
    }
    if (note != null) {
      message.append("; ").append(note);
    }
    String text = secrets.scrub(message.toString());
    // Parsers and HTTP libraries quote what they read: the cause chain is scrubbed too.
    Throwable causeOut = secrets.scrub(cause);
    switch (kind) {
      case ERROR_ENVELOPE:
        return new ValidationException(text, method, path, status, excerptOut, attempts, errorsOut);
      case TOO_LARGE:
      case MALFORMED:
        return new MalformedResponseException(
            text, method, path, status, excerptOut, attempts, causeOut);
      case NETWORK:
        return new NetworkException(
            text, method, path, attempts, mayHaveReachedServer, (IOException) causeOut);
      case STATUS:
      default:
        return fromStatus(text, method, path, attempts, excerptOut, errorsOut);
    }
  }

  private HappyFoxException fromStatus(
      String text, String method, String path, int attempts, String excerptOut,
      List<FieldError> errorsOut) {
    if (status == 400) {
      return new ValidationException(text, method, path, status, excerptOut, attempts, errorsOut);
    }
    if (status == 401 || status == 403) {
      return new AuthenticationException(text, method, path, status, excerptOut, attempts);
    }
    if (status == 404) {
      return new NotFoundException(text, method, path, excerptOut, attempts);
    }
    if (status == 429) {
      return new RateLimitedException(
          text, method, path, status, excerptOut, attempts, retryAfter);
    }
    if (status >= 500 && status <= 599) {
      return new ServerException(text, method, path, status, excerptOut, attempts);
    }
    return new UnexpectedStatusException(text, method, path, status, excerptOut, attempts);
  }

  private void appendStatusDetail(StringBuilder message, List<FieldError> scrubbedErrors) {
    if (!scrubbedErrors.isEmpty()) {
      String summary =
          scrubbedErrors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
      message.append(" (").append(truncate(summary)).append(')');
    } else if (kind == Kind.ERROR_ENVELOPE) {
      message.append(" (error body)");
    } else if (status == 429) {
      message.append(" (retry after ").append(describe(retryAfter)).append(')');
    } else if (status >= 300 && status <= 399) {
      message.append(" (redirects are not followed)");
    }
  }

  private static String truncate(String text) {
    String single = text.replace('\r', ' ').replace('\n', ' ');
    return single.length() <= MAX_SUMMARY_CHARS
        ? single
        : ErrorBodies.truncate(single, MAX_SUMMARY_CHARS - 3) + "...";
  }

  /** Renders a wait for messages and logs: {@code 250 ms}, {@code 20 s}, {@code 1.5 s}. */
  static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis % 1000 == 0) {
      return (millis / 1000) + " s";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
