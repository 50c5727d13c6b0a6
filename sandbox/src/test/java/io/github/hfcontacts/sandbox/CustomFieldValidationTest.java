package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomFieldValidationTest {
  private static final Map<Long, String> REGIONS = new LinkedHashMap<>();

  static {
    REGIONS.put(3L, "APAC");
    REGIONS.put(2L, "Europe");
  }

  private final HappyFoxSandbox sandbox = HappyFoxSandbox.builder()
      .customFields(List.of(
          SandboxCustomField.text(13, "A").required(),
          SandboxCustomField.choice(5, "Region ID", REGIONS),
          SandboxCustomField.number(6, "Credit Limit"),
          SandboxCustomField.multipleChoice(7, "Products", Map.of(11L, "Helpdesk",
              12L, "Live Chat")),
          SandboxCustomField.date(8, "Renewal Date"),
          SandboxCustomField.text(9, "VAT Number").required().dependsOnChoice(2)))
      .start();
  private final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  private Map<String, List<String>> refused(String customFields) {
    return http.post("users/", "{\"email\": \"c@example.com\", \"name\": \"C\", \"c-cf-13\": \"x\""
        + customFields + "}").expect(400).fieldErrors();
  }

  @Test
  void aMissingRequiredFieldGetsTheVendorsErrorBody() {
    Http.Answer answer = http.post("users/", "{\"email\": \"c@example.com\", \"name\": \"C\"}")
        .expect(400);

    assertThat(answer.body).isEqualTo(
        "{\"error\":[{\"field\":\"c-cf-13\",\"errors\":[\"This field is required\"]}]}");
    assertThat(sandbox.stats().contacts()).isZero();
  }

  @Test
  void aRequiredDependantFieldIsRequiredOnlyWhenItsChoiceIsPicked() {
    http.post("users/", "{\"email\": \"apac@example.com\", \"name\": \"A\", \"c-cf-13\": \"x\","
        + " \"c-cf-5\": 3}").expect(200);

    assertThat(refused(", \"c-cf-5\": 2")).isEqualTo(Map.of("c-cf-9",
        List.of("This field is required")));
  }

  @Test
  void requiredFieldsAreCheckedOnCreateOnly() {
    long id = Http.id(http.post("users/", "{\"email\": \"c@example.com\", \"name\": \"C\","
        + " \"c-cf-13\": \"x\"}").expect(200).object());

    Map<String, Object> updated = http.post("user/" + id + "/", "{\"name\": \"D\"}").expect(200)
        .object();

    assertThat(Http.customField(updated, 13)).containsEntry("value", null);
  }

  @Test
  void eachTypeTakesItsOwnFormAndNormalisesIt() {
    Map<String, Object> contact = http.post("users/", "{\"email\": \"c@example.com\","
        + " \"name\": \"C\", \"c-cf-13\": \"x\", \"c-cf-5\": \"2\", \"c-cf-6\": 12.50,"
        + " \"c-cf-7\": [12, 11, 12], \"c-cf-8\": \"2026-02-28\", \"c-cf-9\": \"DE123\"}")
        .expect(200).object();

    assertThat(Http.customField(contact, 5)).containsEntry("value_id", 2L)
        .containsEntry("value", "Europe").containsEntry("type", "choice");
    assertThat(Http.customField(contact, 6)).containsEntry("value", new BigDecimal("12.5"))
        .containsEntry("value_id", null).containsEntry("type", "number");
    assertThat(Http.customField(contact, 7)).containsEntry("value_id", List.of(12L, 11L))
        .containsEntry("value", List.of("Live Chat", "Helpdesk"))
        .containsEntry("type", "multiple_choice");
    assertThat(Http.customField(contact, 8)).containsEntry("value", "2026-02-28");
    assertThat(Http.customField(contact, 9)).containsEntry("value", "DE123");
  }

  @Test
  void wrongValuesAreRefusedWithHappyFoxsMessages() {
    assertThat(refused(", \"c-cf-5\": 9")).isEqualTo(Map.of("c-cf-5", List.of(
        "Select a valid choice. That choice is not one of the available choices.")));
    assertThat(refused(", \"c-cf-6\": 1.234")).isEqualTo(Map.of("c-cf-6", List.of(
        "Ensure that there are no more than 2 decimal places.")));
    assertThat(refused(", \"c-cf-6\": \"lots\"")).isEqualTo(Map.of("c-cf-6",
        List.of("Enter a number.")));
    assertThat(refused(", \"c-cf-7\": 11")).isEqualTo(Map.of("c-cf-7",
        List.of("Enter a list of values.")));
    assertThat(refused(", \"c-cf-7\": [11, 99]")).isEqualTo(Map.of("c-cf-7",
        List.of("Select a valid choice. 99 is not one of the available choices.")));
    assertThat(refused(", \"c-cf-8\": \"2026-02-30\"")).isEqualTo(Map.of("c-cf-8",
        List.of("Enter a valid date (yyyy-mm-dd).")));
    assertThat(refused(", \"c-cf-8\": \"04/11/2025\"")).containsOnlyKeys("c-cf-8");
    assertThat(refused(", \"c-cf-13\": 5")).containsOnlyKeys("c-cf-13");
    assertThat(refused(", \"c-cf-99\": \"x\"")).containsOnlyKeys("c-cf-99");
    assertThat(refused(", \"c-cf-007\": \"x\"")).containsOnlyKeys("c-cf-007");
    assertThat(sandbox.stats().contacts()).isZero();
  }

  @Test
  void nullClearsAField() {
    long id = Http.id(http.post("users/", "{\"email\": \"c@example.com\", \"name\": \"C\","
        + " \"c-cf-13\": \"x\", \"c-cf-6\": 3}").expect(200).object());

    Map<String, Object> cleared = http.post("user/" + id + "/", "{\"c-cf-13\": \"x\","
        + " \"c-cf-6\": null}").expect(200).object();

    assertThat(Http.customField(cleared, 6)).containsEntry("value", null);
    assertThat(Http.customField(cleared, 13)).containsEntry("value", "x");
  }

  @Test
  void definitionsAreListedWithTheirChoicesAndOrder() {
    List<Map<String, Object>> fields = http.get("user_custom_fields/").expect(200).list();

    assertThat(fields).extracting(f -> f.get("id")).containsExactly(13L, 5L, 6L, 7L, 8L, 9L);
    assertThat(fields.get(0)).containsEntry("required", true).containsEntry("order", 1L)
        .containsEntry("choices", null).containsEntry("depends_on_choice", null);
    assertThat(fields.get(1).get("choices")).isEqualTo(List.of(
        Map.of("id", 3L, "text", "APAC", "dependant_fields", List.of()),
        Map.of("id", 2L, "text", "Europe", "dependant_fields", List.of(9L))));
    assertThat(fields.get(5)).containsEntry("depends_on_choice", 2L);
  }

  @Test
  void aTwoHundredStatusCanCarryTheErrorBodyWhenAsked() {
    try (HappyFoxSandbox legacy = HappyFoxSandbox.builder().validationFailureStatus(200)
        .start()) {
      Http.Answer answer = new Http(legacy).post("users/", "{\"email\": \"x@example.com\"}")
          .expect(200);

      assertThat(answer.body).isEqualTo(
          "{\"error\":[{\"field\":\"name\",\"errors\":[\"This field is required.\"]}]}");
    }
  }

  @Test
  void customFieldDefinitionsAreCheckedWhenTheSandboxIsBuilt() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
        HappyFoxSandbox.builder().customFields(List.of(SandboxCustomField.text(1, "A"),
            SandboxCustomField.text(1, "B")))).withMessageContaining("two fields have id 1");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
        HappyFoxSandbox.builder().customFields(List.of(SandboxCustomField.text(1, "A")
            .dependsOnChoice(5)))).withMessageContaining("depends on choice 5");
  }
}
