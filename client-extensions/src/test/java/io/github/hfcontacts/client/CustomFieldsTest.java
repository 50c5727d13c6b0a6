package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.assertGet;
import static io.github.hfcontacts.client.MockHappyFox.assertPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.openapi.model.Contact;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Custom-field definitions (cached per client), validation before sending, and the
 * read-merge-write update that keeps the fields it does not change.
 */
class CustomFieldsTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  /** The custom fields of fixtures/contact-33-with-custom-fields.json, as sent back. */
  static final String ALL_FIELDS_OF_33 = "\"c-cf-4\": \"XHR1234\", \"c-cf-5\": 3,"
      + " \"c-cf-6\": 1250.5, \"c-cf-7\": [10, 12], \"c-cf-8\": \"2026-03-31\", \"c-cf-9\": null";

  @Test
  void definitionsAreFetchedOnceAndCachedUntilRefresh() throws Exception {
    mock.enqueueFixture("user-custom-fields.json");
    mock.enqueueJson(200, "[{\"id\": 4, \"name\": \"Account Number\", \"type\": \"text\","
        + " \"required\": true}]");
    CustomFields fields = mock.client().customFields();

    List<CustomFieldDefinition> first = fields.definitions();
    List<CustomFieldDefinition> again = fields.definitions();

    assertThat(first).hasSize(7).isEqualTo(again);
    CustomFieldDefinition region = fields.definition(5).orElseThrow();
    assertThat(region.name()).isEqualTo("Region ID");
    assertThat(region.type()).isEqualTo(FieldType.CHOICE);
    assertThat(region.required()).isFalse();
    assertThat(region.choices()).extracting(CustomFieldDefinition.Choice::id)
        .containsExactly(3L, 4L, 2L, 1L);
    assertThat(region.choiceByText("europe").orElseThrow().id()).isEqualTo(2L);
    assertThat(fields.definition(10).orElseThrow().dependsOnChoice()).hasValue(3L);
    assertThat(fields.definition(7).orElseThrow().type()).isEqualTo(FieldType.MULTIPLE_CHOICE);
    assertGet(mock.take(), "user_custom_fields/");
    assertThat(mock.requestCount()).isEqualTo(1);

    assertThat(fields.refresh()).hasSize(1);
    assertThat(fields.definitions()).hasSize(1);
    assertThat(fields.definition(5)).isEmpty();
    assertGet(mock.take(), "user_custom_fields/");
    assertThat(mock.requestCount()).isEqualTo(2);
    assertThat(mock.client().customFields()).isSameAs(fields);
  }

  @Test
  void aValidValueSetPassesAndIsSent() throws Exception {
    mock.enqueueFixture("user-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    mock.client().contacts().withCustomFieldValidation()
        .upsertResettingOmittedCustomFields(ContactDraft.builder()
        .email("new@example.com").name("New")
        .customField(CustomFieldValue.text(4, "ACC1"))
        .customField(CustomFieldValue.choice(5, 2))
        .customField(CustomFieldValue.multipleChoice(7, List.of(11L)))
        .build());

    assertGet(mock.take(), "user_custom_fields/");
    assertPost(mock.take(), "users/", "{\"email\": \"new@example.com\", \"name\": \"New\","
        + " \"c-cf-4\": \"ACC1\", \"c-cf-5\": 2, \"c-cf-7\": [11]}");
  }

  @Test
  void unknownFieldWrongTypeBadChoiceAndMissingRequiredAreEachReported() throws Exception {
    mock.enqueueFixture("user-custom-fields.json");
    Contacts validating = mock.client().contacts().withCustomFieldValidation();

    assertThatThrownBy(() -> validating.upsertResettingOmittedCustomFields(ContactDraft.builder()
        .email("new@example.com").name("New")
        .customField(CustomFieldValue.text(99, "x"))
        .customField(CustomFieldValue.text(6, "1250"))
        .customField(CustomFieldValue.choice(5, 9))
        .customField(CustomFieldValue.multipleChoice(7, List.of(10L, 13L)))
        .build()))
        .isInstanceOfSatisfying(CustomFieldValidationException.class, e -> {
          assertThat(e.problems()).containsExactly(
              "c-cf-99: no contact custom field has id 99",
              "c-cf-6 (\"Credit\"): a number field, but the value is a text value",
              "c-cf-5 (\"Region ID\"): choice 9 is not one of its choices [3 \"APAC\","
                  + " 4 \"Australia\", 2 \"Europe\", 1 \"North America\"]",
              "c-cf-7 (\"Products\"): choice 13 is not one of its choices [10 \"Desk\","
                  + " 11 \"Chat\", 12 \"Voice\"]",
              "c-cf-4 (\"Account Number\"): required when a contact is created, but missing");
          assertThat(e).hasMessageStartingWith("custom fields do not match their definitions:"
              + " c-cf-99: no contact custom field has id 99; c-cf-6");
        });
    assertGet(mock.take(), "user_custom_fields/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void aDependantRequiredFieldIsRequiredOnlyWhenItsChoiceIsPicked() throws Exception {
    mock.enqueueFixture("user-custom-fields.json");
    CustomFields fields = mock.client().customFields();

    fields.validate(List.of(CustomFieldValue.text(4, "A"), CustomFieldValue.choice(5, 4)), true);
    assertThatThrownBy(() -> fields.validate(
        List.of(CustomFieldValue.text(4, "A"), CustomFieldValue.choice(5, 3)), true))
        .isInstanceOfSatisfying(CustomFieldValidationException.class, e ->
            assertThat(e.problems()).containsExactly(
                "c-cf-10 (\"APAC Office\"): required when a contact is created, but missing"));
    assertThatThrownBy(() -> fields.validate(List.of(CustomFieldValue.cleared(4)), true))
        .isInstanceOfSatisfying(CustomFieldValidationException.class, e ->
            assertThat(e.problems()).containsExactly(
                "c-cf-4 (\"Account Number\"): required when a contact is created, but cleared"));
    fields.validate(List.of(CustomFieldValue.cleared(4)), false);
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void bulkValidationNamesTheDraftAndSendsNothing() throws Exception {
    mock.enqueueFixture("user-custom-fields.json");

    assertThatThrownBy(() -> mock.client().contacts().withCustomFieldValidation()
        .upsertAllResettingOmittedCustomFields(
        List.of(
            ContactDraft.builder().email("a@example.com")
                .customField(CustomFieldValue.text(4, "A")).build(),
            ContactDraft.builder().email("b@example.com")
                .customField(CustomFieldValue.text(4, "B"))
                .customField(CustomFieldValue.date(5, java.time.LocalDate.of(2025, 1, 1)))
                .build())))
        .isInstanceOfSatisfying(CustomFieldValidationException.class, e ->
            assertThat(e.problems()).containsExactly(
                "drafts[1] c-cf-5 (\"Region ID\"): a choice field, but the value is a date"
                    + " value"));
    assertGet(mock.take(), "user_custom_fields/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void updatesAreNotCheckedForRequiredFields() throws Exception {
    mock.enqueueFixture("user-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    mock.client().contacts().withCustomFieldValidation()
        .updateResettingOmittedCustomFields(
            33, ContactDraft.builder().customField(CustomFieldValue.choice(5, 4)).build());

    assertGet(mock.take(), "user_custom_fields/");
    assertPost(mock.take(), "user/33/", "{\"c-cf-5\": 4}");
  }

  @Test
  void readMergeWriteSendsTheUntouchedFieldsBackUnchanged() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    Contact updated = mock.client().contacts().updateCustomFields(33, List.of(
        CustomFieldValue.choice(5, 4),
        CustomFieldValue.number(6, new BigDecimal("99.99")),
        CustomFieldValue.text(21, "new field")));

    assertThat(updated.getId()).isEqualTo(33L);
    assertGet(mock.take(), "user/33/");
    String body = assertPost(mock.take(), "user/33/", "{\"c-cf-4\": \"XHR1234\","
        + " \"c-cf-5\": 4, \"c-cf-6\": 99.99, \"c-cf-7\": [10, 12], \"c-cf-8\": \"2026-03-31\","
        + " \"c-cf-9\": null, \"c-cf-21\": \"new field\"}");
    assertThat(body).isEqualTo("{\"c-cf-4\":\"XHR1234\",\"c-cf-5\":4,\"c-cf-6\":99.99,"
        + "\"c-cf-7\":[10,12],\"c-cf-8\":\"2026-03-31\",\"c-cf-9\":null,\"c-cf-21\":\"new field\"}");
    assertThat(mock.requestCount()).isEqualTo(2);
  }

  @Test
  void updateMergingKeepsTheOtherFieldsAndSendsTheDraft() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    mock.client().contacts().updateMerging(33, ContactDraft.builder()
        .name("Jim May").loginEnabled(true).build());

    assertGet(mock.take(), "user/33/");
    assertPost(mock.take(), "user/33/", "{\"name\": \"Jim May\", \"is_login_enabled\": \"TRUE\","
        + ALL_FIELDS_OF_33 + "}");
  }

  @Test
  void aCurrentValueThatCannotBeReadBackStopsTheWrite() throws Exception {
    mock.enqueueFixture("contact-36-unreadable-custom-field.json");

    assertThatThrownBy(() -> mock.client().contacts()
        .updateCustomFields(36, List.of(CustomFieldValue.text(4, "NEW"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("contact 36 not updated: the current value of c-cf-8 (\"Renewal\", not a yyyy-mm-dd"
            + " date) cannot be"
            + " read back, and leaving it out would reset it; set it in the changes");
    assertGet(mock.take(), "user/36/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void anUnreadableValueCanBeReplacedExplicitly() throws Exception {
    mock.enqueueFixture("contact-36-unreadable-custom-field.json");
    mock.enqueueFixture("contact-33-updated.json");

    mock.client().contacts().updateCustomFields(36, List.of(CustomFieldValue.cleared(8)));

    assertGet(mock.take(), "user/36/");
    assertPost(mock.take(), "user/36/", "{\"c-cf-4\": \"ODD1\", \"c-cf-8\": null}");
  }

  @Test
  void validatingReadMergeWriteChecksOnlyTheChangesBeforeAnyRequestToTheContact()
      throws Exception {
    mock.enqueueFixture("user-custom-fields.json");

    assertThatThrownBy(() -> mock.client().contacts().withCustomFieldValidation()
        .updateCustomFields(33, List.of(CustomFieldValue.choice(5, 42))))
        .isInstanceOf(CustomFieldValidationException.class)
        .hasMessageContaining("choice 42 is not one of its choices");
    assertGet(mock.take(), "user_custom_fields/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void updateCustomFieldsNeedsAtLeastOneChange() {
    assertThatThrownBy(() -> mock.client().contacts().updateCustomFields(33, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("changes must hold at least one custom-field value");
    assertThat(mock.requestCount()).isZero();
  }
}
