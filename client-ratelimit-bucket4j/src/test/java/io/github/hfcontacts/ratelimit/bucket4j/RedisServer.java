package io.github.hfcontacts.ratelimit.bucket4j;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis (Debian's {@code redis-server}) for the tests: a child process on a free loopback
 * port, without persistence, stopped (or killed) by the test. Fails with the install command when
 * the binary is missing, rather than skipping.
 */
final class RedisServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final List<String> output = new ArrayList<>();

  private RedisServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static RedisServer start() throws IOException, InterruptedException {
    String binary = find();
    int port = freePort();
    Process process = new ProcessBuilder(binary,
        "--port", String.valueOf(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning",
        "--databases", "1")
        .redirectErrorStream(true)
        .start();
    RedisServer server = new RedisServer(process, port);
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          synchronized (server.output) {
            server.output.add(line);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "redis-server-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited at once: " + server.output());
      }
      try (Socket probe = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
        if (probe.isConnected()) {
          return server;
        }
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    process.destroyForcibly();
    throw new IOException("redis-server did not listen on 127.0.0.1:" + port + " within 20 s");
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Kills the server at once, as a crash would. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  private static String find() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    for (String path : new String[] {"/usr/bin/redis-server", "/usr/sbin/redis-server"}) {
      if (new File(path).canExecute()) {
        return path;
      }
    }
    throw new IOException("redis-server not found on PATH: install Debian's package with "
        + "`apt-get install -y redis-server` (.ci/run does)");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
