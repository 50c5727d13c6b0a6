package io.github.hfcontacts.client;

/**
 * How much of each HTTP exchange a {@link HappyFoxLogger} receives. Bodies are never logged, and the
 * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and {@code Set-Cookie} header
 * values are always replaced by {@code ██}.
 *
 * <p>Example: {@code builder.logger(System.err::println, LogLevel.BASIC)} prints lines such as
 * {@code --> GET https://acme.happyfox.com/api/1.1/json/users/?size=50&page=1} and
 * {@code <-- 200 GET /api/1.1/json/users/ (83 ms)}.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum LogLevel {
  /** Nothing is logged. */
  NONE,
  /** One line per request and per response or failure, plus one line per retry and rate-limit wait. */
  BASIC,
  /** {@link #BASIC} plus the request and response headers, with credentials redacted. */
  HEADERS
}
