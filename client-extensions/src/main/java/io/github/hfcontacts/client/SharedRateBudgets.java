package io.github.hfcontacts.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;

/**
 * The JVM's registry of default budgets: one {@link InMemoryRateBudget} per account, that is per
 * API base URL and API key (and ticker, so that a test's fake time never mixes with real time).
 *
 * <p>The API key is kept only as an HMAC-SHA256 under a key drawn at random when the class loads:
 * not printable, not reversible, and not comparable with anything outside this JVM.
 *
 * <p>Clients take a {@link Lease} when built and release it when closed. An entry is dropped once
 * no client holds it and it is idle (nothing in flight, nothing cooling down, no pause): it then
 * means exactly what a fresh budget means, so forgetting it loses nothing. Until then a new client
 * for the account gets the same budget, which is what stops a second client from sending request
 * 501 of the minute.
 *
 * <p>Thread safety: all methods are synchronized on the registry.
 */
final class SharedRateBudgets {
  static final SharedRateBudgets JVM = new SharedRateBudgets();

  private final SecretKeySpec hmacKey;
  private final Map<Key, Entry> entries = new LinkedHashMap<>();

  SharedRateBudgets() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.hmacKey = new SecretKeySpec(random, "HmacSHA256");
  }

  /**
   * Returns the account's shared budget, creating it if needed.
   *
   * @throws IllegalStateException if the account's budget already exists with other limits
   */
  synchronized Lease lease(HttpUrl baseUrl, String apiKey, RateLimits limits, Ticker ticker) {
    sweep();
    Key key = new Key(baseUrl.toString(), digest(apiKey), ticker);
    Entry entry = entries.get(key);
    if (entry == null) {
      entry = new Entry(new InMemoryRateBudget(limits, RateLimits.WINDOW, ticker));
      entries.put(key, entry);
    } else if (!entry.budget.limits().equals(limits)) {
      throw new IllegalStateException(
          "rateLimits " + limits + " differ from the " + entry.budget.limits() + " of the budget "
              + "that other clients of this account share in this JVM; build them with the same "
              + "limits, or give this client a budget of its own with "
              + "rateBudget(RateBudget.inMemory(limits))");
    }
    entry.leases++;
    return new Lease(this, entry);
  }

  /** How many accounts have an entry; for tests. */
  synchronized int size() {
    sweep();
    return entries.size();
  }

  private synchronized void release(Entry entry) {
    entry.leases--;
    sweep();
  }

  private void sweep() {
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.leases == 0 && entry.budget.isIdle()) {
        it.remove();
      }
    }
  }

  private byte[] digest(String apiKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hmacKey);
      return mac.doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required of every Java platform.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** A client's hold on a shared budget; {@link #close()} once, when the client closes. */
  static final class Lease implements AutoCloseable {
    private final SharedRateBudgets registry;
    private final Entry entry;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(SharedRateBudgets registry, Entry entry) {
      this.registry = registry;
      this.entry = entry;
    }

    RateBudget budget() {
      return entry.budget;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        registry.release(entry);
      }
    }
  }

  private static final class Entry {
    final InMemoryRateBudget budget;
    int leases;

    Entry(InMemoryRateBudget budget) {
      this.budget = budget;
    }
  }

  /** Base URL, key digest and ticker identity; deliberately without a toString. */
  private static final class Key {
    private final String baseUrl;
    private final byte[] keyDigest;
    private final Ticker ticker;

    Key(String baseUrl, byte[] keyDigest, Ticker ticker) {
      this.baseUrl = baseUrl;
      this.keyDigest = keyDigest;
      this.ticker = ticker;
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Key)) {
        return false;
      }
      Key that = (Key) other;
      return baseUrl.equals(that.baseUrl) && Arrays.equals(keyDigest, that.keyDigest)
          && ticker == that.ticker;
    }

    @Override
    public int hashCode() {
      return (baseUrl.hashCode() * 31 + Arrays.hashCode(keyDigest)) * 31
          + System.identityHashCode(ticker);
    }
  }
}
