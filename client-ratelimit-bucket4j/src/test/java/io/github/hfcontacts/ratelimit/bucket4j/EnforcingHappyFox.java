package io.github.hfcontacts.ratelimit.bucket4j;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HappyFox that enforces its rate limits the way HappyFox does, scaled down: at most
 * N GET and M POST arrivals in any closed window; the first request over the limit gets a 429
 * and blocks the account (every request gets a 429) for ten windows. Answers every accepted
 * request with a contact.
 */
final class EnforcingHappyFox implements AutoCloseable {
  static {
    // The JDK server delays small answers without it (Nagle), which is not what HappyFox does.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  private final long window;
  private final int getLimit;
  private final int postLimit;
  private final byte[] contact;
  private final Deque<Long> recentGets = new ArrayDeque<>();
  private final Deque<Long> recentPosts = new ArrayDeque<>();
  private final List<Long> gets = new ArrayList<>();
  private final List<Long> posts = new ArrayList<>();
  private long blockedUntil;
  private boolean blocked;
  private int tooManyRequests;

  EnforcingHappyFox(Duration window, int getLimit, int postLimit) throws IOException {
    this.window = window.toNanos();
    this.getLimit = getLimit;
    this.postLimit = postLimit;
    try (InputStream in = getClass().getResourceAsStream("/fixtures/contact.json")) {
      this.contact = in.readAllBytes();
    }
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    server.setExecutor(threads);
    server.createContext("/api/1.1/json/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      long arrival = System.nanoTime();
      boolean get = exchange.getRequestMethod().equals("GET");
      if (!admit(arrival, get)) {
        exchange.getResponseHeaders().set("Retry-After",
            String.valueOf(Duration.ofNanos(window * 10).toSeconds()));
        exchange.sendResponseHeaders(429, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, contact.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(contact);
      }
    }
  }

  private synchronized boolean admit(long arrival, boolean get) {
    if (blocked && arrival - blockedUntil < 0) {
      tooManyRequests++;
      return false;
    }
    Deque<Long> recent = get ? recentGets : recentPosts;
    while (!recent.isEmpty() && arrival - recent.peekFirst() > window) {
      recent.pollFirst();
    }
    if (recent.size() + 1 > (get ? getLimit : postLimit)) {
      blocked = true;
      blockedUntil = arrival + window * 10;
      tooManyRequests++;
      return false;
    }
    recent.addLast(arrival);
    (get ? gets : posts).add(arrival);
    return true;
  }

  synchronized int tooManyRequests() {
    return tooManyRequests;
  }

  /** Accepted GET arrivals, as {at, at} pairs for {@link Windows#worst}. */
  synchronized List<long[]> gets() {
    return points(gets);
  }

  /** Accepted POST arrivals, as {at, at} pairs. */
  synchronized List<long[]> posts() {
    return points(posts);
  }

  /** Accepted arrivals of both kinds, in arrival order. */
  synchronized List<Long> arrivals() {
    List<Long> all = new ArrayList<>(gets);
    all.addAll(posts);
    all.sort(null);
    return all;
  }

  private static List<long[]> points(List<Long> arrivals) {
    List<long[]> points = new ArrayList<>();
    for (long at : arrivals) {
      points.add(new long[] {at, at});
    }
    return points;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
