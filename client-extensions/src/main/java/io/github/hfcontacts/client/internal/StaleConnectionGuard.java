package io.github.hfcontacts.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
 * <p>Thread safety: stateless.
 */
public final class StaleConnectionGuard {
  /** How many closed pooled connections one request may meet before it fails as not sent. */
  public static final int MAX_STALE_CONNECTIONS = 5;

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
    if (connection != null && isHttp1(connection.protocol())) {
      Socket socket = connection.socket();
      if (closedByPeer(socket)) {
        socket.close();
        throw new UnsentRequestException(
            "the server had closed the pooled connection; the request was not written");
      }
    }
    return chain.proceed(chain.request());
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
