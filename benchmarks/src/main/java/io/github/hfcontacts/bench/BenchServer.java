package io.github.hfcontacts.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HappyFox stand-in the benchmarks call: HTTP/1.1 with keep-alive on 127.0.0.1, TCP_NODELAY on
 * every connection (without it each response waits for a delayed ACK, tens of milliseconds), and
 * answers that are byte arrays prepared at start: {@code GET .../user/<id>/} the contact fixture,
 * {@code GET .../users/...} the page of 50, {@code POST .../users/} the 100 upsert results. It
 * allocates next to nothing per request, so that the client is what is measured.
 *
 * <p>Run on its own ({@code main}, printing its port) so that JMH's allocation profile of a
 * benchmark JVM contains the client only; {@link #start()} runs it in-process for quick checks.
 */
public final class BenchServer implements AutoCloseable {
  private final ServerSocket socket;
  private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "bench-server");
    thread.setDaemon(true);
    return thread;
  });
  private final byte[] contact = response(Fixtures.CONTACT);
  private final byte[] page = response(Fixtures.PAGE);
  private final byte[] upsertResults = response(Fixtures.UPSERT_RESULTS);
  private final byte[] notFound = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
      .getBytes(StandardCharsets.US_ASCII);

  private BenchServer(ServerSocket socket) {
    this.socket = socket;
  }

  /** Starts a server on a free loopback port. */
  public static BenchServer start() throws IOException {
    BenchServer server = new BenchServer(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
    Thread acceptor = new Thread(server::accept, "bench-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** Prints {@code port=<n>} and serves until killed. */
  public static void main(String[] args) throws Exception {
    BenchServer server = start();
    System.out.println("port=" + server.port());
    System.out.flush();
    Thread.currentThread().join();
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** The API base, {@code http://127.0.0.1:<port>/api/1.1/json/}. */
  public String apiBase() {
    return "http://127.0.0.1:" + port() + "/api/1.1/json/";
  }

  private static byte[] response(byte[] body) {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connection.setTcpNoDelay(true);
        connections.execute(() -> serve(connection));
      } catch (IOException e) {
        if (!socket.isClosed()) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private void serve(Socket connection) {
    byte[] buffer = new byte[64 * 1024];
    try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
      int filled = 0;
      while (true) {
        int headEnd;
        while ((headEnd = headEnd(buffer, filled)) < 0) {
          if (filled == buffer.length) {
            return; // a head larger than the buffer: not one of ours
          }
          int read = in.read(buffer, filled, buffer.length - filled);
          if (read < 0) {
            return;
          }
          filled += read;
        }
        long bodyLength = contentLength(buffer, headEnd);
        byte[] answer = answer(buffer);
        // Drop the head and the request body, keeping whatever follows (a pipelined request).
        long toSkip = headEnd + bodyLength;
        while (filled < toSkip) {
          toSkip -= filled;
          filled = in.read(buffer, 0, (int) Math.min(buffer.length, toSkip));
          if (filled < 0) {
            return;
          }
        }
        int rest = filled - (int) toSkip;
        System.arraycopy(buffer, (int) toSkip, buffer, 0, rest);
        filled = rest;
        out.write(answer);
        out.flush();
      }
    } catch (IOException closed) {
      // the client went away
    }
  }

  private byte[] answer(byte[] request) {
    boolean post = request[0] == 'P';
    int path = post ? 5 : 4;
    if (startsWith(request, path, "/api/1.1/json/user/")) {
      return contact;
    }
    if (startsWith(request, path, "/api/1.1/json/users/")) {
      return post ? upsertResults : page;
    }
    return notFound;
  }

  private static boolean startsWith(byte[] bytes, int offset, String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (bytes[offset + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The index just past the blank line ending the head, or -1. */
  private static int headEnd(byte[] bytes, int filled) {
    for (int i = 3; i < filled; i++) {
      if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  private static long contentLength(byte[] bytes, int headEnd) {
    byte[] name = "\ncontent-length:".getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i + name.length < headEnd; i++) {
      for (int k = 0; k < name.length; k++) {
        if (Character.toLowerCase(bytes[i + k]) != name[k]) {
          continue outer;
        }
      }
      long length = 0;
      for (int j = i + name.length; j < headEnd && bytes[j] != '\r'; j++) {
        if (bytes[j] >= '0' && bytes[j] <= '9') {
          length = length * 10 + (bytes[j] - '0');
        }
      }
      return length;
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    connections.shutdownNow();
  }
}
