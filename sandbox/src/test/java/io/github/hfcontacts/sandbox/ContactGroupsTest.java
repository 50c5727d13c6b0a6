package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContactGroupsTest {
  private final HappyFoxSandbox sandbox = HappyFoxSandbox.start();
  private final Http http = new Http(sandbox);

  @AfterEach
  void close() {
    sandbox.close();
  }

  private long group(String name) {
    return Http.id(http.post("contact_groups/", "{\"name\": \"" + name + "\","
        + " \"description\": \"example description\", \"tagged_domains\": \"example.com\"}")
        .expect(200).object());
  }

  private long contact(String email) {
    return Http.id(http.post("users/", "{\"email\": \"" + email + "\", \"name\": \"N\"}")
        .expect(200).object());
  }

  @Test
  void createAnswersTheDetailAndListShowsEveryGroup() {
    Map<String, Object> created = http.post("contact_groups/", "{\"name\": \"test group\","
        + " \"description\": \"example description\", \"tagged_domains\": \"example.com\"}")
        .expect(200).object();
    http.post("contact_groups/", "{\"name\": \"test1 group\"}").expect(200);

    assertThat(created).isEqualTo(Map.of("id", 1L, "name", "test group",
        "description", "example description", "tagged_domains", "example.com",
        "contacts", List.of()));
    assertThat(http.get("contact_groups/").expect(200).list()).containsExactly(
        Map.of("id", 1L, "name", "test group", "description", "example description",
            "tagged_domains", "example.com"),
        Map.of("id", 2L, "name", "test1 group", "description", "", "tagged_domains", ""));
  }

  @Test
  void namesAreRequiredAndUnique() {
    group("Partners");

    assertThat(http.post("contact_groups/", "{\"name\": \"PARTNERS\"}").expect(400).fieldErrors())
        .containsOnlyKeys("name");
    assertThat(http.post("contact_groups/", "{\"description\": \"x\"}").expect(400).fieldErrors())
        .containsOnlyKeys("name");
    assertThat(sandbox.stats().contactGroups()).isEqualTo(1);
  }

  @Test
  void editChangesDescriptionAndDomainsButNeverTheName() {
    long id = group("Partners");

    Map<String, Object> edited = http.post("contact_group/" + id + "/", "{\"description\":"
        + " \"Customers\", \"tagged_domains\": \"example.com,example.org\"}").expect(200).object();
    assertThat(edited).containsEntry("name", "Partners").containsEntry("description", "Customers")
        .containsEntry("tagged_domains", "example.com,example.org");

    assertThat(http.post("contact_group/" + id + "/", "{\"name\": \"Renamed\"}").expect(400)
        .fieldErrors()).containsOnlyKeys("name");
    assertThat(http.post("contact_group/" + id + "/", "{\"colour\": \"red\"}").expect(400)
        .fieldErrors()).containsOnlyKeys("colour");
    assertThat(sandbox.contactGroups().get(0).getName()).isEqualTo("Partners");
  }

  @Test
  void unknownGroupsAreNotFound() {
    http.get("contact_group/9/").expect(404);
    http.get("contact_group/x/").expect(404);
    http.post("contact_group/9/update_contacts/", "[{\"contact\": 1}]").expect(404);
    http.post("contact_group/9/delete_contacts/", "{\"contacts\": [1]}").expect(404);
  }

  @Test
  void updateContactsAnswersPerItemWithTheVendorsMessages() {
    long id = group("VIP");
    long ann = contact("ann@other.org");

    List<Map<String, Object>> results = http.post("contact_group/" + id + "/update_contacts/",
        "[{\"contact\": " + ann + ", \"access_tickets\": true}, {\"contact\": 200}, {}]")
        .expect(200).list();

    assertThat(results).containsExactly(
        Map.of("success", true, "data", Map.of("contact", ann, "access_tickets", true)),
        Map.of("success", false, "errors", List.of(Map.of("field", "contact", "errors", List.of(
            "Select a valid choice. That choice is not one of the available choices.")))),
        Map.of("success", false, "errors", List.of(Map.of("field", "contact",
            "errors", List.of("This field is required.")))));
    Map<String, Object> contact = http.get("user/" + ann + "/").object();
    assertThat(contact.get("contact_groups")).isEqualTo(List.of(Map.of("id", id, "name", "VIP",
        "description", "example description", "tagged_domains", "example.com",
        "access_all_tickets_in_group", true)));
  }

  @Test
  void updateContactsTakesAtMostOneHundredItems() {
    long id = group("VIP");
    List<String> items = new ArrayList<>();
    for (int i = 1; i <= 101; i++) {
      items.add("{\"contact\": " + i + "}");
    }

    http.post("contact_group/" + id + "/update_contacts/", "[" + String.join(",", items) + "]")
        .expect(400);
    http.post("contact_group/" + id + "/update_contacts/", "{\"contact\": 1}").expect(400);
  }

  @Test
  void deleteContactsAnswersPerIdWithTheVendorsMessages() {
    long id = group("VIP");
    long member = contact("m@other.org");
    long outsider = contact("o@other.org");
    http.post("contact_group/" + id + "/update_contacts/", "[{\"contact\": " + member + "}]")
        .expect(200);

    List<Map<String, Object>> results = http.post("contact_group/" + id + "/delete_contacts/",
        "{\"contacts\": [" + member + ", " + outsider + ", 100]}").expect(200).list();

    assertThat(results).containsExactly(
        Map.of("success", true, "data", Map.of("message",
            "Successfully removed contact from group", "contact", member)),
        Map.of("success", false, "data", Map.of("message",
            "Contact not part of the contact group", "contact", outsider)),
        Map.of("success", false, "data", Map.of("message", "Contact does not exist",
            "contact", 100L)));
    assertThat(sandbox.contactGroups().get(0).getContacts()).isEmpty();
    http.post("contact_group/" + id + "/delete_contacts/", "{\"contacts\": []}").expect(400);
    http.post("contact_group/" + id + "/delete_contacts/", "{\"contacts\": [1.5]}").expect(400);
  }
}
