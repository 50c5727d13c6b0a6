package io.github.hfcontacts.client.internal;

import io.github.hfcontacts.client.HappyFoxLogger;
import io.github.hfcontacts.client.LogLevel;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Logs each exchange at {@link LogLevel#BASIC} or {@link LogLevel#HEADERS}: never bodies, never
 * credential or cookie header values, and only the {@code size} and {@code page} query values (a
 * search query holds e-mail addresses and phone numbers). Every line also goes through
 * {@link Secrets#scrub(String)}, in case a credential appears where it was not expected. Not API.
 *
 * <p>Thread safety: immutable; the logger must be thread-safe.
 */
public final class LoggingInterceptor implements Interceptor {
  private static final Set<String> REDACTED_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
  private static final Set<String> VISIBLE_QUERY_PARAMETERS = Set.of("size", "page");

  private final HappyFoxLogger logger;
  private final LogLevel level;
  private final Secrets secrets;

  /**
   * Creates the interceptor.
   *
   * @param logger where lines go
   * @param level {@link LogLevel#BASIC} or {@link LogLevel#HEADERS}
   * @param secrets the client's credentials, scrubbed from every line
   */
  public LoggingInterceptor(HappyFoxLogger logger, LogLevel level, Secrets secrets) {
    this.logger = logger;
    this.level = level;
    this.secrets = secrets;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String method = request.method();
    String path = request.url().encodedPath();
    log("--> " + method + " " + describe(request.url()));
    if (level == LogLevel.HEADERS) {
      RequestBody body = request.body();
      if (body != null) {
        if (body.contentType() != null && request.header("Content-Type") == null) {
          log("Content-Type: " + body.contentType());
        }
        if (body.contentLength() >= 0 && request.header("Content-Length") == null) {
          log("Content-Length: " + body.contentLength());
        }
      }
      logHeaders(request.headers());
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      log("<-- HTTP FAILED " + method + " " + path + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      throw e;
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    ResponseBody body = response.body();
    long length = body == null ? -1 : body.contentLength();
    log("<-- " + response.code() + " " + method + " " + path + " (" + millis + " ms"
        + (length >= 0 ? ", " + length + "-byte body" : "") + ")");
    if (level == LogLevel.HEADERS) {
      logHeaders(response.headers());
    }
    return response;
  }

  private void logHeaders(Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      boolean redacted = REDACTED_HEADERS.contains(name.toLowerCase(Locale.ROOT));
      log(name + ": " + (redacted ? Secrets.MASK : headers.value(i)));
    }
  }

  private void log(String line) {
    logger.log(secrets.scrub(line));
  }

  private static String describe(HttpUrl url) {
    StringBuilder result = new StringBuilder();
    result.append(url.scheme()).append("://").append(url.host());
    if (url.port() != HttpUrl.defaultPort(url.scheme())) {
      result.append(':').append(url.port());
    }
    result.append(url.encodedPath());
    for (int i = 0; i < url.querySize(); i++) {
      String name = url.queryParameterName(i);
      String value = url.queryParameterValue(i);
      result.append(i == 0 ? '?' : '&').append(name);
      if (value != null) {
        result.append('=').append(VISIBLE_QUERY_PARAMETERS.contains(name) ? value : Secrets.MASK);
      }
    }
    return result.toString();
  }
}
