package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContactUpsertTest {
  private final HappyFoxSandbox sandbox = HappyFoxSandbox.start();
  private final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void oneObjectCreatesAContactAndAnswersIt() {
    Map<String, Object> contact = http.post("users/", "{\"email\": \"jamesmay@example1.com\","
        + " \"name\": \"dasdasd\", \"phones\": [{\"type\": \"mo\", \"number\": \"987654321\","
        + " \"is_primary\": true}, {\"type\": \"mo\", \"number\": \"876543219\"}],"
        + " \"c-cf-4\": \"example text field value\"}").expect(200).object();

    assertThat(contact.get("id")).isEqualTo(1L);
    assertThat(contact.get("name")).isEqualTo("dasdasd");
    assertThat(contact.get("email")).isEqualTo("jamesmay@example1.com");
    assertThat(contact.get("is_login_enabled")).isEqualTo("TRUE");
    assertThat(contact.get("primary_phone")).isEqualTo(Map.of("id", 1L, "type", "mo",
        "number", "987654321"));
    assertThat((List<?>) contact.get("phones")).hasSize(2);
    assertThat(Http.customField(contact, 4)).containsEntry("value", "example text field value")
        .containsEntry("value_id", null).containsEntry("type", "text")
        .containsEntry("name", "Account Number");
    assertThat(Http.customField(contact, 5)).containsEntry("value", null)
        .containsEntry("value_id", null);
    assertThat((List<?>) contact.get("custom_fields")).hasSize(6);
    assertThat(sandbox.stats().contacts()).isEqualTo(1);
  }

  @Test
  void sameEmailInAnyCaseUpdatesTheContactInsteadOfAddingOne() {
    long id = Http.id(http.post("users/", "{\"email\": \"ann@example.com\", \"name\": \"Ann\"}")
        .expect(200).object());

    Map<String, Object> updated = http.post("users/",
        "{\"email\": \"ANN@Example.com\", \"name\": \"Ann B\"}").expect(200).object();

    assertThat(Http.id(updated)).isEqualTo(id);
    assertThat(updated.get("name")).isEqualTo("Ann B");
    assertThat(updated.get("email")).isEqualTo("ann@example.com");
    assertThat(sandbox.stats().contacts()).isEqualTo(1);
  }

  @Test
  void anUpsertResetsTheCustomFieldsItLeavesOut() {
    http.post("users/", "{\"email\": \"a@example.com\", \"name\": \"A\", \"c-cf-4\": \"X1\","
        + " \"c-cf-5\": 3}").expect(200);

    Map<String, Object> contact = http.post("users/",
        "{\"email\": \"a@example.com\", \"c-cf-5\": 2}").expect(200).object();

    assertThat(Http.customField(contact, 4)).containsEntry("value", null);
    assertThat(Http.customField(contact, 5)).containsEntry("value", "Europe")
        .containsEntry("value_id", 2L);
    assertThat(contact.get("name")).isEqualTo("A");
  }

  @Test
  void aListAnswersOneResultPerItemInOrderAndAFailedItemStopsNoOther() {
    List<Map<String, Object>> results = http.post("users/", "[{\"email\": \"one@example.com\","
        + " \"name\": \"One\"}, {\"email\": \"not-an-email\", \"name\": \"Bad\"},"
        + " {\"email\": \"three@example.com\"}, {\"email\": \"ONE@example.com\", \"name\": \"Uno\"}]")
        .expect(200).list();

    assertThat(results).hasSize(4);
    assertThat(results.get(0)).containsEntry("email", "one@example.com")
        .containsEntry("success", true).containsEntry("id", 1L);
    assertThat(results.get(1)).containsEntry("success", false).doesNotContainKey("id")
        .containsEntry("errors", List.of(Map.of("field", "email",
            "errors", List.of("Enter a valid email address."))));
    assertThat(results.get(2)).containsEntry("success", false).containsEntry("errors",
        List.of(Map.of("field", "name", "errors", List.of("This field is required."))));
    assertThat(results.get(3)).containsEntry("email", "ONE@example.com")
        .containsEntry("success", true).containsEntry("id", 1L);
    assertThat(sandbox.contacts()).extracting(c -> c.getName()).containsExactly("Uno");
  }

  @Test
  void aListOfMoreThanOneHundredOrOfNoneIsRefusedWhole() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      items.add("{\"email\": \"c" + i + "@example.com\", \"name\": \"C\"}");
    }

    assertThat(http.post("users/", "[" + String.join(",", items) + "]").expect(400)
        .fieldErrors()).containsOnlyKeys(ApiError.NON_FIELD);
    http.post("users/", "[]").expect(400);
    http.post("users/", "[" + String.join(",", items.subList(0, 100)) + "]").expect(200);
    assertThat(sandbox.stats().contacts()).isEqualTo(100);
  }

  @Test
  void aNewContactNeedsANameAndEveryUpsertNeedsTheEmailKey() {
    assertThat(http.post("users/", "{\"email\": \"x@example.com\"}").expect(400).fieldErrors())
        .isEqualTo(Map.of("name", List.of("This field is required.")));
    assertThat(http.post("users/", "{\"name\": \"X\"}").expect(400).fieldErrors())
        .isEqualTo(Map.of("email", List.of("This field is required.")));
    assertThat(sandbox.stats().contacts()).isZero();
  }

  @Test
  void aNullEmailWithPhonesCreatesAPhoneOnlyContactMatchedByItsNumberLater() {
    long id = Http.id(http.post("users/", "{\"email\": null, \"name\": \"Phone only\","
        + " \"phones\": [{\"number\": \"+1 555 0100\"}]}").expect(200).object());

    Map<String, Object> again = http.post("users/", "{\"email\": null, \"name\": \"Renamed\","
        + " \"phones\": [{\"number\": \"15550100\"}]}").expect(200).object();

    assertThat(Http.id(again)).isEqualTo(id);
    assertThat(again.get("email")).isNull();
    assertThat(again).containsKey("email");
    assertThat(again.get("name")).isEqualTo("Renamed");
    assertThat(http.post("users/", "{\"email\": null, \"name\": \"No phone\"}").expect(400)
        .fieldErrors()).containsKey("email");
  }

  @Test
  void loginFlagIsTheStringTrueOrFalseNeverABoolean() {
    Map<String, Object> created = http.post("users/", "{\"email\": \"l@example.com\","
        + " \"name\": \"L\", \"is_login_enabled\": \"FALSE\"}").expect(200).object();
    assertThat(created.get("is_login_enabled")).isEqualTo("FALSE");

    assertThat(http.post("users/", "{\"email\": \"l@example.com\", \"is_login_enabled\": true}")
        .expect(400).fieldErrors()).containsOnlyKeys("is_login_enabled");
  }

  @Test
  void aNewContactJoinsTheGroupsTaggedWithItsEmailDomain() {
    long group = Http.id(http.post("contact_groups/", "{\"name\": \"Acme\","
        + " \"tagged_domains\": \"acme.com,example.org\"}").expect(200).object());

    Map<String, Object> contact = http.post("users/",
        "{\"email\": \"joe@ACME.com\", \"name\": \"Joe\"}").expect(200).object();
    http.post("users/", "{\"email\": \"zed@other.com\", \"name\": \"Zed\"}").expect(200);

    assertThat((List<?>) contact.get("contact_groups")).hasSize(1);
    assertThat(http.get("contact_group/" + group + "/").expect(200).object().get("contacts"))
        .isEqualTo(List.of(Map.of("id", Http.id(contact), "name", "Joe", "email", "joe@ACME.com",
            "access_tickets", false)));
  }

  @Test
  void malformedJsonAndWrongShapesAreRefusedNamingTheField() {
    assertThat(http.post("users/", "{\"email\": ").expect(400).fieldErrors())
        .containsOnlyKeys(ApiError.NON_FIELD);
    assertThat(http.post("users/", "\"just a string\"").expect(400).fieldErrors())
        .containsOnlyKeys(ApiError.NON_FIELD);
    assertThat(http.post("users/", "{\"email\": \"p@example.com\", \"name\": \"P\","
        + " \"phones\": \"555\"}").expect(400).fieldErrors()).containsOnlyKeys("phones");
    assertThat(http.post("users/", "{\"email\": \"p@example.com\", \"name\": \"P\","
        + " \"phones\": [{\"type\": \"fax\", \"number\": \"1\"}]}").expect(400).fieldErrors()
        .get("phones")).singleElement().asString().contains("fax is not one of the available");
  }

  @Test
  void concurrentUpsertsOfTheSameEmailsNeverDuplicateAContact() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i % 20;
        statuses.add(pool.submit(() -> http.post("users/", "{\"email\": \"same" + n
            + "@example.com\", \"name\": \"N" + n + "\"}").status));
      }
      for (java.util.concurrent.Future<Integer> status : statuses) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(sandbox.stats().contacts()).isEqualTo(20);
    assertThat(sandbox.contacts()).extracting(c -> c.getId()).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(1, 20).boxed().collect(
            java.util.stream.Collectors.toList()));
  }
}
