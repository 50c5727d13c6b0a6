package io.github.hfcontacts.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.hfcontacts.client.AuthenticationException;
import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.FieldError;
import io.github.hfcontacts.client.GroupMember;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.NotFoundException;
import io.github.hfcontacts.client.RateLimitedException;
import io.github.hfcontacts.client.RetryPolicy;
import io.github.hfcontacts.client.ValidationException;
import io.github.hfcontacts.contract.prism.PrismMock;
import io.github.hfcontacts.contract.prism.PrismMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Item 7b of the contract: the error responses of the document, selected with
 * {@code Prefer: code=<status>} (and {@code example=<name>} for the 400 bodies), are mapped by the
 * facade to its typed exceptions: 400 to {@link ValidationException} with the field errors, 401 and
 * 403 to {@link AuthenticationException}, 404 to {@link NotFoundException}, 429 to
 * {@link RateLimitedException} with Prism's {@code Retry-After} (the document's example, 600 s).
 * Retries are off ({@code RetryPolicy.none()}) except in the test showing that the default policy
 * reports a 10-minute 429 at once instead of sleeping. Every test also checks that exactly one
 * request reached Prism and that Prism found it valid (the error is the one asked for, not a
 * refusal).
 */
class FacadeErrorMappingContractTest {

    @RegisterExtension
    static final PrismMockExtension PRISM = PrismMockExtension.forProjectSpec();

    private static final ContactDraft NEW_CONTACT = ContactDraft.builder().email("jamesmay@example1.com").build();

    @Test
    @Covers(value = "createOrUpdateContacts", layer = Covers.Layer.FACADE)
    void nameRequiredIsAValidationExceptionWithItsFieldErrors(PrismMock prism) {
        try (FacadeHarness facade = FacadeHarness.against(prism).prefer("code=400, example=nameRequired")) {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> facade.client.contacts().upsertResettingOmittedCustomFields(NEW_CONTACT));

            assertThat(e).as("ValidationException").isNotNull();
            assertThat(e.statusCode()).hasValue(400);
            assertThat(e.fieldErrors()).containsExactly(FieldError.of("name", List.of("This field is required.")));
            assertOneValidRequest(facade, 400);
        }
    }

    @Test
    @Covers(value = "updateContact", layer = Covers.Layer.FACADE)
    void customFieldRequiredIsAValidationExceptionWithItsFieldErrors(PrismMock prism) {
        try (FacadeHarness facade = FacadeHarness.against(prism).prefer("code=400, example=customFieldRequired")) {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> facade.client.contacts()
                        .updateResettingOmittedCustomFields(
                            33, ContactDraft.builder().name("John Smith").build()));

            assertThat(e).as("ValidationException").isNotNull();
            assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("c-cf-13");
            assertOneValidRequest(facade, 400);
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403})
    @Covers(value = {"getContact", "listContactGroups"}, layer = Covers.Layer.FACADE)
    void unauthorizedAndForbiddenAreAuthenticationExceptions(int status, PrismMock prism) {
        try (FacadeHarness facade = FacadeHarness.against(prism).prefer("code=" + status)) {
            assertThatThrownBy(() -> facade.client.contacts().get(33)).isInstanceOfSatisfying(
                    AuthenticationException.class, e -> assertThat(e.statusCode()).hasValue(status));
            assertOneValidRequest(facade, status);
        }
        try (FacadeHarness facade = FacadeHarness.against(prism).prefer("code=" + status)) {
            assertThatThrownBy(() -> facade.client.contactGroups().list()).isInstanceOf(AuthenticationException.class);
            assertOneValidRequest(facade, status);
        }
    }

    @Test
    @Covers(value = {"getContact", "getContactGroup", "updateContactGroup", "addContactsToGroup"},
            layer = Covers.Layer.FACADE)
    void notFoundIsANotFoundException(PrismMock prism) {
        List<Consumer<HappyFoxClient>> calls = List.of(
                client -> client.contacts().getByEmail("nobody@example.com"),
                client -> client.contactGroups().get(99),
                client -> client.contactGroups().edit(99, "x", null));
        for (Consumer<HappyFoxClient> call : calls) {
            try (FacadeHarness facade = FacadeHarness.against(prism).prefer("code=404")) {
                assertThatThrownBy(() -> call.accept(facade.client)).isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.statusCode()).hasValue(404));
                assertOneValidRequest(facade, 404);
            }
        }
        // a bulk operation reports a 404 per item instead of throwing
        try (FacadeHarness facade = FacadeHarness.against(prism).prefer("code=404")) {
            var result = facade.client.contactGroups().addContacts(99, List.of(GroupMember.of(1)));
            assertThat(result.allSucceeded()).isFalse();
            assertThat(result.chunkFailures()).singleElement()
                    .satisfies(f -> assertThat(f.exception()).isInstanceOf(NotFoundException.class));
            assertOneValidRequest(facade, 404);
        }
    }

    @Test
    @Covers(value = {"getContact", "createOrUpdateContacts"}, layer = Covers.Layer.FACADE)
    void tooManyRequestsIsARateLimitedExceptionWithTheWait(PrismMock prism) {
        List<Consumer<HappyFoxClient>> calls = List.of(
                client -> client.contacts().get(33),
                client -> client.contacts().upsertResettingOmittedCustomFields(NEW_CONTACT));
        for (Consumer<HappyFoxClient> call : calls) {
            try (FacadeHarness facade = FacadeHarness.against(prism).prefer("code=429")) {
                assertThatThrownBy(() -> call.accept(facade.client)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.statusCode()).hasValue(429);
                    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(600));
                    assertThat(e.attempts()).isEqualTo(1);
                });
                assertOneValidRequest(facade, 429);
            }
        }
    }

    @Test
    @Covers(value = "listContactCustomFields", layer = Covers.Layer.FACADE)
    void theDefaultRetryPolicyReportsA429BlockAtOnceInsteadOfSleeping(PrismMock prism) {
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        try (FacadeHarness facade = FacadeHarness.against(prism,
                b -> b.retryPolicy(RetryPolicy.defaults()).sleeper(sleeps::add)).prefer("code=429")) {
            assertThatThrownBy(() -> facade.client.customFields().refresh()).isInstanceOfSatisfying(
                    RateLimitedException.class, e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(600)));
            assertOneValidRequest(facade, 429);
            assertThat(sleeps).as("waits slept").isEmpty();
        }
    }

    private static void assertOneValidRequest(FacadeHarness facade, int status) {
        GeneratedApi.Exchange exchange = facade.single();
        assertThat(exchange.status()).as("%s", exchange).isEqualTo(status);
        assertThat(exchange.violations()).as("Prism found the facade's request invalid: %s", exchange).isNull();
        assertThat(facade.preferHeaders()).hasSize(1);
    }
}
