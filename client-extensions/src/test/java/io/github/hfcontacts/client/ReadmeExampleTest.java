package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.assertGet;
import static io.github.hfcontacts.client.MockHappyFox.assertPost;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.openapi.model.Contact;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's 15-line usage example, run against MockWebServer. The lines between the markers
 * are the README's, except that the README targets {@code .account("acme")} where this test
 * targets the mock through the loopback-http opt-in, and prints where this test collects.
 */
class ReadmeExampleTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  @Test
  void theReadmeExampleRuns() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json"); // getByEmail
    mock.enqueueFixture("contact-33-with-custom-fields.json"); // updateCustomFields: read
    mock.enqueueFixture("contact-33-updated.json"); //            updateCustomFields: write
    mock.enqueueJson(200, "[{\"email\": \"ann@example.com\", \"success\": true, \"id\": 501},"
        + " {\"email\": \"bob@example.com\", \"success\": false, \"errors\": [{\"field\": \"name\","
        + " \"errors\": [\"This field is required.\"]}]}]"); // upsertAll
    mock.enqueueJson(200, "{\"page_info\": {\"count\": 1, \"page_count\": 1}, \"data\": ["
        + Fixtures.read("contact-33-updated.json") + "]}"); // search
    mock.enqueueJson(200, "[{\"data\": {\"access_tickets\": true, \"contact\": 33},"
        + " \"success\": true}]"); // addContacts
    List<ContactDraft> drafts = List.of(
        ContactDraft.builder().name("Ann Lee").email("ann@example.com").build(),
        ContactDraft.builder().email("bob@example.com").build());
    String baseUrl = mock.server.url("/").toString();
    String apiKey = "api-key";
    String authCode = "auth-code";
    List<String> printed = new ArrayList<>();

    // README-START
    try (HappyFoxClient client = HappyFoxClient.builder()
        .baseUrl(baseUrl).allowInsecureHttpForLoopback() // README: .account("acme")
        .credentials(apiKey, authCode)
        .build()) {
      Contacts contacts = client.contacts();
      Contact james = contacts.getByEmail("james@example.com");
      contacts.updateCustomFields(james.getId(),          // keeps the other custom fields
          List.of(CustomFieldValue.choice(5, 4)));
      BulkResult<ContactDraft> saved =                    // any number, 100 per request
          contacts.upsertAllResettingOmittedCustomFields(drafts);
      saved.failures().forEach(item -> printed.add("not saved: " + item));
      for (Contact c : contacts.search(SearchQuery.builder().name("adam").build())) {
        printed.add(c.getEmail());                          // pages of 50, fetched lazily
      }
      client.contactGroups().addContacts(3, List.of(GroupMember.of(james.getId(), true)))
          .failures().forEach(item -> printed.add("not added: " + item));
    }
    // README-END

    assertThat(printed).containsExactly(
        "not saved: ItemResult{#1 REJECTED [name: This field is required.]}",
        "james@example.com");
    assertGet(mock.take(), "user/james@example.com/");
    assertGet(mock.take(), "user/33/");
    assertPost(mock.take(), "user/33/", "{\"c-cf-4\": \"XHR1234\", \"c-cf-5\": 4,"
        + " \"c-cf-6\": 1250.5, \"c-cf-7\": [10, 12], \"c-cf-8\": \"2026-03-31\", \"c-cf-9\": null}");
    assertPost(mock.take(), "users/", "[{\"name\": \"Ann Lee\", \"email\": \"ann@example.com\"},"
        + " {\"email\": \"bob@example.com\"}]");
    assertGet(mock.take(), "users/?size=50&page=1&q=name%3Aadam");
    assertPost(mock.take(), "contact_group/3/update_contacts/",
        "[{\"contact\": 33, \"access_tickets\": true}]");
    assertThat(mock.requestCount()).isEqualTo(6);
  }
}
