package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search grammar: {@code field:value} pairs separated by single spaces, all ANDed. */
class SearchQueryTest {
  @Test
  void rendersTheDocumentedExample() {
    SearchQuery query = SearchQuery.builder().name("adam").email("adam@example.com").build();

    assertThat(query.render()).isEqualTo("name:adam email:adam@example.com");
    assertThat(query).hasToString("name:adam email:adam@example.com");
  }

  @Test
  void rendersEveryFieldInAFixedOrder() {
    SearchQuery query = SearchQuery.builder()
        .createdSince(LocalDate.of(2024, 12, 1))
        .updatedSince(Instant.parse("2025-01-31T23:30:00Z"))
        .phone("+11231231234")
        .email("adam@example.com")
        .name("adam")
        .build();

    assertThat(query.render()).isEqualTo("name:adam email:adam@example.com phone:11231231234"
        + " updated_since:2025-01-31 created_since:2024-12-01");
  }

  @Test
  void anInstantIsSentAsItsUtcDate() {
    assertThat(SearchQuery.builder().updatedSince(Instant.parse("2025-02-01T00:30:00+02:00"))
        .build().render()).isEqualTo("updated_since:2025-01-31");
  }

  @Test
  void settingAFieldTwiceKeepsTheLastValue() {
    assertThat(SearchQuery.builder().name("adam").name("eve").build().render())
        .isEqualTo("name:eve");
    assertThat(SearchQuery.builder().name("eve").build())
        .isEqualTo(SearchQuery.builder().name("adam").name("eve").build());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "+11231231234      | 11231231234",
    "11231231234       | 11231231234",
    "+1 (123) 123-1234 | 11231231234",
    "+44 20.7946.0000  | 442079460000"
  })
  void phoneDropsTheLeadingPlusAndSeparators(String phone, String sent) {
    assertThat(SearchQuery.builder().phone(phone).build().render()).isEqualTo("phone:" + sent);
  }

  private static void rejects(Consumer<SearchQuery.Builder> setter, String message) {
    assertThatThrownBy(() -> setter.accept(SearchQuery.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsASpaceInAName() {
    rejects(b -> b.name("adam smith"), "name \"adam smith\" cannot be searched: it holds"
        + " whitespace (U+0020 at index 4), which the query grammar reads as the start of another"
        + " field:value pair");
  }

  @Test
  void rejectsOtherWhitespace() {
    rejects(b -> b.email("adam@example.com\u00a0"), "email \"adam@example.com\u00a0\" cannot be"
        + " searched: it holds whitespace (U+00A0 at index 16), which the query grammar reads as"
        + " the start of another field:value pair");
  }

  @Test
  void rejectsAColonThatCouldReadAsAnotherField() {
    rejects(b -> b.name("adam:email"), "name \"adam:email\" cannot be searched: it holds ':'"
        + " (at index 4), which the query grammar could read as another field:value separator");
    rejects(b -> b.email("x@example.com email:y@example.com"), "email \"x@example.com"
        + " email:y@example.com\" cannot be searched: it holds whitespace (U+0020 at index 13),"
        + " which the query grammar reads as the start of another field:value pair");
  }

  @Test
  void rejectsAnEmptyValue() {
    rejects(b -> b.name(""), "name cannot be searched: the value is empty, which the query"
        + " grammar cannot carry");
    rejects(b -> b.email(""), "email cannot be searched: the value is empty, which the query"
        + " grammar cannot carry");
  }

  @Test
  void rejectsControlCharacters() {
    rejects(b -> b.name("adam\u0000"), "name \"adam\\u0000\" cannot be searched: it holds a"
        + " control character (U+0000 at index 4), which the query grammar cannot carry");
    rejects(b -> b.name("adam\nemail:x"), "name \"adam\\u000aemail:x\" cannot be searched: it"
        + " holds a control character (U+000A at index 4), which the query grammar cannot carry");
  }

  @Test
  void rejectsOverlongValues() {
    rejects(b -> b.name("a".repeat(255)), "name cannot be searched: the value has 255"
        + " characters, more than 254");
  }

  @Test
  void rejectsPhonesThatAreNotDigits() {
    rejects(b -> b.phone("12+34"), "phone \"12+34\" cannot be searched: only digits, an optional"
        + " leading '+' and the separators space - . ( ) are allowed, but it holds '+' (U+002B)"
        + " at index 2");
    rejects(b -> b.phone("555 1234 ext 9"), "phone \"555 1234 ext 9\" cannot be searched: only"
        + " digits, an optional leading '+' and the separators space - . ( ) are allowed, but it"
        + " holds 'e' (U+0065) at index 9");
    rejects(b -> b.phone("+"), "phone \"+\" cannot be searched: it has no digits");
    rejects(b -> b.phone("phone:1"), "phone \"phone:1\" cannot be searched: only digits, an"
        + " optional leading '+' and the separators space - . ( ) are allowed, but it holds 'p'"
        + " (U+0070) at index 0");
  }

  @Test
  void rejectsDatesThatCannotBeWrittenWithFourDigits() {
    rejects(b -> b.createdSince(LocalDate.of(10000, 1, 1)), "created_since +10000-01-01 cannot"
        + " be searched: the year must have four digits");
  }

  @Test
  void anEmptyQueryIsRefused() {
    assertThatThrownBy(() -> SearchQuery.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a search query needs at least one field; use Contacts.list() to list all"
            + " contacts");
  }

  @Test
  void nullsAreRefusedWithTheFieldName() {
    assertThatThrownBy(() -> SearchQuery.builder().name(null))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
    assertThatThrownBy(() -> SearchQuery.builder().updatedSince((LocalDate) null))
        .isInstanceOf(NullPointerException.class).hasMessage("updated_since");
  }
}
