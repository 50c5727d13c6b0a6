package io.github.hfcontacts.ratelimit.bucket4j;

import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.RateBudget;
import io.github.hfcontacts.client.RateBudgetUnavailableException;
import io.github.hfcontacts.client.RateLimitedException;
import io.github.hfcontacts.client.RateLimits;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One worker process of the multi-process test: a HappyFoxClient whose budget lives in Redis,
 * with threads sending GETs ({@code contacts().get}) and POSTs ({@code contacts().upsert}) until
 * the time is up or the budget becomes unavailable, then one {@code RESULT} line on stdout.
 *
 * <p>Arguments: redisUri baseUrl seconds getThreads postThreads windowMillis getLimit postLimit
 * marginMillis burst maxInFlight maxPermitHoldMillis pollMillis. Once connected it prints
 * {@code READY} and waits for a line on stdin, so that the test starts every process at once
 * however slowly the JVMs came up; then it runs for {@code seconds}.
 */
public final class BudgetWorker {
  private BudgetWorker() {}

  public static void main(String[] args) throws Exception {
    String redisUri = args[0];
    String baseUrl = args[1];
    long seconds = Long.parseLong(args[2]);
    int getThreads = Integer.parseInt(args[3]);
    int postThreads = Integer.parseInt(args[4]);
    RateLimits limits = RateLimits.of(Integer.parseInt(args[6]), Integer.parseInt(args[7]))
        .withSafetyMargin(Duration.ofMillis(Long.parseLong(args[8])));
    AtomicInteger gets = new AtomicInteger();
    AtomicInteger posts = new AtomicInteger();
    AtomicInteger unavailable = new AtomicInteger();
    AtomicInteger rateLimited = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    AtomicReference<String> firstUnavailable = new AtomicReference<>("");
    AtomicReference<String> firstOther = new AtomicReference<>("");
    try (RedisBuckets store = RedisBuckets.connect(redisUri)) {
      Bucket4jRateBudget budget = Bucket4jRateBudget.builder(store.buckets, "happyfox:acme")
          .window(Duration.ofMillis(Long.parseLong(args[5])))
          .limits(limits)
          .burst(Integer.parseInt(args[9]))
          .maxInFlight(Integer.parseInt(args[10]))
          .maxPermitHold(Duration.ofMillis(Long.parseLong(args[11])))
          .inFlightPollInterval(Duration.ofMillis(Long.parseLong(args[12])))
          .build();
      budget.estimatedWait(RateBudget.Kind.GET, 1); // connected, and the classes are loaded
      try (HappyFoxClient client = HappyFoxClient.builder()
          .baseUrl(baseUrl)
          .allowInsecureHttpForLoopback()
          .credentials("worker-key", "worker-code")
          .rateBudget(budget)
          .build()) {
        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < getThreads + postThreads; t++) {
          boolean get = t < getThreads;
          threads.add(new Thread(() -> {
            ContactDraft ann = ContactDraft.builder().name("Ann").email("ann@example.com").build();
            while (System.nanoTime() - until < 0) {
              try {
                if (get) {
                  client.contacts().get(42);
                  gets.incrementAndGet();
                } else {
                  client.contacts().upsertResettingOmittedCustomFields(ann);
                  posts.incrementAndGet();
                }
              } catch (RateBudgetUnavailableException e) {
                unavailable.incrementAndGet();
                firstUnavailable.compareAndSet("", e.getMessage());
                return;
              } catch (RateLimitedException e) {
                rateLimited.incrementAndGet();
              } catch (RuntimeException e) {
                other.incrementAndGet();
                firstOther.compareAndSet("", e.toString());
              }
            }
          }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
          thread.join();
        }
      }
    }
    System.out.println("RESULT gets=" + gets + " posts=" + posts + " unavailable=" + unavailable
        + " rateLimited=" + rateLimited + " other=" + other);
    System.out.println("FIRST-UNAVAILABLE " + firstUnavailable.get());
    System.out.println("FIRST-OTHER " + firstOther.get());
    System.out.flush();
    System.exit(0);
  }
}
