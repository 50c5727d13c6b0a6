package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.client.RateBudget.Kind;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** One budget per account in the JVM: who shares it, who does not, and when it is forgotten. */
class SharedRateBudgetTest {
  private static final String KEY = "CANARY-KEY-7f3a";
  private final FakeClock clock = new FakeClock();

  private HappyFoxClient.Builder acme(String apiKey) {
    return HappyFoxClient.builder().account("acme").credentials(apiKey, "code")
        .ticker(clock.ticker());
  }

  @Test
  void clientsOfTheSameAccountShareOneBudget() {
    try (HappyFoxClient first = acme(KEY).build();
        HappyFoxClient second = acme(KEY).build()) {
      assertThat(second.rateBudget()).isSameAs(first.rateBudget());
      for (int i = 0; i < 500; i++) {
        first.rateBudget().tryAcquire(Kind.GET).permit().close();
      }

      // The second client's request 501 of the minute waits for the first one's slots.
      assertThat(second.rateBudget().tryAcquire(Kind.GET).waitAtLeast())
          .isEqualTo(Duration.ofSeconds(61));
    }
  }

  @Test
  void anotherKeyOrAnotherHostIsAnotherAccount() {
    try (HappyFoxClient acme = acme(KEY).build();
        HappyFoxClient otherKey = acme("ANOTHER-KEY").build();
        HappyFoxClient eu = HappyFoxClient.builder().euAccount("acme").credentials(KEY, "code")
            .ticker(clock.ticker()).build()) {
      assertThat(otherKey.rateBudget()).isNotSameAs(acme.rateBudget());
      assertThat(eu.rateBudget()).isNotSameAs(acme.rateBudget());
    }
  }

  @Test
  void anotherTickerNeverSharesTheBudget() {
    try (HappyFoxClient fake = acme(KEY).build();
        HappyFoxClient real = acme(KEY).ticker(Ticker.system()).build()) {
      assertThat(real.rateBudget()).isNotSameAs(fake.rateBudget());
    }
  }

  @Test
  void aBudgetGivenToTheBuilderReplacesTheSharedOne() {
    RateBudget own = RateBudget.inMemory(RateLimits.of(10, 10), clock.ticker());
    try (HappyFoxClient shared = acme(KEY).build();
        HappyFoxClient apart = acme(KEY).rateBudget(own).build()) {
      assertThat(apart.rateBudget()).isSameAs(own);
      assertThat(shared.rateBudget()).isNotSameAs(own);
      assertThat(apart.toString()).contains("rateBudget=RateBudget.inMemory(RateLimits{GET=10/min");
    }
  }

  @Test
  void theBuilderRefusesANullTickerOrBudget() {
    assertThat(Thrown.by(NullPointerException.class, () -> acme(KEY).ticker(null)))
        .hasMessage("ticker");
    assertThat(Thrown.by(NullPointerException.class, () -> acme(KEY).rateBudget(null)))
        .hasMessage("rateBudget");
  }

  @Test
  void unlimitedClientsHaveNoBudget() {
    try (HappyFoxClient client = acme(KEY).rateLimits(RateLimits.unlimited()).build()) {
      assertThat(client.rateBudget()).isSameAs(RateBudget.unlimited());
    }
  }

  @Test
  void differentLimitsForTheSameAccountAreRefused() {
    try (HappyFoxClient first = acme(KEY).build()) {
      IllegalStateException e = Thrown.by(IllegalStateException.class,
          () -> acme(KEY).rateLimits(RateLimits.of(250, 150)).build());

      assertThat(e).hasMessage("rateLimits RateLimits{GET=250/min, POST=150/min} differ from the "
          + "RateLimits{GET=500/min, POST=300/min} of the budget that other clients of this "
          + "account share in this JVM; build them with the same limits, or give this client a "
          + "budget of its own with rateBudget(RateBudget.inMemory(limits))");
      assertThat(first.rateBudget().tryAcquire(Kind.GET).isGranted()).isTrue();
    }
  }

  @Test
  void aClosedAccountIsForgottenOnlyOnceNothingCounts() {
    SharedRateBudgets registry = new SharedRateBudgets();
    HttpUrl url = HttpUrl.get("https://acme.happyfox.com/api/1.1/json/");
    RateLimits limits = RateLimits.defaults();
    SharedRateBudgets.Lease lease = registry.lease(url, KEY, limits, clock.ticker());
    RateBudget budget = lease.budget();
    budget.tryAcquire(Kind.POST).permit().close();
    lease.close();
    lease.close();

    // A new client a few seconds later still finds the request counted.
    clock.advance(Duration.ofSeconds(5));
    SharedRateBudgets.Lease again = registry.lease(url, KEY, limits, clock.ticker());
    assertThat(again.budget()).isSameAs(budget);
    again.close();

    clock.advance(Duration.ofSeconds(56)); // 61 s after the request: nothing counts any more
    assertThat(registry.size()).isZero();
    SharedRateBudgets.Lease fresh = registry.lease(url, KEY, limits, clock.ticker());
    assertThat(fresh.budget()).isNotSameAs(budget);
    fresh.close();
  }

  @Test
  void theRegistryKeepsNoPrintableApiKey() throws Exception {
    SharedRateBudgets registry = new SharedRateBudgets();
    registry.lease(HttpUrl.get("https://acme.happyfox.com/api/1.1/json/"), KEY,
        RateLimits.defaults(), clock.ticker());

    List<String> strings = new ArrayList<>();
    for (Object key : keysOf(registry)) {
      for (Field field : key.getClass().getDeclaredFields()) {
        field.setAccessible(true);
        Object value = field.get(key);
        if (value instanceof String) {
          strings.add((String) value);
        } else if (value instanceof byte[]) {
          strings.add(new String((byte[]) value, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
      }
      assertThat(key.toString()).doesNotContain(KEY);
    }
    assertThat(strings).hasSize(2).noneMatch(s -> s.contains(KEY));
  }

  private static Iterable<?> keysOf(SharedRateBudgets registry) throws Exception {
    Field entries = SharedRateBudgets.class.getDeclaredField("entries");
    entries.setAccessible(true);
    return ((java.util.Map<?, ?>) entries.get(registry)).keySet();
  }
}
