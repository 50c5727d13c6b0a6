package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.CustomFieldsTest.ALL_FIELDS_OF_33;
import static io.github.hfcontacts.client.MockHappyFox.assertGet;
import static io.github.hfcontacts.client.MockHappyFox.assertPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Edits that keep custom fields: update by email, the guarded read-merge-write that detects a
 * concurrent edit, and the explicitly named methods that send exactly the draft.
 */
class ContactEditsTest {
  private static final Moshi MOSHI = HappyFoxMoshi.create();

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private Contacts contacts() {
    return mock.client().contacts();
  }

  private static Contact contact(String fixture) throws IOException {
    return MOSHI.adapter(Contact.class).fromJson(Fixtures.read(fixture));
  }

  @Test
  void updateByEmailReadsMergesAndWritesToTheEmailPath() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    Contact updated = contacts().updateByEmail("james@example.com",
        ContactDraft.builder().name("James Smith").build());

    assertThat(updated.getId()).isEqualTo(33L);
    assertGet(mock.take(), "user/james@example.com/");
    assertPost(mock.take(), "user/james@example.com/",
        "{\"name\": \"James Smith\", " + ALL_FIELDS_OF_33 + "}");
    assertThat(mock.requestCount()).isEqualTo(2);
  }

  @Test
  void updateByEmailPercentEncodesTheEmailInBothRequests() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    contacts().updateByEmail("dept/sales@example.com",
        ContactDraft.builder().customField(CustomFieldValue.text(4, "NEW")).build());

    assertGet(mock.take(), "user/dept%2Fsales@example.com/");
    assertPost(mock.take(), "user/dept%2Fsales@example.com/", "{\"c-cf-4\": \"NEW\","
        + " \"c-cf-5\": 3, \"c-cf-6\": 1250.5, \"c-cf-7\": [10, 12], \"c-cf-8\": \"2026-03-31\","
        + " \"c-cf-9\": null}");
  }

  @Test
  void updateByEmailOfAnUnknownContactWritesNothing() throws Exception {
    mock.enqueueJson(404, "{\"error\": \"Not found\"}");

    assertThatThrownBy(() -> contacts().updateByEmail("nobody@example.com",
        ContactDraft.builder().name("X").build()))
        .isInstanceOf(NotFoundException.class);
    assertGet(mock.take(), "user/nobody@example.com/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void updateByEmailRefusesBadArgumentsBeforeAnyRequest() {
    assertThatThrownBy(() -> contacts().updateByEmail("not an email",
        ContactDraft.builder().name("X").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("email ");
    assertThatThrownBy(() -> contacts().updateByEmail("james@example.com",
        ContactDraft.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("changes must set at least one field");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void guardedUpdateWritesWhenUpdatedAtIsUnchanged() throws Exception {
    Contact shown = contact("contact-33-updated-at-10h.json");
    mock.enqueueFixture("contact-33-updated-at-10h.json");
    mock.enqueueFixture("contact-33-updated.json");

    contacts().updateMerging(33, ContactDraft.builder().name("Jo").build(), shown);

    assertGet(mock.take(), "user/33/");
    assertPost(mock.take(), "user/33/", "{\"name\": \"Jo\", \"c-cf-4\": \"XHR1234\"}");
  }

  @Test
  void guardedUpdateFailsAndWritesNothingWhenTheContactChangedSinceItWasShown()
      throws Exception {
    Contact shown = contact("contact-33-updated-at-10h.json");
    mock.enqueueFixture("contact-33-updated-at-11h.json");

    ConcurrentEditException e = Thrown.by(ConcurrentEditException.class,
        () -> contacts().updateByEmail("james@example.com",
            ContactDraft.builder().name("Jo").build(), shown));

    assertThat(e).hasMessage("contact 33 not updated: it changed since it was read (updated_at"
        + " 2026-02-03T10:00:00Z is now 2026-02-03T11:00:00Z); nothing was written");
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.path()).isEqualTo("/api/1.1/json/user/james@example.com/");
    assertThat(e.currentContact().getUpdatedAt()).isEqualTo("2026-02-03T11:00:00Z");
    assertThat(CustomFieldValues.from(e.currentContact()).get(4))
        .contains(CustomFieldValue.text(4, "XHR9999"));
    assertGet(mock.take(), "user/james@example.com/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void withoutUpdatedAtTheGuardComparesTheEditableFields() throws Exception {
    Contact shown = contact("contact-33-with-custom-fields.json");
    shown.setTicketsCount(99); // not an edit of the contact: ignored
    mock.enqueueFixture("contact-33-with-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    contacts().updateMerging(33, ContactDraft.builder().name("Jo").build(), shown);
    assertThat(mock.requestCount()).isEqualTo(2);

    shown.setName("James Older"); // someone renamed the contact since it was shown
    mock.enqueueFixture("contact-33-with-custom-fields.json");
    assertThatThrownBy(() -> contacts().updateMerging(33,
        ContactDraft.builder().name("Jo").build(), shown))
        .isInstanceOf(ConcurrentEditException.class)
        .hasMessage("contact 33 not updated: it changed since it was read (no updated_at to"
            + " compare, and its fields differ); nothing was written");
    assertThat(mock.requestCount()).isEqualTo(3);
  }

  @Test
  void explicitlyNamedUpdateSendsExactlyTheDraft() throws Exception {
    mock.enqueueFixture("contact-33-updated.json");

    contacts().updateResettingOmittedCustomFields(33, ContactDraft.builder().name("Jo").build());

    assertPost(mock.take(), "user/33/", "{\"name\": \"Jo\"}");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void explicitlyNamedUpsertSendsExactlyTheDraft() throws Exception {
    mock.enqueueFixture("contact.json");

    Contact ann = contacts().upsertResettingOmittedCustomFields(
        ContactDraft.builder().name("Ann Example").email("ann@example.com").build());

    assertThat(ann.getId()).isEqualTo(42L);
    assertPost(mock.take(), "users/", "{\"name\": \"Ann Example\", \"email\": \"ann@example.com\"}");
  }

  @Test
  void deprecatedNamesStillSendExactlyTheDraft() throws Exception {
    mock.enqueueFixture("contact-33-updated.json");
    mock.enqueueFixture("contact.json");

    @SuppressWarnings("deprecation")
    Contact updated = contacts().update(33, ContactDraft.builder().name("Jo").build());
    @SuppressWarnings("deprecation")
    Contact ann = contacts().upsert(ContactDraft.builder().email("ann@example.com").build());

    assertThat(updated.getId()).isEqualTo(33L);
    assertThat(ann.getId()).isEqualTo(42L);
    assertPost(mock.take(), "user/33/", "{\"name\": \"Jo\"}");
    assertPost(mock.take(), "users/", "{\"email\": \"ann@example.com\"}");
  }
}
