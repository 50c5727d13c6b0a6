package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.assertPost;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static io.github.hfcontacts.client.MockHappyFox.parse;
import static io.github.hfcontacts.client.MockHappyFox.postedBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Contacts#upsertAll}: chunks of 100, one result per input in order, chunk failures that
 * never hide the other chunks. Large answers are computed from the request (an echo of its emails
 * with ids), small ones are fixtures.
 */
class ContactsBulkUpsertTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private static List<ContactDraft> drafts(int count) {
    List<ContactDraft> drafts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      drafts.add(ContactDraft.builder()
          .email("contact" + i + "@example.com")
          .name("Contact " + i)
          .customField(CustomFieldValue.text(4, "ACC" + i))
          .build());
    }
    return drafts;
  }

  /** Answers each POST with success for every item (id = 1000 + n), or {@code failure} for one. */
  private static Dispatcher echo(int failingRequest, MockResponse failure) {
    AtomicInteger seen = new AtomicInteger();
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        int index = seen.getAndIncrement();
        if (index == failingRequest) {
          return failure;
        }
        return json(200, echoBody(request.getBody().clone().readUtf8()));
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static String echoBody(String requestBody) {
    List<Map<String, Object>> items = (List<Map<String, Object>>) parse(requestBody);
    StringBuilder out = new StringBuilder("[");
    for (Map<String, Object> item : items) {
      String email = (String) item.get("email");
      int n = Integer.parseInt(email.substring("contact".length(), email.indexOf('@')));
      out.append(out.length() > 1 ? "," : "")
          .append("{\"email\":\"").append(email).append("\",\"success\":true,\"id\":")
          .append(1000 + n).append('}');
    }
    return out.append(']').toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> bodyItems(RecordedRequest request) {
    return (List<Map<String, Object>>) parse(postedBody(request, "users/"));
  }

  private void assertChunksSent(int... sizes) throws InterruptedException {
    int next = 0;
    for (int size : sizes) {
      List<Map<String, Object>> items = bodyItems(mock.take());
      assertThat(items).hasSize(size);
      for (Map<String, Object> item : items) {
        assertThat(item).isEqualTo(Map.of(
            "email", "contact" + next + "@example.com",
            "name", "Contact " + next,
            "c-cf-4", "ACC" + next));
        next++;
      }
    }
    assertThat(mock.requestCount()).isEqualTo(sizes.length);
  }

  @Test
  void aMiddleChunkMeeting500IsSentAgainAndEveryContactSucceeds() throws Exception {
    mock.server.setDispatcher(echo(1, json(500, "{\"detail\": \"oops\"}")));

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(250));

    List<Map<String, Object>> first = bodyItems(mock.take());
    List<Map<String, Object>> failed = bodyItems(mock.take());
    List<Map<String, Object>> again = bodyItems(mock.take());
    assertThat(bodyItems(mock.take())).hasSize(50);
    assertThat(first).hasSize(100);
    assertThat(failed).hasSize(100).isEqualTo(again);
    assertThat(mock.requestCount()).isEqualTo(4);
    assertThat(result.size()).isEqualTo(250);
    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.chunkFailures()).isEmpty();
    for (int i = 0; i < 250; i++) {
      assertThat(result.items().get(i).index()).isEqualTo(i);
      assertThat(result.items().get(i).id()).hasValue(1000 + i);
    }
    assertThat(result.toString())
        .isEqualTo("BulkResult{250 items: 250 succeeded, 0 failed, 0 chunk failures}");
  }

  @Test
  void aMiddleChunkMeeting500EveryTimeIsReadBackAndReportedNotApplied() throws Exception {
    mock.use(mock.builder().retryPolicy(RetryPolicy.none()).build());
    mock.server.setDispatcher(new Dispatcher() {
      private final Dispatcher posts = echo(1, json(500, "{\"detail\": \"oops\"}"));

      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        return request.getMethod().equals("GET") ? json(404, "{\"error\": \"Not found\"}")
            : posts.dispatch(request);
      }
    });

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(250));

    assertThat(result.succeeded()).isEqualTo(150);
    assertThat(mock.requestCount()).isEqualTo(3 + 100);
    ChunkFailure failure = result.chunkFailures().get(0);
    assertThat(failure.fromIndex()).isEqualTo(100);
    assertThat(failure.toIndex()).isEqualTo(200);
    assertThat(failure.exception()).isInstanceOf(ServerException.class);
    assertThat(failure.mayHaveBeenApplied()).isFalse();
    assertThat(result.items().subList(100, 200)).allSatisfy(item -> {
      assertThat(item.status()).isEqualTo(ItemResult.Status.CHUNK_FAILED);
      assertThat(item.outcomeUnknown()).isFalse();
      assertThat(item.message()).hasValue("not applied, as read back: no contact has this email");
      assertThat(item.chunkFailure()).containsSame(failure);
    });
    assertThat(result.failures()).extracting(ItemResult::index)
        .containsExactlyElementsOf(IntStream.range(100, 200).boxed().toList());
  }

  @Test
  void theMiddleChunkRejectedWith400CarriesItsFieldErrors() throws Exception {
    mock.server.setDispatcher(echo(1, json(400,
        Fixtures.read("upsert-error-name-required.json"))));

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(250));

    assertChunksSent(100, 100, 50);
    assertThat(result.succeeded()).isEqualTo(150);
    ChunkFailure failure = result.chunkFailures().get(0);
    assertThat(failure.mayHaveBeenApplied()).isFalse();
    assertThat(failure.exception()).isInstanceOfSatisfying(ValidationException.class, e ->
        assertThat(e.fieldErrors())
            .containsExactly(FieldError.of("name", List.of("This field is required."))));
    assertThat(result.items().get(150).chunkFailure()).containsSame(failure);
    assertThat(result.items().get(250 - 1).id()).hasValue(1249);
  }

  @Test
  void aDroppedConnectionOnTheMiddleChunkIsSentAgain() throws Exception {
    mock.server.setDispatcher(echo(1,
        new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST)));

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(250));

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.chunkFailures()).isEmpty();
    assertThat(mock.requestCount()).isEqualTo(4);
  }

  @Test
  void anAuthenticationFailureStopsTheRemainingChunks() throws Exception {
    mock.server.setDispatcher(echo(1, json(401, "{}")));

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(250));

    assertChunksSent(100, 100);
    assertThat(result.succeeded()).isEqualTo(100);
    assertThat(result.chunkFailures()).hasSize(2);
    ChunkFailure failed = result.chunkFailures().get(0);
    ChunkFailure notSent = result.chunkFailures().get(1);
    assertThat(failed.exception()).isInstanceOf(AuthenticationException.class);
    assertThat(notSent.sent()).isFalse();
    assertThat(notSent.exception()).isSameAs(failed.exception());
    assertThat(notSent.fromIndex()).isEqualTo(200);
    assertThat(result.items().get(150).status()).isEqualTo(ItemResult.Status.CHUNK_FAILED);
    assertThat(result.items().get(200).status()).isEqualTo(ItemResult.Status.NOT_SENT);
    assertThat(result.items().get(249).chunkFailure()).containsSame(notSent);
  }

  @Test
  void aRateLimitStopsTheRemainingChunksWithoutWaiting() throws Exception {
    mock.server.setDispatcher(echo(1, json(429, "{}")));

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(250));

    assertChunksSent(100, 100);
    assertThat(mock.sleeper.sleeps()).isEmpty();
    assertThat(result.succeeded()).isEqualTo(100);
    ChunkFailure limited = result.chunkFailures().get(0);
    assertThat(limited.exception()).isInstanceOf(RateLimitedException.class);
    assertThat(limited.mayHaveBeenApplied()).isFalse();
    assertThat(result.chunkFailures().get(1).sent()).isFalse();
    assertThat(result.items().subList(200, 250))
        .allSatisfy(item -> assertThat(item.status()).isEqualTo(ItemResult.Status.NOT_SENT));
  }

  @Test
  void aRejectedItemCarriesItsFieldErrorsAndTheOthersSucceed() throws Exception {
    mock.enqueueFixture("upsert-bulk-results-with-rejection.json");

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(List.of(
        ContactDraft.builder().email("johnsmith@example.com").name("John Smith")
            .customField(CustomFieldValue.text(4, "XHR1234")).build(),
        ContactDraft.builder().email("nathen@example.com")
            .customField(CustomFieldValue.text(4, "LDA5000")).build()));

    assertPost(mock.take(), "users/", "[{\"email\": \"johnsmith@example.com\","
        + " \"name\": \"John Smith\", \"c-cf-4\": \"XHR1234\"},"
        + " {\"email\": \"nathen@example.com\", \"c-cf-4\": \"LDA5000\"}]");
    assertThat(result.succeeded()).isEqualTo(1);
    assertThat(result.chunkFailures()).isEmpty();
    assertThat(result.items().get(0).id()).hasValue(14);
    ItemResult<ContactDraft> rejected = result.items().get(1);
    assertThat(rejected.status()).isEqualTo(ItemResult.Status.REJECTED);
    assertThat(rejected.errors())
        .containsExactly(FieldError.of("name", List.of("This field is required.")));
  }

  @Test
  void anAnswerWithTooFewResultsIsReportedNotMisassigned() throws Exception {
    mock.use(mock.builder().retryPolicy(RetryPolicy.none()).build()); // no re-send
    mock.enqueueJson(200, "[{\"email\": \"contact0@example.com\", \"success\": true, \"id\": 1000}]");

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(2));

    assertThat(bodyItems(mock.take())).hasSize(2);
    assertThat(result.succeeded()).isZero();
    assertThat(result.items()).allSatisfy(item -> {
      assertThat(item.status()).isEqualTo(ItemResult.Status.CHUNK_FAILED);
      assertThat(item.id()).isEmpty();
    });
    ChunkFailure failure = result.chunkFailures().get(0);
    assertThat(failure.exception()).isInstanceOf(MalformedResponseException.class)
        .hasMessage("POST /api/1.1/json/users/ failed: the answer does not match the 2 items sent"
            + " (1 results for 2 items); no item result was assigned");
    assertThat(failure.mayHaveBeenApplied()).isTrue();
  }

  @Test
  void anAnswerForOtherEmailsIsReportedNotMisassigned() throws Exception {
    mock.use(mock.builder().retryPolicy(RetryPolicy.none()).build()); // no re-send
    mock.enqueueJson(200, "[{\"email\": \"contact1@example.com\", \"success\": true, \"id\": 1001},"
        + "{\"email\": \"contact0@example.com\", \"success\": true, \"id\": 1000}]");

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(2));

    assertThat(result.succeeded()).isZero();
    assertThat(result.chunkFailures().get(0).exception())
        .hasMessageContaining("result 0 names another email than item 0");
  }

  @Test
  void anObjectInsteadOfAListIsReported() throws Exception {
    mock.use(mock.builder().retryPolicy(RetryPolicy.none()).build()); // no re-send
    mock.enqueueFixture("contact-33-updated.json");

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(1));

    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.chunkFailures().get(0).exception())
        .hasMessageContaining("one contact object instead of a list of results");
  }

  @Test
  void exactlyOneHundredIsOneRequestAndOneHundredOneIsTwo() throws Exception {
    mock.server.setDispatcher(echo(-1, null));

    assertThat(mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(100)).succeeded()).isEqualTo(100);
    assertChunksSent(100);
    assertThat(mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts(101)).succeeded()).isEqualTo(101);
    assertThat(bodyItems(mock.take())).hasSize(100);
    assertThat(bodyItems(mock.take())).hasSize(1);
  }

  @Test
  void nothingToSendSendsNothing() {
    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(List.of());

    assertThat(result.size()).isZero();
    assertThat(result.allSucceeded()).isTrue();
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void anInvalidDraftAnywhereStopsEverythingBeforeAnyRequest() {
    List<ContactDraft> input = new ArrayList<>(drafts(150));
    input.set(120, ContactDraft.builder().name("No key").build());

    assertThatThrownBy(() -> mock.client().contacts().upsertAllResettingOmittedCustomFields(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("drafts[120] needs an email");
    List<ContactDraft> withNull = new ArrayList<>(drafts(3));
    withNull.set(1, null);
    assertThatThrownBy(() -> mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("drafts[1]");
    assertThat(mock.requestCount()).isZero();
  }
}
