package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactEditTest {
  private final HappyFoxSandbox sandbox = HappyFoxSandbox.start();
  private final Http http = new Http(sandbox);
  private long id;
  private long phoneId;

  @BeforeEach
  void createContact() {
    Map<String, Object> contact = http.post("users/", "{\"email\": \"james@example.com\","
        + " \"name\": \"James\", \"phones\": [{\"type\": \"w\", \"number\": \"111\","
        + " \"is_primary\": true}], \"c-cf-4\": \"XHR1234\", \"c-cf-5\": 3,"
        + " \"c-cf-7\": [11, 12]}").expect(200).object();
    id = Http.id(contact);
    @SuppressWarnings("unchecked")
    Map<String, Object> primary = (Map<String, Object>) contact.get("primary_phone");
    phoneId = Http.id(primary);
  }

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void editByIdAnswersTheContactAndResetsCustomFieldsLeftOut() {
    Map<String, Object> edited = http.post("user/" + id + "/",
        "{\"name\": \"John Smith\", \"c-cf-5\": 4}").expect(200).object();

    assertThat(edited.get("name")).isEqualTo("John Smith");
    assertThat(Http.customField(edited, 5)).containsEntry("value_id", 4L)
        .containsEntry("value", "Australia");
    assertThat(Http.customField(edited, 4)).containsEntry("value", null);
    assertThat(Http.customField(edited, 7)).containsEntry("value_id", null);
    assertThat(http.get("user/" + id + "/").expect(200).object()).isEqualTo(edited);
  }

  @Test
  void loginFlagAloneStillResetsEveryCustomField() {
    Map<String, Object> edited = http.post("user/" + id + "/",
        "{\"is_login_enabled\": \"FALSE\"}").expect(200).object();

    assertThat(edited.get("is_login_enabled")).isEqualTo("FALSE");
    assertThat(Http.customField(edited, 4)).containsEntry("value", null);
  }

  @Test
  void editingAPhoneByIdNeedsTheEmailAndKeepsItPrimary() {
    assertThat(http.post("user/" + id + "/", "{\"phones\": [{\"id\": " + phoneId
        + ", \"type\": \"w\", \"number\": \"555\"}]}").expect(400).fieldErrors())
        .containsOnlyKeys("email");

    Map<String, Object> edited = http.post("user/" + id + "/", "{\"email\": \"james@example.com\","
        + " \"phones\": [{\"id\": " + phoneId + ", \"type\": \"mo\", \"number\": \"5551234567\"}],"
        + " \"c-cf-4\": \"XHR1234\"}").expect(200).object();

    assertThat(edited.get("primary_phone")).isEqualTo(Map.of("id", phoneId, "type", "mo",
        "number", "5551234567"));
    assertThat((List<?>) edited.get("phones")).hasSize(1);
    assertThat(Http.customField(edited, 4)).containsEntry("value", "XHR1234");
  }

  @Test
  void aPhoneEditedByIdMayLeaveOutItsNumberButANewPhoneMayNot() {
    Map<String, Object> edited = http.post("user/" + id + "/", "{\"email\": \"james@example.com\","
        + " \"phones\": [{\"id\": " + phoneId + ", \"type\": \"h\"}]}").expect(200).object();

    assertThat(edited.get("primary_phone")).isEqualTo(Map.of("id", phoneId, "type", "h",
        "number", "111"));
    assertThat(http.post("user/" + id + "/", "{\"phones\": [{\"type\": \"h\"}]}")
        .expect(400).fieldErrors()).containsOnlyKeys("phones");
  }

  @Test
  void aPhoneIdOfAnotherContactIsRefused() {
    http.post("user/" + id + "/", "{\"email\": \"james@example.com\", \"phones\": [{\"id\": 999,"
        + " \"number\": \"1\"}]}").expect(400);
  }

  @Test
  void theContactIsFoundByItsEmailInAnyCaseAndPercentEncoded() {
    http.post("users/", "{\"email\": \"a+b/c@example.com\", \"name\": \"Odd\"}").expect(200);

    assertThat(http.get("user/JAMES@example.com/").expect(200).object().get("id")).isEqualTo(id);
    assertThat(http.get("user/a+b%2Fc@example.com/").expect(200).object().get("name"))
        .isEqualTo("Odd");
    http.post("user/james@example.com/", "{\"name\": \"By email\"}").expect(200);
    assertThat(sandbox.contacts().get(0).getName()).isEqualTo("By email");
  }

  @Test
  void unknownContactsAreNotFound() {
    http.get("user/999/").expect(404);
    http.get("user/nobody@example.com/").expect(404);
    http.post("user/999/", "{\"name\": \"X\"}").expect(404);
  }

  @Test
  void changingTheEmailToOneInUseIsRefused() {
    http.post("users/", "{\"email\": \"other@example.com\", \"name\": \"Other\"}").expect(200);

    assertThat(http.post("user/" + id + "/", "{\"email\": \"OTHER@example.com\"}").expect(400)
        .fieldErrors()).containsOnlyKeys("email");
    Map<String, Object> moved = http.post("user/" + id + "/",
        "{\"email\": \"new@example.com\"}").expect(200).object();
    assertThat(moved.get("email")).isEqualTo("new@example.com");
    http.get("user/james@example.com/").expect(404);
    http.get("user/new@example.com/").expect(200);
  }

  @Test
  void aNullEmailIsRefusedEvenForAContactWithPhonesAndTheEmailIsKept() {
    assertThat(http.post("user/" + id + "/", "{\"name\": \"Grace\", \"email\": null}")
        .expect(400).fieldErrors())
        .isEqualTo(Map.of("email", List.of("This field may not be null.")));

    Map<String, Object> unchanged = http.get("user/" + id + "/").expect(200).object();
    assertThat(unchanged.get("email")).isEqualTo("james@example.com");
    assertThat(unchanged.get("name")).isEqualTo("James");
    http.get("user/james@example.com/").expect(200);
  }

  @Test
  void aBlankNameIsRefused() {
    assertThat(http.post("user/" + id + "/", "{\"name\": \"  \"}").expect(400).fieldErrors())
        .isEqualTo(Map.of("name", List.of("This field is required.")));
  }
}
