package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.FaultyHappyFox.Fault.DISCONNECT_AFTER_APPLYING;
import static io.github.hfcontacts.client.FaultyHappyFox.Fault.DISCONNECT_BEFORE_APPLYING;
import static io.github.hfcontacts.client.FaultyHappyFox.Fault.ERROR_502_AFTER_APPLYING;
import static io.github.hfcontacts.client.FaultyHappyFox.Fault.ERROR_5XX_BEFORE_APPLYING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Re-sends and read-backs of bulk chunks whose outcome is unknown, fault by fault. */
class BulkReconciliationTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private FaultyHappyFox server(RetryPolicy policy) {
    FaultyHappyFox server = new FaultyHappyFox(1, 0.0);
    mock.server.setDispatcher(server);
    mock.use(mock.builder().retryPolicy(policy).build());
    return server;
  }

  private static ContactDraft draft(int i) {
    return ContactDraft.builder().email("r" + i + "@example.com").name("R " + i)
        .customField(CustomFieldValue.text(4, "V" + i)).build();
  }

  @Test
  void appliedBeforeEveryAnswerWasLostIsReadBackAsSucceeded() {
    FaultyHappyFox server = server(RetryPolicy.none());
    server.script(ERROR_502_AFTER_APPLYING);

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(List.of(draft(1), draft(2)));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.items()).allSatisfy(item ->
        assertThat(item.message().orElseThrow()).startsWith("applied, as read back after: POST"));
    assertThat(result.items().get(1).id()).hasValue(server.contact("r2@example.com").id);
    assertThat(server.requests).isEqualTo(3); // the POST, then one GET per contact
  }

  @Test
  void neverAppliedIsReadBackAsADefiniteFailure() {
    FaultyHappyFox server = server(RetryPolicy.none());
    server.script(ERROR_5XX_BEFORE_APPLYING);

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(List.of(draft(1)));

    ItemResult<ContactDraft> item = result.items().get(0);
    assertThat(item.status()).isEqualTo(ItemResult.Status.CHUNK_FAILED);
    assertThat(item.outcomeUnknown()).isFalse();
    assertThat(item.message()).hasValue("not applied, as read back: no contact has this email");
    assertThat(server.contact("r1@example.com")).isNull();
  }

  @Test
  void aLoginFlagAnsweredAsSentIsReadBackAsApplied() {
    FaultyHappyFox server = server(RetryPolicy.none());
    server.answersLoginFlag = true;
    server.script(ERROR_502_AFTER_APPLYING);

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(
            List.of(draft(1).toBuilder().loginEnabled(false).build()));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(server.contact("r1@example.com").loginFlag).isEqualTo("FALSE");
    assertThat(server.requests).isEqualTo(2);
  }

  @Test
  void aLoginFlagTheAnswerDoesNotCarryLeavesTheOutcomeUnknown() {
    FaultyHappyFox server = server(RetryPolicy.none());
    server.script(ERROR_502_AFTER_APPLYING);

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(
            List.of(draft(1).toBuilder().loginEnabled(false).build()));

    assertThat(result.outcomeUnknown()).isEqualTo(1);
    assertThat(result.items().get(0).message()).hasValue(
        "outcome unknown: the contact's is_login_enabled cannot be read back (not in the answer)");
    assertThat(server.contact("r1@example.com").loginFlag).isEqualTo("FALSE");
  }

  @Test
  void aLoginFlagAnsweredOtherwiseIsReadBackAsNotApplied() {
    FaultyHappyFox server = server(RetryPolicy.none());
    server.answersLoginFlag = true;
    server.script(null, ERROR_5XX_BEFORE_APPLYING);
    mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(
            List.of(draft(1).toBuilder().loginEnabled(true).build()));

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(
            List.of(draft(1).toBuilder().loginEnabled(false).build()));

    assertThat(result.items().get(0).outcomeUnknown()).isFalse();
    assertThat(result.items().get(0).message())
        .hasValue("not applied, as read back: the contact's is_login_enabled differs");
    assertThat(server.contact("r1@example.com").loginFlag).isEqualTo("TRUE");
  }

  @Test
  void aReadBackThatFailsTooLeavesTheOutcomeUnknown() {
    FaultyHappyFox server = server(RetryPolicy.none());
    server.script(DISCONNECT_AFTER_APPLYING, DISCONNECT_BEFORE_APPLYING);

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(List.of(draft(1)));

    assertThat(result.outcomeUnknown()).isEqualTo(1);
    assertThat(result.items().get(0).message().orElseThrow())
        .startsWith("outcome unknown: reading it back failed: GET /api/1.1/json/user/");
  }

  @Test
  void onlyTheIdempotentItemsOfAnAmbiguousChunkAreSentAgain() throws Exception {
    FaultyHappyFox server = server(RetryPolicy.defaults());
    server.script(DISCONNECT_AFTER_APPLYING);
    ContactDraft noEmail = ContactDraft.builder().name("Walk-in")
        .phone(PhoneKind.MOBILE, "5550001", true).build();

    BulkResult<ContactDraft> result =
        mock.client().contacts()
            .upsertAllResettingOmittedCustomFields(List.of(draft(1), noEmail, draft(2)));

    assertThat(result.items().get(0).succeeded()).isTrue();
    assertThat(result.items().get(2).succeeded()).isTrue();
    ItemResult<ContactDraft> once = result.items().get(1);
    assertThat(once.outcomeUnknown()).isTrue();
    assertThat(once.chunkFailure().orElseThrow().exception()).isInstanceOf(NetworkException.class);
    RecordedRequest first = mock.take();
    RecordedRequest again = mock.take();
    assertThat((List<?>) MockHappyFox.parse(first.getBody().readUtf8())).hasSize(3);
    assertThat(MockHappyFox.parse(again.getBody().readUtf8())).isEqualTo(MockHappyFox.parse(
        "[{\"email\":\"r1@example.com\",\"name\":\"R 1\",\"c-cf-4\":\"V1\"},"
            + "{\"email\":\"r2@example.com\",\"name\":\"R 2\",\"c-cf-4\":\"V2\"}]"));
    assertThat(server.sendsWithoutEmail).isEqualTo(Map.of("Walk-in", 1));
    assertThat(server.withoutEmail).hasSize(1);
  }

  @Test
  void aRemovalRepeatedAfterALostAnswerSucceeds() {
    FaultyHappyFox server = server(RetryPolicy.defaults());
    server.members.put(5L, false);
    server.script(DISCONNECT_AFTER_APPLYING);

    BulkResult<Long> result =
        mock.client().contactGroups().removeContacts(FaultyHappyFox.GROUP_ID, List.of(5L));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.items().get(0).message()).hasValue("Contact not part of the contact group"
        + " (after a repeated request: the contact is not a member)");
    assertThat(server.members).isEmpty();
  }

  @Test
  void membershipIsReadBackFromTheGroup() {
    FaultyHappyFox server = server(RetryPolicy.none());
    server.script(ERROR_502_AFTER_APPLYING);

    BulkResult<GroupMember> result = mock.client().contactGroups().addContacts(
        FaultyHappyFox.GROUP_ID, List.of(GroupMember.of(5, true), GroupMember.of(6)));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(server.members).isEqualTo(Map.of(5L, true, 6L, false));
    assertThat(server.requests).isEqualTo(2);
  }

  @Test
  void noResendStartsAfterTheChunkDeadline() {
    FaultyHappyFox server = server(RetryPolicy.defaults().withMaxAttempts(10)
        .withMaxTotalTime(Duration.ofSeconds(1)));
    mock.sleeper.onSleep(() -> mock.clock.advance(Duration.ofSeconds(5)));
    server.script(ERROR_502_AFTER_APPLYING);

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(List.of(draft(1)));

    assertThat(server.requests).as("one POST, no re-send, no read-back after the deadline")
        .isEqualTo(1);
    assertThat(result.outcomeUnknown()).isEqualTo(1);
    assertThat(result.items().get(0).message()).hasValue("outcome unknown: no time left to read back");
  }
}
