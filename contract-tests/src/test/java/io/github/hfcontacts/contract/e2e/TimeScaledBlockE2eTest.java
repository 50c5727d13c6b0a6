package io.github.hfcontacts.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.RateLimitedException;
import io.github.hfcontacts.client.RateLimits;
import io.github.hfcontacts.client.RetryPolicy;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import io.github.hfcontacts.sandbox.SandboxRateLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The block in real (scaled) time: with a time scale of 300 a 10-minute window and block last two
 * seconds, and {@code Retry-After} gives those real seconds. The test waits for the block to end
 * (it asserts what happens, never how fast).
 */
class TimeScaledBlockE2eTest {

    @RegisterExtension
    static final SandboxBehindPrism E2E = SandboxBehindPrism.of(HappyFoxSandbox.builder()
            .timeScale(300)
            .rateLimits(SandboxRateLimits.of(1000, 3, Duration.ofMinutes(10), Duration.ofMinutes(10))));

    @Test
    void theFourthPostIsRefusedWithARetryAfterInRealSecondsAndTheBlockEnds() throws InterruptedException {
        HappyFoxClient client = E2E.client(b -> b.rateLimits(RateLimits.unlimited()).retryPolicy(RetryPolicy.none()));
        for (int i = 1; i <= 3; i++) {
            client.contacts()
                .upsertResettingOmittedCustomFields(
                    ContactDraft.builder().name("C" + i).email("c" + i + "@example.com").build());
        }

        assertThatThrownBy(() -> client.contacts()
            .upsertResettingOmittedCustomFields(
                ContactDraft.builder().name("C4").email("c4@example.com")
                .build())).isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(2)));
        assertThat(E2E.sandbox().stats().contacts()).isEqualTo(3);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (E2E.sandbox().stats().blocked() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(E2E.sandbox().stats().blocked()).isFalse();
        client.contacts()
            .upsertResettingOmittedCustomFields(
                ContactDraft.builder().name("C4").email("c4@example.com").build());
        assertThat(E2E.sandbox().stats().contacts()).isEqualTo(4);
        assertThat(E2E.sandbox().stats().rateLimited()).isEqualTo(1);
    }
}
