package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.client.CustomFieldDefinition;
import io.github.hfcontacts.client.CustomFieldValue;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import io.github.hfcontacts.sandbox.SandboxCustomField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Column names and cell values, with definitions as the account (a sandbox) answers them. */
class ContactColumnsTest {
  private static ContactColumns columns;
  private static HappyFoxSandbox sandbox;

  @BeforeAll
  static void definitions() {
    Map<Long, String> tiers = new LinkedHashMap<>();
    tiers.put(21L, "Gold");
    tiers.put(22L, "Silver");
    tiers.put(23L, "2024");
    sandbox = HappyFoxSandbox.builder().customFields(List.of(
        SandboxCustomField.text(1, "Name"),
        SandboxCustomField.text(2, "Region"),
        SandboxCustomField.number(3, "Region"),
        SandboxCustomField.choice(4, "Tier", tiers),
        SandboxCustomField.multipleChoice(5, "Tags", Map.of(31L, "a", 32L, "b")),
        SandboxCustomField.date(6, "Since"),
        SandboxCustomField.text(7, "c-cf-99"))).start();
    columns = SandboxColumns.of(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void namesThatCollideCarryTheirKey() {
    assertThat(columns.fieldColumns()).containsExactly("Name (c-cf-1)", "Region (c-cf-2)",
        "Region (c-cf-3)", "Tier", "Tags", "Since", "c-cf-99 (c-cf-7)");
  }

  @Test
  void importBindsColumnNamesKeysAndStandardColumnsIgnoringCase() {
    assertThat(columns.bind(" region (C-CF-3) ").field.id()).isEqualTo(3);
    assertThat(columns.bind("c-cf-4").field.id()).isEqualTo(4);
    assertThat(columns.bind("NAME").role).isEqualTo(ContactColumns.Role.IMPORTED);
    assertThat(columns.bind("updated_at").role).isEqualTo(ContactColumns.Role.READ_ONLY);
    assertThat(columns.bind("Region").role).isEqualTo(ContactColumns.Role.UNKNOWN);
    assertThat(columns.bind("c-cf-42").role).isEqualTo(ContactColumns.Role.UNKNOWN);
  }

  @Test
  void cellsBecomeTypedValues() {
    assertThat(columns.parse(field(4), "silver")).isEqualTo(CustomFieldValue.choice(4, 22));
    assertThat(columns.parse(field(4), "2024")).isEqualTo(CustomFieldValue.choice(4, 23));
    assertThat(columns.parse(field(4), "21")).isEqualTo(CustomFieldValue.choice(4, 21));
    assertThat(columns.parse(field(5), "a; b")).isEqualTo(
        CustomFieldValue.multipleChoice(5, List.of(31L, 32L)));
    assertThat(columns.parse(field(5), List.of("b"))).isEqualTo(
        CustomFieldValue.multipleChoice(5, List.of(32L)));
    assertThat(columns.parse(field(3), " 12.50 ")).isEqualTo(
        CustomFieldValue.number(3, new BigDecimal("12.5")));
    assertThat(columns.parse(field(6), "2026-02-28")).isEqualTo(
        CustomFieldValue.date(6, LocalDate.of(2026, 2, 28)));
    assertThat(columns.parse(field(2), "multi\nline")).isEqualTo(
        CustomFieldValue.text(2, "multi\nline"));
  }

  @Test
  void emptyKeepsAndNullClears() {
    assertThat(columns.parse(field(2), "  ")).isNull();
    assertThat(columns.parse(field(2), Cells.NULL)).isEqualTo(CustomFieldValue.cleared(2));
  }

  @Test
  void badCellsAreExplainedByColumn() {
    assertThatThrownBy(() -> columns.parse(field(4), "Bronze"))
        .hasMessage("Tier: \"Bronze\" is not one of its choices (Gold, Silver, 2024)");
    assertThatThrownBy(() -> columns.parse(field(5), "a; a"))
        .hasMessage("Tags: \"a\" is given twice");
    assertThatThrownBy(() -> columns.parse(field(3), "12,5"))
        .hasMessage("Region (c-cf-3): \"12,5\" is not a number");
    assertThatThrownBy(() -> columns.parse(field(6), "2026-02-30"))
        .hasMessage("Since: \"2026-02-30\" is not a date as yyyy-mm-dd");
    assertThatThrownBy(() -> columns.parse(field(2), List.of("x")))
        .hasMessage("Region (c-cf-2): a list is not allowed for this field");
  }

  @Test
  void messagesNameColumnsInsteadOfKeys() {
    assertThat(columns.describe("c-cf-4 (\"Tier\"): required; c-cf-3: bad; c-cf-77: unknown"))
        .isEqualTo("Tier: required; Region (c-cf-3): bad; c-cf-77: unknown");
  }

  @Test
  void rowsAreCheckedCellByCell() {
    Map<String, Object> cells = new LinkedHashMap<>();
    cells.put("email", "ann@example");
    cells.put("login_enabled", "maybe");
    cells.put("phone_type", "fax");
    cells.put("Tier", "Gold");
    cells.put("id", "17");
    cells.put("Colour", "red");

    ParsedRow row = ParsedRow.parse(new InputRow(3, cells, null), columns);

    assertThat(row.valid()).isFalse();
    assertThat(row.fields).containsEntry(4L, CustomFieldValue.choice(4, 21));
    assertThat(row.problems).containsExactly(
        "login_enabled: \"maybe\" is not true or false",
        "phone_type: \"fax\" is not one of mo, w, m, h, o (mobile, work, main, home, other)",
        columns.unknownColumnMessage("Colour"),
        "email: \"ann@example\" is not a valid address");
  }

  @Test
  void aValidRowBecomesADraftOfItsCellsOnly() {
    Map<String, Object> cells = new LinkedHashMap<>();
    cells.put("Email", "Ann@Example.com");
    cells.put("name", "Ann");
    cells.put("phone", "+44 20 7946 0000");
    cells.put("phone_type", "mobile");
    cells.put("login_enabled", "no");
    cells.put("Since", "");

    ParsedRow row = ParsedRow.parse(new InputRow(1, cells, null), columns);

    assertThat(row.problems).isEmpty();
    assertThat(row.emailKey()).isEqualTo("ann@example.com");
    assertThat(row.draft().build().toString()).isEqualTo("ContactDraft{name=Ann,"
        + " email=Ann@Example.com, phones=[Phone{mo +44 20 7946 0000 primary}],"
        + " loginEnabled=false}");
  }

  private static CustomFieldDefinition field(long id) {
    return columns.field(id).orElseThrow();
  }
}
