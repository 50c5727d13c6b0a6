package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewerServerTest {
  private static final String ADA = "{\"name\": \"Ada\", \"email\": \"ada@example.com\","
      + " \"phones\": [{\"type\": \"f\", \"number\": \"+44 20 7946 0000\"}],"
      + " \"c-cf-10\": \"https://example.com/ada\"}";

  @Test
  void aNewerServerAcceptsAndAnswersAPhoneTypeAndAFieldTypeTheSpecDoesNotList() {
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder().newerServer().start()) {
      Http http = new Http(sandbox);
      http.post("users/", ADA).expect(200);

      Map<String, Object> ada = http.get("user/ada@example.com/").expect(200).object();
      assertThat(map(ada.get("primary_phone")).get("type")).isEqualTo("f");
      assertThat(Http.customField(ada, 10)).containsEntry("type", "url")
          .containsEntry("value", "https://example.com/ada");
      assertThat(http.get("user_custom_fields/").expect(200).list())
          .anySatisfy(field -> assertThat(field).containsEntry("name", "Profile URL")
              .containsEntry("type", "url"));
    }
  }

  @Test
  void aNewerServerAddsAnUnknownPropertyToEveryObjectOfASuccessfulAnswerOnly() {
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder().newerServer().seedContacts(3)
        .start()) {
      Http http = new Http(sandbox);

      Map<String, Object> page = http.get("users/?size=2").expect(200).object();
      assertThat(page).containsKey(NewerServer.PROPERTY);
      assertThat(map(page.get("page_info"))).containsKey(NewerServer.PROPERTY);
      for (Object contact : (List<?>) page.get("data")) {
        assertThat(map(contact)).containsKey(NewerServer.PROPERTY);
        for (Object field : (List<?>) map(contact).get("custom_fields")) {
          assertThat(map(field)).containsKey(NewerServer.PROPERTY);
        }
      }
      Map<String, Object> error = http.post("users/", "{\"email\": \"x@example.com\"}")
          .expect(400).object();
      assertThat(error).containsOnlyKeys("error");
    }
  }

  @Test
  void theDefaultServerRefusesThePhoneTypeAndHasNoUrlField() {
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.start()) {
      Http http = new Http(sandbox);

      assertThat(http.post("users/", "{\"name\": \"Ada\", \"email\": \"ada@example.com\","
          + " \"phones\": [{\"type\": \"f\", \"number\": \"1\"}]}").expect(400).fieldErrors())
          .containsEntry("phones", List.of("Phone 1: Select a valid choice. f is not one of the"
              + " available choices (mo, w, m, h, o)."));
      assertThat(http.post("users/", ADA.replace("\"phones\": [{\"type\": \"f\", \"number\":"
          + " \"+44 20 7946 0000\"}],", "")).expect(400).fieldErrors()).containsKey("c-cf-10");
      assertThat(http.get("users/").expect(200).object()).doesNotContainKey(NewerServer.PROPERTY);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object json) {
    return (Map<String, Object>) json;
  }

  @Test
  void theCommandLineTurnsTheNewerServerOn() {
    assertThat(SandboxMain.Options.parse(new String[] {"--newer-server"}).builder)
        .extracting("newerServer").isEqualTo(true);
  }
}
