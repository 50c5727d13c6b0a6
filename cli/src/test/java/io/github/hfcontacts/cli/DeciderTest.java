package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.CustomFieldValue;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomFieldValue;
import io.github.hfcontacts.openapi.model.Phone;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an import decides per row, given what the plan read (the sandbox's default fields). */
class DeciderTest {
  private static HappyFoxSandbox sandbox;
  private static ContactColumns columns;

  @BeforeAll
  static void definitions() {
    sandbox = HappyFoxSandbox.start();
    columns = SandboxColumns.of(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private final Decider merge = new Decider(columns, values -> List.of(), false);

  @Test
  void anExistingContactIsSentWithAllItsCustomFieldsAndTheRowsValuesOnTop() {
    Decision decision = merge.decide(row("email", "ann@example.com", "Account Number", "NEW"),
        existing(text(4, "OLD"), choice(5, 3L, "APAC"), text(9, null)));

    assertThat(decision.kind).isEqualTo(Decision.Kind.UPDATE);
    assertThat(decision.id).isEqualTo(33L);
    assertThat(decision.draft.customFields()).containsExactly(
        CustomFieldValue.text(4, "NEW"), CustomFieldValue.choice(5, 3),
        CustomFieldValue.cleared(9));
    assertThat(decision.draft.name()).isEmpty();
  }

  @Test
  void aRowThatChangesNothingIsNotSent() {
    Decision decision = merge.decide(row("email", "ann@example.com", "Region ID", "apac",
        "name", "Ann", "phone", "+1 (555) 010-0000"),
        existing(choice(5, 3L, "APAC")));

    assertThat(decision.kind).isEqualTo(Decision.Kind.UNCHANGED);
    assertThat(decision.id).isEqualTo(33L);
  }

  @Test
  void aNewPhoneIsAddedAsThePrimaryOne() {
    Decision decision = merge.decide(row("email", "ann@example.com", "phone", "555 0199",
        "phone_type", "w"), existing());

    assertThat(decision.kind).isEqualTo(Decision.Kind.UPDATE);
    assertThat(decision.draft.phones()).hasSize(1);
    assertThat(decision.draft.phones().get(0).number()).isEqualTo("555 0199");
  }

  @Test
  void aValueThatCannotBeReadBackIsNotOverwrittenBlindly() {
    Decision decision = merge.decide(row("email", "ann@example.com", "name", "Ann B"),
        existing(text(4, "X"), dateAsText(8, "04/11/2025")));

    assertThat(decision.kind).isEqualTo(Decision.Kind.INVALID);
    assertThat(decision.reasons).containsExactly("Renewal Date: the contact's current value"
        + " cannot be read back, and writing the contact without it would reset it; give the"
        + " column a value, or use --replace");
  }

  @Test
  void settingThatValueMakesTheRowSafeAgain() {
    Decision decision = merge.decide(row("email", "ann@example.com", "Renewal Date",
        "2025-11-04"), existing(dateAsText(8, "04/11/2025")));

    assertThat(decision.kind).isEqualTo(Decision.Kind.UPDATE);
  }

  @Test
  void aNewContactNeedsANameAndItsRequiredFields() {
    Decider strict = new Decider(columns, values -> values.isEmpty()
        ? List.of("c-cf-4 (\"Account Number\"): required") : List.of(), false);

    assertThat(strict.decide(row("email", "new@example.com"), ContactPlan.Entry.NEW).reasons)
        .containsExactly("name is required to create a contact, and no contact has this email");
    assertThat(strict.decide(row("email", "new@example.com", "name", "New"),
        ContactPlan.Entry.NEW).reasons).containsExactly("Account Number: required");
    assertThat(strict.decide(row("email", "new@example.com", "name", "New",
        "Account Number", "A1"), ContactPlan.Entry.NEW).kind).isEqualTo(Decision.Kind.CREATE);
  }

  @Test
  void replaceSendsTheRowAsItIsWithoutReading() {
    Decider replace = new Decider(columns, values -> List.of(), true);

    Decision decision = replace.decide(row("email", "ann@example.com", "Account Number", "N"),
        existing(choice(5, 3L, "APAC")));

    assertThat(decision.kind).isEqualTo(Decision.Kind.SAVE);
    assertThat(decision.draft.customFields()).containsExactly(CustomFieldValue.text(4, "N"));
  }

  @Test
  void appliedComparesOnlyWhatTheDraftSends() {
    ContactDraft draft = ContactDraft.builder().email("ann@example.com").name("Ann")
        .customField(CustomFieldValue.text(4, "NEW")).customField(CustomFieldValue.cleared(9))
        .build();

    assertThat(Decider.applied(draft,
        existing(text(4, "NEW"), choice(5, 3L, "APAC")).existing)).isTrue();
    assertThat(Decider.applied(draft, existing(text(4, "OLD")).existing)).isFalse();
    assertThat(Decider.applied(draft, null)).isFalse();
  }

  private static ParsedRow row(String... cells) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < cells.length; i += 2) {
      map.put(cells[i], cells[i + 1]);
    }
    ParsedRow row = ParsedRow.parse(new InputRow(1, map, null), columns);
    assertThat(row.problems).isEmpty();
    return row;
  }

  private static ContactPlan.Entry existing(ContactCustomFieldValue... fields) {
    Contact contact = new Contact().id(33L).name("Ann").email("ann@example.com")
        .phones(List.of(new Phone().number("+15550100000")))
        .customFields(List.of(fields));
    return new ContactPlan.Entry(contact, 0);
  }

  private static ContactCustomFieldValue text(long id, String value) {
    return new ContactCustomFieldValue().id(id).type("text").value(value);
  }

  private static ContactCustomFieldValue choice(long id, Long choice, String label) {
    return new ContactCustomFieldValue().id(id).type("choice").value(label)
        .valueId(choice);
  }

  private static ContactCustomFieldValue dateAsText(long id, String value) {
    return new ContactCustomFieldValue().id(id).type("date").value(value);
  }
}
