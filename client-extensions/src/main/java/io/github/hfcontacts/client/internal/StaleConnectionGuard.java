package io.github.hfcontacts.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * Makes sure no request is written to a pooled HTTP/1.1 connection that the server has already
 * closed, and sends a request again, on another connection, only when it was provably never
 * written. Not API.
 *
 * <p>Why: servers (HappyFox's among them) close keep-alive connections after some idle time.
 * OkHttp 4 checks a pooled connection for that only before a non-GET request and only after 10 s
 * of idleness ({@code RealConnection.isHealthy}); otherwise the request is written into a socket
 * whose peer is gone, and the read fails with "unexpected end of stream". With OkHttp's own
 * retries off (they would also replay POSTs that did reach the server), such a POST failed as
 * "may have reached the server" although the server had received nothing.
 *
 * <p>How: the {@linkplain #networkInterceptor() network interceptor} runs after the connection is
 * chosen and before a byte of the request is written. On an HTTP/1.1 connection it reads the
 * socket with a 1 ms timeout: a timeout means the connection is open and quiet (usable); an end of
 * stream, a reset, or unsolicited bytes mean the server has closed or is closing it. The socket is
 * then closed (so that the pool drops it) and {@link UnsentRequestException} is thrown. The
 * {@linkplain #applicationInterceptor() application interceptor} catches exactly that exception and
 * proceeds again, which takes another connection, at most {@link #MAX_STALE_CONNECTIONS} times.
 * HTTP/2 connections are left to OkHttp, whose reader thread sees the server's GOAWAY.
 *
 * <p>Cost: the probe waits up to 1 ms on a healthy connection. It runs before every request that
 * is not a GET or HEAD (a POST that meets a closed connection would otherwise fail as "may have
 * reached the server"), and before a GET or HEAD only on a connection idle for
 * {@link #PROBE_READS_AFTER_IDLE} or more: those are replayed by the client's retry policy anyway,
 * and a connection in steady use is not probed at all.
 *
 * <p>Thread safety: stateless.
 */
public final class StaleConnectionGuard {
  /** How many closed pooled connections one request may meet before it fails as not sent. */
  public static final int MAX_STALE_CONNECTIONS = 5;

  /** A GET or HEAD is probed only on a connection that has been idle at least this long. */
  public static final Duration PROBE_READS_AFTER_IDLE = Duration.ofSeconds(1);

  // When each pooled connection last started or finished an exchange (weak keys: the pool decides
  // how long a connection lives).
  private final Map<Connection, Long> lastUsed = Collections.synchronizedMap(new WeakHashMap<>());
  private final Interceptor network = this::check;
  private final Interceptor application = this::resend;

  /**
   * Returns the interceptor to add with {@code addNetworkInterceptor}, last.
   *
   * @return the checking interceptor
   */
  public Interceptor networkInterceptor() {
    return network;
  }

  /**
   * Returns the interceptor to add with {@code addInterceptor}.
   *
   * @return the interceptor that proceeds again after a provably unsent attempt
   */
  public Interceptor applicationInterceptor() {
    return application;
  }

  private Response check(Interceptor.Chain chain) throws IOException {
    Connection connection = chain.connection();
    if (connection == null || !isHttp1(connection.protocol())) {
      return chain.proceed(chain.request());
    }
    long now = System.nanoTime();
    Long previous = lastUsed.put(connection, now);
    if (previous != null && mustProbe(chain.request().method(), now - previous)) {
      Socket socket = connection.socket();
      if (closedByPeer(socket)) {
        socket.close();
        throw new UnsentRequestException(
            "the server had closed the pooled connection; the request was not written");
      }
    }
    Response response = chain.proceed(chain.request());
    lastUsed.put(connection, System.nanoTime());
    return response;
  }

  /** Whether a reused connection, idle for {@code idleNanos}, is probed before this request. */
  static boolean mustProbe(String method, long idleNanos) {
    boolean read = method.equals("GET") || method.equals("HEAD");
    return !read || idleNanos >= PROBE_READS_AFTER_IDLE.toNanos();
  }

  private Response resend(Interceptor.Chain chain) throws IOException {
    for (int stale = 1; ; stale++) {
      try {
        return chain.proceed(chain.request());
      } catch (UnsentRequestException e) {
        if (stale >= MAX_STALE_CONNECTIONS) {
          throw e;
        }
      }
    }
  }

  private static boolean isHttp1(Protocol protocol) {
    return protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0;
  }

  /** Whether the peer closed (or is closing) a connection on which nothing is expected. */
  static boolean closedByPeer(Socket socket) throws IOException {
    if (socket.isClosed() || socket.isInputShutdown() || socket.isOutputShutdown()) {
      return true;
    }
    int timeout = socket.getSoTimeout();
    try {
      socket.setSoTimeout(1);
      InputStream in = socket.getInputStream();
      // -1: the server closed it; a byte: the server speaks unasked (such as a 408 before closing).
      in.read();
      return true;
    } catch (SocketTimeoutException quiet) {
      return false;
    } catch (IOException broken) {
      return true;
    } finally {
      if (!socket.isClosed()) {
        socket.setSoTimeout(timeout);
      }
    }
  }

  /**
   * A request that was provably not written: its connection turned out closed before the first
   * byte. Safe to send again, whatever the method. Not API.
   */
  public static final class UnsentRequestException extends IOException {
    private static final long serialVersionUID = 1L;

    UnsentRequestException(String message) {
      super(message);
    }
  }
}
