package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests pay for the stale-connection probe (up to 1 ms each). */
class StaleConnectionGuardTest {
  private static final long IDLE_LIMIT = StaleConnectionGuard.PROBE_AFTER_IDLE.toNanos();

  @Test
  void aConnectionInSteadyUseIsNotProbed() {
    assertThat(StaleConnectionGuard.mustProbe(0)).isFalse();
    assertThat(StaleConnectionGuard.mustProbe(IDLE_LIMIT - 1)).isFalse();
  }

  @Test
  void aConnectionIdleForTheLimitIsProbed() {
    assertThat(StaleConnectionGuard.mustProbe(IDLE_LIMIT)).isTrue();
    assertThat(StaleConnectionGuard.mustProbe(IDLE_LIMIT * 60)).isTrue();
  }
}
