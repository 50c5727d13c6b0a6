package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which requests pay for the stale-connection probe (up to 1 ms each). */
class StaleConnectionGuardTest {
  private static final long IDLE_LIMIT = StaleConnectionGuard.PROBE_READS_AFTER_IDLE.toNanos();

  @Test
  void everyWriteIsProbedWhateverTheIdleTime() {
    assertThat(StaleConnectionGuard.mustProbe("POST", 0)).isTrue();
    assertThat(StaleConnectionGuard.mustProbe("PUT", Duration.ofMillis(3).toNanos())).isTrue();
  }

  @Test
  void aReadIsProbedOnlyOnAConnectionIdleForTheLimit() {
    assertThat(StaleConnectionGuard.mustProbe("GET", 0)).isFalse();
    assertThat(StaleConnectionGuard.mustProbe("GET", IDLE_LIMIT - 1)).isFalse();
    assertThat(StaleConnectionGuard.mustProbe("GET", IDLE_LIMIT)).isTrue();
    assertThat(StaleConnectionGuard.mustProbe("HEAD", IDLE_LIMIT - 1)).isFalse();
  }
}
