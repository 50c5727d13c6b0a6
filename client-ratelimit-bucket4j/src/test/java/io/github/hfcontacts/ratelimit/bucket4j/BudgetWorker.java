package io.github.hfcontacts.ratelimit.bucket4j;

import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.RateBudgetUnavailableException;
import io.github.hfcontacts.client.RateLimitedException;
import io.github.hfcontacts.client.RateLimits;
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
 * <p>Arguments: redisUri baseUrl startEpochMillis seconds getThreads postThreads windowMillis
 * getLimit postLimit marginMillis burst maxInFlight maxPermitHoldMillis pollMillis. The threads
 * start together at {@code startEpochMillis} (or as soon as the process is up) and stop together at
 * {@code startEpochMillis + seconds}.
 */
public final class BudgetWorker {
  private BudgetWorker() {}

  public static void main(String[] args) throws Exception {
    String redisUri = args[0];
    String baseUrl = args[1];
    long startMillis = Long.parseLong(args[2]);
    long seconds = Long.parseLong(args[3]);
    int getThreads = Integer.parseInt(args[4]);
    int postThreads = Integer.parseInt(args[5]);
    RateLimits limits = RateLimits.of(Integer.parseInt(args[7]), Integer.parseInt(args[8]))
        .withSafetyMargin(Duration.ofMillis(Long.parseLong(args[9])));
    AtomicInteger gets = new AtomicInteger();
    AtomicInteger posts = new AtomicInteger();
    AtomicInteger unavailable = new AtomicInteger();
    AtomicInteger rateLimited = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    AtomicReference<String> firstUnavailable = new AtomicReference<>("");
    AtomicReference<String> firstOther = new AtomicReference<>("");
    try (RedisBuckets store = RedisBuckets.connect(redisUri)) {
      Bucket4jRateBudget budget = Bucket4jRateBudget.builder(store.buckets, "happyfox:acme")
          .window(Duration.ofMillis(Long.parseLong(args[6])))
          .limits(limits)
          .burst(Integer.parseInt(args[10]))
          .maxInFlight(Integer.parseInt(args[11]))
          .maxPermitHold(Duration.ofMillis(Long.parseLong(args[12])))
          .inFlightPollInterval(Duration.ofMillis(Long.parseLong(args[13])))
          .build();
      try (HappyFoxClient client = HappyFoxClient.builder()
          .baseUrl(baseUrl)
          .allowInsecureHttpForLoopback()
          .credentials("worker-key", "worker-code")
          .rateBudget(budget)
          .build()) {
        Thread.sleep(Math.max(0, startMillis - System.currentTimeMillis()));
        long until = System.nanoTime() + Duration.ofMillis(
            startMillis + seconds * 1000 - System.currentTimeMillis()).toNanos();
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
                  client.contacts().upsert(ann);
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
