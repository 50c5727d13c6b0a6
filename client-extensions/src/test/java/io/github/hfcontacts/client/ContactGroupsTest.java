package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.assertGet;
import static io.github.hfcontacts.client.MockHappyFox.assertPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.openapi.model.ContactGroup;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contact groups: list, get, create, edit, and chunked membership changes. */
class ContactGroupsTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private ContactGroups groups() {
    return mock.client().contactGroups();
  }

  @Test
  void listReadsEveryGroup() throws Exception {
    mock.enqueueFixture("contact-groups.json");

    List<ContactGroup> groups = groups().list();

    assertThat(groups).extracting(ContactGroup::getName).containsExactly("test group", "test1 group");
    assertThat(ContactGroups.taggedDomains(groups.get(0).getTaggedDomains()))
        .containsExactly("example.com");
    assertThat(ContactGroups.taggedDomains(groups.get(1).getTaggedDomains())).isEmpty();
    assertGet(mock.take(), "contact_groups/");
  }

  @Test
  void getReadsTheGroupWithItsContacts() throws Exception {
    mock.enqueueFixture("contact-group-1.json");

    ContactGroupDetail group = groups().get(1);

    assertThat(group.getContacts()).singleElement()
        .satisfies(member -> assertThat(member.getAccessTickets()).isTrue());
    assertThat(ContactGroups.taggedDomains(group.getTaggedDomains()))
        .containsExactly("example.com", "acme.com");
    assertGet(mock.take(), "contact_group/1/");
  }

  @Test
  void createJoinsTheTaggedDomainsWithCommas() throws Exception {
    mock.enqueueFixture("contact-group-1.json");

    ContactGroupDetail created =
        groups().create("test group", "example description", List.of("example.com", "acme.com"));

    assertThat(created.getId()).isEqualTo(1L);
    assertPost(mock.take(), "contact_groups/", "{\"name\": \"test group\","
        + " \"description\": \"example description\", \"tagged_domains\": \"example.com,acme.com\"}");
  }

  @Test
  void createWithOnlyANameSendsOnlyTheName() throws Exception {
    mock.enqueueFixture("contact-group-1.json");

    groups().create("test group", null, List.of());

    assertPost(mock.take(), "contact_groups/", "{\"name\": \"test group\"}");
  }

  @Test
  void createRejectsBadArgumentsBeforeAnyRequest() {
    assertThatThrownBy(() -> groups().create(" ", null, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank");
    assertThatThrownBy(() -> groups().create("g", null, List.of("example.com,acme.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("taggedDomains[0] \"example.com,acme.com\" must not contain a comma: HappyFox"
            + " separates tagged domains with commas; pass each domain separately");
    assertThatThrownBy(() -> groups().create("g", null, List.of("example.com", "acme .com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("taggedDomains[1] must not contain whitespace or control characters (found"
            + " U+0020 at index 4)");
    assertThatThrownBy(() -> groups().create("g", null, List.of("")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("taggedDomains[0] must not be empty");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void editSendsOnlyDescriptionAndTaggedDomains() throws Exception {
    mock.enqueueFixture("contact-group-1.json");
    mock.enqueueFixture("contact-group-1.json");
    mock.enqueueFixture("contact-group-1.json");

    groups().edit(1, "Customers of the example domains", List.of("example.com", "example.org"));
    groups().edit(1, null, List.of());
    groups().edit(1, "Only the description", null);

    assertPost(mock.take(), "contact_group/1/", "{\"description\": \"Customers of the example"
        + " domains\", \"tagged_domains\": \"example.com,example.org\"}");
    assertPost(mock.take(), "contact_group/1/", "{\"tagged_domains\": \"\"}");
    assertPost(mock.take(), "contact_group/1/", "{\"description\": \"Only the description\"}");
  }

  @Test
  void editWithNothingToChangeIsRefused() {
    assertThatThrownBy(() -> groups().edit(1, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("description and taggedDomains are both null: there is nothing to edit (a"
            + " group cannot be renamed)");
    assertThatThrownBy(() -> groups().edit(0, "x", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupId must be a positive id but was 0");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void addContactsReportsEachMemberFromTheDocumentedAnswer() throws Exception {
    mock.enqueueFixture("group-update-contacts-results.json");

    BulkResult<GroupMember> result =
        groups().addContacts(3, List.of(GroupMember.of(41, true), GroupMember.of(200)));

    assertPost(mock.take(), "contact_group/3/update_contacts/", "[{\"contact\": 41,"
        + " \"access_tickets\": true}, {\"contact\": 200, \"access_tickets\": false}]");
    assertThat(result.succeeded()).isEqualTo(1);
    assertThat(result.items().get(0).id()).hasValue(41);
    ItemResult<GroupMember> rejected = result.items().get(1);
    assertThat(rejected.status()).isEqualTo(ItemResult.Status.REJECTED);
    assertThat(rejected.input()).isEqualTo(GroupMember.of(200, false));
    assertThat(rejected.errors()).containsExactly(FieldError.of("contact",
        List.of("Select a valid choice. That choice is not one of the available choices.")));
  }

  /** Answers each membership POST per item, or {@code failure} for the request numbered so. */
  private static Dispatcher perItem(int failingRequest, MockResponse failure, boolean removal) {
    AtomicInteger seen = new AtomicInteger();
    return new Dispatcher() {
      @Override
      @SuppressWarnings("unchecked")
      public MockResponse dispatch(RecordedRequest request) {
        if (seen.getAndIncrement() == failingRequest) {
          return failure;
        }
        Object body = MockHappyFox.parse(request.getBody().clone().readUtf8());
        List<Object> ids = new ArrayList<>();
        if (removal) {
          ids.addAll((List<Object>) ((Map<String, Object>) body).get("contacts"));
        } else {
          for (Map<String, Object> item : (List<Map<String, Object>>) body) {
            ids.add(item.get("contact"));
          }
        }
        StringBuilder out = new StringBuilder("[");
        for (Object id : ids) {
          long contact = ((Number) id).longValue();
          out.append(out.length() > 1 ? "," : "").append(removal
              ? "{\"data\":{\"message\":\"Successfully removed contact from group\",\"contact\":"
                  + contact + "},\"success\":true}"
              : "{\"data\":{\"access_tickets\":false,\"contact\":" + contact
                  + "},\"success\":true}");
        }
        return MockHappyFox.json(200, out.append(']').toString());
      }
    };
  }

  @SuppressWarnings("unchecked")
  @Test
  void addingTwoHundredFiftyContactsSendsThreeChunksAndRetriesTheOneMeeting500() throws Exception {
    mock.server.setDispatcher(perItem(1, MockHappyFox.json(500, "{}"), false));
    List<GroupMember> members = new ArrayList<>();
    for (long id = 1; id <= 250; id++) {
      members.add(GroupMember.of(id, id % 2 == 0));
    }

    BulkResult<GroupMember> result = groups().addContacts(7, members);

    List<List<Map<String, Object>>> bodies = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      RecordedRequest request = mock.take();
      assertThat(request.getMethod()).isEqualTo("POST");
      assertThat(request.getPath()).isEqualTo("/api/1.1/json/contact_group/7/update_contacts/");
      bodies.add((List<Map<String, Object>>) MockHappyFox.parse(request.getBody().readUtf8()));
    }
    assertThat(bodies).extracting(List::size).containsExactly(100, 100, 100, 50);
    assertThat(bodies.get(2)).as("the chunk that met 500, sent again").isEqualTo(bodies.get(1));
    long next = 1;
    for (List<Map<String, Object>> items : List.of(bodies.get(0), bodies.get(2), bodies.get(3))) {
      for (Map<String, Object> item : items) {
        assertThat(item).isEqualTo(Map.of("contact", (double) next, "access_tickets", next % 2 == 0));
        next++;
      }
    }
    assertThat(mock.requestCount()).isEqualTo(4);
    assertThat(result.size()).isEqualTo(250);
    assertThat(result.succeeded()).isEqualTo(250);
    assertThat(result.chunkFailures()).isEmpty();
    for (int i = 0; i < 250; i++) {
      ItemResult<GroupMember> item = result.items().get(i);
      assertThat(item.index()).isEqualTo(i);
      assertThat(item.input().contactId()).isEqualTo(i + 1L);
    }
  }

  @Test
  void removingTwoHundredFiftyContactsSendsThreeRequestsAndReportsEachContact() throws Exception {
    mock.server.setDispatcher(perItem(-1, null, true));
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= 250; id++) {
      ids.add(id);
    }

    BulkResult<Long> result = groups().removeContacts(7, ids);

    for (int[] range : new int[][] {{1, 100}, {101, 200}, {201, 250}}) {
      RecordedRequest request = mock.take();
      StringBuilder expected = new StringBuilder("{\"contacts\": [");
      for (int id = range[0]; id <= range[1]; id++) {
        expected.append(id == range[0] ? "" : ",").append(id);
      }
      assertPost(request, "contact_group/7/delete_contacts/", expected.append("]}").toString());
    }
    assertThat(mock.requestCount()).isEqualTo(3);
    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.items()).extracting(ItemResult::input)
        .containsExactlyElementsOf(ids);
    assertThat(result.items().get(249).message())
        .hasValue("Successfully removed contact from group");
  }

  @Test
  void removeContactsReportsHappyFoxsMessagePerContact() throws Exception {
    mock.enqueueFixture("group-delete-contacts-results.json");

    BulkResult<Long> result = groups().removeContacts(2, List.of(1L, 3L, 100L));

    assertPost(mock.take(), "contact_group/2/delete_contacts/", "{\"contacts\": [1, 3, 100]}");
    assertThat(result.succeeded()).isEqualTo(1);
    assertThat(result.items()).extracting(item -> item.status() + " " + item.message().orElse(""))
        .containsExactly(
            "SUCCEEDED Successfully removed contact from group",
            "REJECTED Contact not part of the contact group",
            "REJECTED Contact does not exist");
  }

  @Test
  void anAnswerForAnotherContactIsReportedNotMisassigned() throws Exception {
    mock.use(mock.builder().retryPolicy(RetryPolicy.none()).build()); // no re-send
    mock.enqueueJson(200, "[{\"data\": {\"message\": \"ok\", \"contact\": 3}, \"success\": true},"
        + " {\"data\": {\"message\": \"ok\", \"contact\": 1}, \"success\": true}]");

    BulkResult<Long> result = groups().removeContacts(2, List.of(1L, 3L));

    assertThat(result.succeeded()).isZero();
    assertThat(result.chunkFailures().get(0).exception())
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("result 0 is for contact 3, not 1");
  }

  @Test
  void aMissingGroupStopsAfterTheFirstChunk() throws Exception {
    mock.enqueueJson(404, "{}");
    List<Long> ids = new ArrayList<>();
    for (long id = 1; id <= 150; id++) {
      ids.add(id);
    }

    BulkResult<Long> result = groups().removeContacts(999, ids);

    assertThat(mock.requestCount()).isEqualTo(1);
    assertThat(result.failed()).isEqualTo(150);
    assertThat(result.items().get(0).status()).isEqualTo(ItemResult.Status.CHUNK_FAILED);
    assertThat(result.items().get(120).status()).isEqualTo(ItemResult.Status.NOT_SENT);
    assertThat(result.chunkFailures().get(1).exception()).isInstanceOf(NotFoundException.class);
  }

  @Test
  void membershipArgumentsAreCheckedBeforeAnyRequest() {
    assertThatThrownBy(() -> groups().removeContacts(2, List.of(1L, 0L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contactIds[1] must be a positive id but was 0");
    assertThatThrownBy(() -> GroupMember.of(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contactId must be a positive id but was -5");
    assertThatThrownBy(() -> groups().addContacts(0, List.of(GroupMember.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("groupId must be a positive id but was 0");
    assertThat(groups().addContacts(2, List.of()).size()).isZero();
    assertThat(mock.requestCount()).isZero();
  }
}
