package io.github.hfcontacts.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.client.AuthenticationException;
import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.RateLimitedException;
import io.github.hfcontacts.client.RateLimits;
import io.github.hfcontacts.client.RetryPolicy;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import io.github.hfcontacts.sandbox.SandboxRateLimits;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HappyFox's 429 and 10-minute block, and 401, through the proxy. The sandbox's rate-limit clock
 * is moved by hand, so the block is checked to the second without waiting ten minutes.
 */
class RateLimitE2eTest {

    private static final AtomicLong TICKER = new AtomicLong();

    @RegisterExtension
    static final SandboxBehindPrism E2E = SandboxBehindPrism.of(HappyFoxSandbox.builder()
            .ticker(TICKER::get).rateLimits(SandboxRateLimits.happyFox()));

    /** A client that neither paces itself nor retries: every request reaches the sandbox. */
    private static HappyFoxClient unpaced() {
        return E2E.client(b -> b.rateLimits(RateLimits.unlimited()).retryPolicy(RetryPolicy.none()));
    }

    @Test
    void theFiveHundredAndFirstGetIsRefusedAndTheAccountStaysBlockedForTenMinutes() {
        HappyFoxClient client = unpaced();
        for (int i = 0; i < 500; i++) {
            client.customFields().refresh();
        }

        assertThatThrownBy(() -> client.contactGroups().list()).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> client.contacts()
            .upsertResettingOmittedCustomFields(
                ContactDraft.builder().name("X").email("x@example.com")
                .build())).isInstanceOf(RateLimitedException.class);
        assertThat(E2E.sandbox().stats().blocked()).isTrue();
        assertThat(E2E.sandbox().stats().rateLimited()).isEqualTo(2);
        assertThat(E2E.sandbox().stats().contacts()).isZero();

        TICKER.addAndGet(Duration.ofSeconds(599).toNanos());
        assertThatThrownBy(() -> client.contactGroups().list()).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(1)));

        TICKER.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(client.contactGroups().list()).isEmpty();
        assertThat(E2E.sandbox().stats().blocked()).isFalse();
        assertThat(E2E.sandbox().stats().getRequests()).isEqualTo(503);
    }

    @Test
    void theClientsDefaultBudgetStaysUnderTheLimit() {
        HappyFoxClient client = E2E.client(b -> b.rateLimits(RateLimits.of(500, 300)));
        for (int i = 0; i < 120; i++) {
            client.contactGroups().list();
        }

        assertThat(E2E.sandbox().stats().rateLimited()).isZero();
        assertThat(E2E.sandbox().stats().peakGetsPerWindow()).isEqualTo(120);
    }

    @Test
    void wrongCredentialsAreRefusedWith401() {
        HappyFoxClient wrong = E2E.client(b -> b.credentials("sandbox-api-key", "wrong-code"));

        assertThatThrownBy(() -> wrong.contacts().get(1)).isInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining("wrong-code");
        assertThat(E2E.sandbox().stats().unauthorized()).isEqualTo(1);
    }
}
