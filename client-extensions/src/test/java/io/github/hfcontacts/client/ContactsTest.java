package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.assertGet;
import static io.github.hfcontacts.client.MockHappyFox.assertPost;
import static io.github.hfcontacts.client.MockHappyFox.postedBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.openapi.model.Contact;
import java.util.List;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Single-contact operations: get, edit, login permission, primary phone, upsert. */
class ContactsTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private Contacts contacts() {
    return mock.client().contacts();
  }

  @Test
  void getByIdReadsTheContact() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");

    Contact contact = contacts().get(33);

    assertThat(contact.getId()).isEqualTo(33L);
    assertThat(contact.getEmail()).isEqualTo("james@example.com");
    assertThat(contact.getPrimaryPhone().getType()).isEqualTo("w");
    assertGet(mock.take(), "user/33/");
  }

  @ParameterizedTest
  @CsvSource({
    "james@example.com,            user/james@example.com/",
    "a+b@example.com,              user/a+b@example.com/",
    "dept/sales@example.com,       user/dept%2Fsales@example.com/",
    "100%real@example.com,         user/100%25real@example.com/",
    "q?x#y@example.com,            user/q%3Fx%23y@example.com/",
    "ünï@example.com,              user/%C3%BCn%C3%AF@example.com/"
  })
  void getByEmailPercentEncodesTheEmailAsOnePathSegment(String email, String encodedPath)
      throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");

    contacts().getByEmail(email);

    RecordedRequest request = mock.take();
    assertGet(request, encodedPath);
    assertThat(request.getRequestUrl().pathSegments())
        .containsExactly("api", "1.1", "json", "user", email, "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"john smith@example.com", " john@example.com", "john@example.com\n",
      "john\t@example.com", "johnexample.com", "@example.com", "john@", ""})
  void getByEmailRejectsMalformedEmailsBeforeAnyRequest(String email) {
    assertThatThrownBy(() -> contacts().getByEmail(email))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("email ");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void idsMustBePositive() {
    assertThatThrownBy(() -> contacts().get(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("contactId must be a positive id but was 0");
    assertThatThrownBy(() -> contacts().setLoginEnabled(-4, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contactId");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void aMissingContactIsATypedNotFound() throws Exception {
    mock.enqueueJson(404, "{}");

    assertThatThrownBy(() -> contacts().get(404404))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.statusCode()).hasValue(404);
          assertThat(e.path()).isEqualTo("/api/1.1/json/user/404404/");
        });
    assertGet(mock.take(), "user/404404/");
  }

  @Test
  void setLoginEnabledSendsTheStringTrueAndKeepsTheCustomFields() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    Contact contact = contacts().setLoginEnabled(33, true);

    assertThat(contact.getId()).isEqualTo(33L);
    assertGet(mock.take(), "user/33/");
    String body = assertPost(mock.take(), "user/33/",
        "{\"is_login_enabled\": \"TRUE\", " + CustomFieldsTest.ALL_FIELDS_OF_33 + "}");
    assertThat(body).startsWith("{\"is_login_enabled\":\"TRUE\",");
    assertThat(mock.requestCount()).isEqualTo(2);
  }

  @Test
  void setLoginDisabledSendsTheStringFalse() throws Exception {
    mock.enqueueFixture("contact-34-without-primary-phone.json");
    mock.enqueueFixture("contact-33-updated.json");

    contacts().setLoginEnabled(34, false);

    assertGet(mock.take(), "user/34/");
    String body = postedBody(mock.take(), "user/34/");
    assertThat(body).isEqualTo("{\"is_login_enabled\":\"FALSE\"}");
  }

  @Test
  void setLoginEnabledWritesNothingWhenACustomFieldCannotBeReadBack() throws Exception {
    mock.enqueueFixture("contact-36-unreadable-custom-field.json");

    assertThatThrownBy(() -> contacts().setLoginEnabled(36, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("contact 36 not updated: the current value of c-cf-");
    assertGet(mock.take(), "user/36/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void updateSendsExactlyTheDraft() throws Exception {
    mock.enqueueFixture("contact-33-updated.json");

    Contact contact = contacts().updateResettingOmittedCustomFields(33, ContactDraft.builder()
        .name("John Smith")
        .email("john.smith.new@example.com")
        .loginEnabled(false)
        .customField(CustomFieldValue.text(4, "LDA5000"))
        .customField(CustomFieldValue.cleared(9))
        .build());

    assertThat(contact.getName()).isEqualTo("James May");
    String body = assertPost(mock.take(), "user/33/", "{\"name\": \"John Smith\","
        + " \"email\": \"john.smith.new@example.com\", \"is_login_enabled\": \"FALSE\","
        + " \"c-cf-4\": \"LDA5000\", \"c-cf-9\": null}");
    assertThat(body).contains("\"c-cf-9\":null");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void anEditWithoutAnEmailSendsNoEmailKey() throws Exception {
    mock.enqueueFixture("contact-33-updated.json");

    contacts().updateResettingOmittedCustomFields(33, ContactDraft.builder().name("Grace").build());

    String body = assertPost(mock.take(), "user/33/", "{\"name\": \"Grace\"}");
    assertThat(body).doesNotContain("email");
  }

  @Test
  void aMergedEditOfAContactWithoutEmailSendsNoEmailKey() throws Exception {
    mock.enqueueFixture("contact-35-without-email.json");
    mock.enqueueFixture("contact-33-updated.json");

    contacts().updateMerging(35, ContactDraft.builder().name("Still Phone Only").build());

    assertGet(mock.take(), "user/35/");
    String body = assertPost(mock.take(), "user/35/", "{\"name\": \"Still Phone Only\"}");
    assertThat(body).doesNotContain("email");
  }

  @Test
  void aDraftCannotHoldANullEmail() {
    assertThatThrownBy(() -> ContactDraft.builder().email(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("email");
  }

  @Test
  void updateRefusesAnEmptyDraft() {
    assertThatThrownBy(() -> contacts()
        .updateResettingOmittedCustomFields(33, ContactDraft.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("changes must set at least one field");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void updatePrimaryPhoneFollowsTheDocumentedSteps() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    Contact updated = contacts().updatePrimaryPhone(33, "5551234567");

    assertThat(updated.getPrimaryPhone().getNumber()).isEqualTo("5551234567");
    assertGet(mock.take(), "user/33/");
    assertPost(mock.take(), "user/33/", "{\"email\": \"james@example.com\","
        + " \"phones\": [{\"id\": 31, \"type\": \"w\", \"number\": \"5551234567\"}], "
        + CustomFieldsTest.ALL_FIELDS_OF_33 + "}");
    assertThat(mock.requestCount()).isEqualTo(2);
  }

  @Test
  void updatePrimaryPhoneCanChangeTheKind() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    contacts().updatePrimaryPhone(33, "+44 20 7946 0000", PhoneKind.MOBILE);

    assertGet(mock.take(), "user/33/");
    assertPost(mock.take(), "user/33/", "{\"email\": \"james@example.com\","
        + " \"phones\": [{\"id\": 31, \"type\": \"mo\", \"number\": \"+44 20 7946 0000\"}], "
        + CustomFieldsTest.ALL_FIELDS_OF_33 + "}");
  }

  @Test
  void updatePrimaryPhoneSendsBackAKindThisVersionDoesNotKnow() throws Exception {
    mock.enqueueFixture("contact-37-fax-primary-phone.json");
    mock.enqueueFixture("contact-37-fax-primary-phone.json");

    contacts().updatePrimaryPhone(37, "5550000099");

    assertGet(mock.take(), "user/37/");
    assertPost(mock.take(), "user/37/", "{\"email\": \"fax@example.com\","
        + " \"phones\": [{\"id\": 41, \"type\": \"f\", \"number\": \"5550000099\"}]}");
    assertThat(PhoneKind.fromWireValue("f")).isEmpty();
  }

  @Test
  void updatePrimaryPhoneOfAContactWithoutOneFailsBeforeAnyWrite() throws Exception {
    mock.enqueueFixture("contact-34-without-primary-phone.json");

    assertThatThrownBy(() -> contacts().updatePrimaryPhone(34, "5551234567"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("contact 34 has no primary phone to update");
    assertGet(mock.take(), "user/34/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void updatePrimaryPhoneOfAContactWithoutEmailFailsBeforeAnyWrite() throws Exception {
    mock.enqueueFixture("contact-35-without-email.json");

    assertThatThrownBy(() -> contacts().updatePrimaryPhone(35, "5551234567"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("contact 35 has no email, which HappyFox requires to edit a phone by its id;"
            + " nothing was sent");
    assertGet(mock.take(), "user/35/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void updatePrimaryPhoneChecksTheNumberBeforeAnyRequest() {
    assertThatThrownBy(() -> contacts().updatePrimaryPhone(33, "   "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("newNumber must not be blank");
    assertThatThrownBy(() -> contacts().updatePrimaryPhone(33, "call me"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("newNumber must contain at least one digit");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void upsertSendsOneObjectAndReturnsTheContact() throws Exception {
    mock.enqueueFixture("contact-33-updated.json");

    Contact contact = contacts().upsertResettingOmittedCustomFields(ContactDraft.builder()
        .email("jamesmay@example1.com")
        .name("dasdasd")
        .phone(PhoneKind.MOBILE, "987654321", true)
        .phone(PhoneKind.MOBILE, "876543219", false)
        .customField(CustomFieldValue.text(1, "example text field value"))
        .build());

    assertThat(contact.getId()).isEqualTo(33L);
    assertPost(mock.take(), "users/", "{\"email\": \"jamesmay@example1.com\", \"name\": \"dasdasd\","
        + " \"phones\": [{\"type\": \"mo\", \"number\": \"987654321\", \"is_primary\": true},"
        + " {\"type\": \"mo\", \"number\": \"876543219\", \"is_primary\": false}],"
        + " \"c-cf-1\": \"example text field value\"}");
  }

  @Test
  void upsertOfAPhoneOnlyContactSendsANullEmail() throws Exception {
    mock.enqueueFixture("contact-35-without-email.json");

    contacts().upsertResettingOmittedCustomFields(ContactDraft.builder()
        .name("Phone Only").phone(PhoneKind.MOBILE, "5550000035", true).build());

    String body = assertPost(mock.take(), "users/", "{\"name\": \"Phone Only\", \"email\": null,"
        + " \"phones\": [{\"type\": \"mo\", \"number\": \"5550000035\", \"is_primary\": true}]}");
    assertThat(body).contains("\"email\":null");
  }

  @Test
  void upsertNeedsAnEmailOrAPhone() {
    assertThatThrownBy(() -> contacts()
        .upsertResettingOmittedCustomFields(ContactDraft.builder().name("Nobody").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("draft needs an email");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void upsertRejectedByHappyFoxIsAValidationExceptionWithFieldErrors() throws Exception {
    mock.enqueueJson(400, Fixtures.read("upsert-error-name-required.json"));

    assertThatThrownBy(() -> contacts().upsertResettingOmittedCustomFields(
        ContactDraft.builder().email("new@example.com").build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.statusCode()).hasValue(400);
          assertThat(e.fieldErrors())
              .containsExactly(FieldError.of("name", List.of("This field is required.")));
        });
    assertPost(mock.take(), "users/", "{\"email\": \"new@example.com\"}");
  }

  @Test
  void upsertAnsweredWithAListIsAMalformedResponse() throws Exception {
    mock.enqueueJson(200, "[{\"email\": \"new@example.com\", \"success\": true, \"id\": 5}]");

    assertThatThrownBy(() -> contacts().upsertResettingOmittedCustomFields(
        ContactDraft.builder().email("new@example.com").name("New").build()))
        .isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("a list of results instead of the contact");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void draftBuilderNamesTheBadArgument() {
    assertThatThrownBy(() -> ContactDraft.builder().name(" "))
        .hasMessage("name must not be blank");
    assertThatThrownBy(() -> ContactDraft.builder().email("a b@example.com"))
        .hasMessageStartingWith("email must not contain whitespace");
    assertThatThrownBy(() -> ContactDraft.builder().phone(PhoneKind.HOME, "x".repeat(41), false))
        .hasMessage("number must be at most 40 characters but has 41");
    assertThatThrownBy(() -> ContactDraft.builder().name("a\u0000b"))
        .hasMessageStartingWith("name must not contain control characters");
  }
}
