package io.github.hfcontacts.sandbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load generator for the sandbox's throughput figure (not a test: speed is never
 * asserted in a test). Starts a sandbox with 1,000 generated contacts and no rate limits, then
 * sends {@code GET /api/1.1/json/user/N/} over keep-alive connections from several threads for a
 * fixed time, and prints the requests per second answered 200.
 *
 * <p>Run after {@code ./mvnw -pl sandbox -am test-compile}:
 * {@code java -cp "sandbox/target/classes:sandbox/target/test-classes:$(cat cp.txt)"
 * io.github.hfcontacts.sandbox.SandboxLoad [connections] [seconds] [path]}, or against a running
 * sandbox with a fourth argument, its port.
 */
public final class SandboxLoad {
  private SandboxLoad() {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Math.min(60, Integer.parseInt(args[1])) : 10;
    String path = args.length > 2 ? args[2] : "user/%d/";
    HappyFoxSandbox sandbox = args.length > 3 ? null : HappyFoxSandbox.builder().seedContacts(1000)
        .rateLimits(SandboxRateLimits.unlimited()).start();
    int port = sandbox == null ? Integer.parseInt(args[3]) : sandbox.port();
    String auth = Base64.getEncoder().encodeToString((HappyFoxSandbox.DEFAULT_API_KEY + ":"
        + HappyFoxSandbox.DEFAULT_AUTH_CODE).getBytes(StandardCharsets.UTF_8));
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long warmupEnd = System.nanoTime() + 2_000_000_000L;
    long end = warmupEnd + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int offset = c;
      Thread thread = new Thread(() -> run(port, auth, path, offset, warmupEnd, end, ok, failed));
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    System.out.printf(Locale.ROOT, "%d connections, %d s: %d requests answered 200 (%d failed),"
        + " %.0f requests/s%n", connections, seconds, ok.get(), failed.get(),
        ok.get() / (double) seconds);
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static void run(int port, String auth, String path, int offset, long warmupEnd,
      long end, AtomicLong ok, AtomicLong failed) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
      long n = offset;
      while (true) {
        long now = System.nanoTime();
        if (now >= end) {
          return;
        }
        String target = "/api/1.1/json/" + String.format(Locale.ROOT, path, n++ % 1000 + 1);
        out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
            + auth + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int status = readResponse(in);
        if (now >= warmupEnd) {
          (status == 200 ? ok : failed).incrementAndGet();
        }
      }
    } catch (IOException e) {
      failed.incrementAndGet();
    }
  }

  /** Reads one response (headers and a Content-Length body); returns its status. */
  private static int readResponse(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int status = -1;
    int length = 0;
    while (true) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("connection closed");
      }
      if (b == '\n') {
        String header = line.toString().trim();
        line.setLength(0);
        if (header.isEmpty()) {
          break;
        }
        if (status < 0) {
          status = Integer.parseInt(header.split(" ")[1]);
        } else if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(header.substring(15).trim());
        }
      } else {
        line.append((char) b);
      }
    }
    long skipped = 0;
    while (skipped < length) {
      long n = in.skip(length - skipped);
      if (n <= 0) {
        if (in.read() == -1) {
          throw new IOException("connection closed");
        }
        n = 1;
      }
      skipped += n;
    }
    return status;
  }
}
