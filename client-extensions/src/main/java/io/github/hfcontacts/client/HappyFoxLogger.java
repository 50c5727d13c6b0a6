package io.github.hfcontacts.client;

/**
 * Receives the client's log lines when logging is switched on with
 * {@link HappyFoxClient.Builder#logger(HappyFoxLogger, LogLevel)}. Lines never hold credentials or
 * bodies.
 *
 * <p>Example, forwarding to {@link java.lang.System.Logger}:
 * <pre>{@code
 * System.Logger jul = System.getLogger("happyfox");
 * HappyFoxClient client = HappyFoxClient.builder()
 *     .account("acme")
 *     .credentials(apiKey, authCode)
 *     .logger(line -> jul.log(System.Logger.Level.DEBUG, line), LogLevel.HEADERS)
 *     .build();
 * }</pre>
 *
 * <p>Thread safety: implementations must be safe to call from several threads at once, since one
 * client serves all threads.
 */
@FunctionalInterface
public interface HappyFoxLogger {
  /**
   * Records one log line.
   *
   * <p>Example: {@code logger.log("--> GET https://acme.happyfox.com/api/1.1/json/users/")}.
   *
   * @param message one line of text, without a trailing newline
   */
  void log(String message);
}
