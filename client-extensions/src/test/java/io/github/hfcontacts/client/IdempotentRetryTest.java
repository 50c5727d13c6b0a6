package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A POST the contract marks idempotent is retried like a GET after a failure whose outcome is
 * unknown, under the same policy and deadline; any other POST is never sent twice.
 */
class IdempotentRetryTest {
  private static final String GROUP = Fixtures.read("contact-group-1.json");
  private static final String ADDED =
      "[{\"data\": {\"access_tickets\": true, \"contact\": 41}, \"success\": true}]";

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private static MockResponse droppedAfterRequest() {
    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  @Test
  void groupMembershipIsRetriedAfterADroppedConnection() throws Exception {
    mock.enqueue(droppedAfterRequest());
    mock.enqueueJson(200, ADDED);

    BulkResult<GroupMember> result =
        mock.client().contactGroups().addContacts(1, List.of(GroupMember.of(41, true)));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(mock.requestCount()).isEqualTo(2);
    String first = MockHappyFox.postedBody(mock.take(), "contact_group/1/update_contacts/");
    String second = MockHappyFox.postedBody(mock.take(), "contact_group/1/update_contacts/");
    assertThat(second).isEqualTo(first);
    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void groupEditIsRetriedAfter503WithItsRetryAfter() throws Exception {
    mock.enqueue(json(503, "{}").setHeader("Retry-After", "2"));
    mock.enqueueJson(200, GROUP);

    mock.client().contactGroups().edit(1, "new description", null);

    assertThat(mock.requestCount()).isEqualTo(2);
    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void upsertWithAnEmailIsRetriedAfter502() throws Exception {
    mock.enqueueJson(502, "<html>bad gateway</html>");
    mock.enqueueFixture("contact.json");

    mock.client().contacts()
        .upsertResettingOmittedCustomFields(
            ContactDraft.builder().name("Ann").email("ann@example.com")
        .build());

    assertThat(mock.requestCount()).isEqualTo(2);
    MockHappyFox.assertPost(mock.take(), "users/", "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}");
    MockHappyFox.assertPost(mock.take(), "users/", "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}");
  }

  @Test
  void upsertWithoutAnEmailIsNeverSentTwice() throws Exception {
    mock.enqueue(droppedAfterRequest());
    mock.enqueueFixture("contact.json");

    NetworkException thrown = Thrown.by(NetworkException.class, () -> mock.client().contacts()
        .upsertResettingOmittedCustomFields(
            ContactDraft.builder().name("Ann").phone(PhoneKind.MOBILE, "5551234", true)
            .build()));

    assertThat(thrown.requestMayHaveReachedServer()).isTrue();
    assertThat(thrown.getMessage()).contains("may have reached HappyFox, so it was not retried");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void upsertAddingAPhoneIsNeverSentTwiceEvenWithAnEmail() throws Exception {
    mock.enqueueJson(503, "{}");
    mock.enqueueFixture("contact.json");

    ServerException thrown = Thrown.by(ServerException.class, () -> mock.client().contacts()
        .upsertResettingOmittedCustomFields(ContactDraft.builder().email("ann@example.com")
            .phone(PhoneKind.MOBILE, "5551234", true).build()));

    assertThat(thrown.attempts()).isEqualTo(1);
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void groupCreationIsNeverSentTwice() throws Exception {
    mock.enqueue(droppedAfterRequest());
    mock.enqueue(json(500, "{}"));
    mock.enqueueJson(200, GROUP);

    Thrown.by(NetworkException.class,
        () -> mock.client().contactGroups().create("VIP", null, List.of()));
    Thrown.by(ServerException.class,
        () -> mock.client().contactGroups().create("VIP2", null, List.of()));

    assertThat(mock.requestCount()).isEqualTo(2);
  }

  @Test
  void primaryPhoneEditByIdIsRetried() throws Exception {
    mock.enqueueJson(200, "{\"id\": 33, \"name\": \"x\", \"email\": \"x@example.com\","
        + " \"primary_phone\": {\"id\": 31, \"type\": \"w\", \"number\": \"1\"}}");
    mock.enqueue(droppedAfterRequest());
    mock.enqueueFixture("contact-33-updated.json");

    mock.client().contacts().updatePrimaryPhone(33, "5551234567");

    assertThat(mock.requestCount()).isEqualTo(3);
    mock.take();
    RecordedRequest first = mock.take();
    RecordedRequest second = mock.take();
    assertThat(second.getBody().readUtf8()).isEqualTo(first.getBody().readUtf8());
  }

  @Test
  void retriesOfAnIdempotentPostStopAtTheDeadline() throws Exception {
    mock.use(mock.builder().retryPolicy(RetryPolicy.defaults().withMaxAttempts(10)
        .withMaxTotalTime(Duration.ofSeconds(3))).build());
    for (int i = 0; i < 10; i++) {
      mock.enqueueJson(503, "{}");
    }

    ServerException thrown =
        Thrown.by(ServerException.class, () -> mock.client().contactGroups().edit(1, "d", null));

    assertThat(thrown.getMessage()).endsWith("after 3 attempts; waiting 2 s more would pass the"
        + " 3 s deadline");
    assertThat(mock.requestCount()).isEqualTo(3);
    assertThat(mock.sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }
}
