package io.github.hfcontacts.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for what MockWebServer cannot do quickly or exactly: it
 * answers with raw bytes, sets TCP_NODELAY (no 40 ms per exchange), records which connection
 * carried each request, and can close a connection after its response the way a server closes an
 * idle keep-alive connection ({@link #closeAfterEachResponse}). Stops with {@link #close()}.
 */
final class LoopbackHttpServer implements AutoCloseable {
  /** One request as received. */
  static final class Exchange {
    final int connection;
    final String method;
    final String path;
    final String body;

    Exchange(int connection, String method, String path, String body) {
      this.connection = connection;
      this.method = method;
      this.path = path;
      this.body = body;
    }

    @Override
    public String toString() {
      return "#" + connection + " " + method + " " + path;
    }
  }

  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  /** Released once each time the server closes a connection after a response. */
  final Semaphore closed = new Semaphore(0);
  volatile boolean closeAfterEachResponse;
  private volatile Function<Exchange, byte[]> responder;
  private final ServerSocket serverSocket;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "loopback-http");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  LoopbackHttpServer(Function<Exchange, byte[]> responder) throws IOException {
    this.responder = responder;
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    threads.execute(this::acceptLoop);
  }

  void respondWith(Function<Exchange, byte[]> responder) {
    this.responder = responder;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/";
  }

  /** A complete response with a JSON body and Content-Length. */
  static byte[] json(int status, String body) {
    return raw(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] raw(int status, String contentType, byte[] body) {
    String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  /** Waits until the server has closed {@code count} connections after their responses. */
  void awaitClosed(int count) throws InterruptedException {
    if (!closed.tryAcquire(count, 5, TimeUnit.SECONDS)) {
      throw new AssertionError("the server did not close the connection");
    }
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        int id = connections.incrementAndGet();
        threads.execute(() -> serve(socket, id));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket, int id) {
    try {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        Exchange exchange = read(in, id);
        if (exchange == null) {
          return;
        }
        exchanges.add(exchange);
        byte[] response = responder.apply(exchange);
        if (response == null) {
          return; // drop the connection without answering
        }
        out.write(response);
        out.flush();
        if (closeAfterEachResponse) {
          socket.close();
          closed.release();
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(socket);
      try {
        socket.close();
      } catch (IOException e) {
        // already gone
      }
    }
  }

  private static Exchange read(InputStream in, int id) throws IOException {
    String requestLine = line(in);
    if (requestLine == null || requestLine.isEmpty()) {
      return null;
    }
    int length = 0;
    String header;
    while ((header = line(in)) != null && !header.isEmpty()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(header.substring(header.indexOf(':') + 1).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    String[] parts = requestLine.split(" ");
    return new Exchange(id, parts[0], parts.length > 1 ? parts[1] : "",
        new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      bytes.write(c);
    }
    return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket socket : open) {
      socket.close();
    }
    threads.shutdownNow();
  }
}
