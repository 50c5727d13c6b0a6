package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.Fixtures.contact;
import static io.github.hfcontacts.client.MockHappyFox.assertPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.openapi.model.Contact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Typed custom-field values: their wire form and how they are read back from a contact. */
class CustomFieldValueTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private static final List<CustomFieldValue> ALL_TYPES = List.of(
      CustomFieldValue.text(4, "XHR1234"),
      CustomFieldValue.choice(5, 3),
      CustomFieldValue.number(6, new BigDecimal("1250.50")),
      CustomFieldValue.multipleChoice(7, List.of(10L, 12L)),
      CustomFieldValue.date(8, LocalDate.of(2026, 3, 31)),
      CustomFieldValue.cleared(9));

  @Test
  void keysAreSpelledTheSameWhateverTheIdsSize() {
    assertThat(CustomFieldValue.text(1, "a").key()).isEqualTo("c-cf-1");
    assertThat(CustomFieldValue.choice(1023, 3).key()).isEqualTo("c-cf-1023");
    assertThat(CustomFieldValue.choice(1024, 3).key()).isEqualTo("c-cf-1024");
    assertThat(CustomFieldValue.cleared(Long.MAX_VALUE).key()).isEqualTo("c-cf-" + Long.MAX_VALUE);
    // A small id's key is made once, however many drafts name it.
    assertThat(CustomFieldValue.text(8, "a").key()).isSameAs(CustomFieldValue.cleared(8).key());
  }

  @Test
  void everyTypeRoundTripsThroughTheWire() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");

    Contact saved = mock.client().contacts()
        .upsertResettingOmittedCustomFields(ContactDraft.builder()
        .email("james@example.com").customFields(ALL_TYPES).build());

    String body = assertPost(mock.take(), "users/", "{\"email\": \"james@example.com\","
        + " \"c-cf-4\": \"XHR1234\", \"c-cf-5\": 3, \"c-cf-6\": 1250.5, \"c-cf-7\": [10, 12],"
        + " \"c-cf-8\": \"2026-03-31\", \"c-cf-9\": null}");
    assertThat(body).isEqualTo("{\"email\":\"james@example.com\",\"c-cf-4\":\"XHR1234\","
        + "\"c-cf-5\":3,\"c-cf-6\":1250.5,\"c-cf-7\":[10,12],\"c-cf-8\":\"2026-03-31\","
        + "\"c-cf-9\":null}");
    CustomFieldValues read = CustomFieldValues.from(saved);
    assertThat(read.all()).containsExactlyElementsOf(ALL_TYPES);
    assertThat(read.unreadableFieldIds()).isEmpty();
    assertThat(read.get(4).orElseThrow().asText()).isEqualTo("XHR1234");
    assertThat(read.get(5).orElseThrow().asChoice()).isEqualTo(3L);
    assertThat(read.get(6).orElseThrow().asNumber()).isEqualByComparingTo("1250.50");
    assertThat(read.get(7).orElseThrow().asChoices()).containsExactly(10L, 12L);
    assertThat(read.get(8).orElseThrow().asDate()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(read.get(9).orElseThrow().isCleared()).isTrue();
    assertThat(read.name(5)).hasValue("Region ID");
    assertThat(read.get(99)).isEmpty();
  }

  @Test
  void readsLenientlyWhatHappyFoxMaySend() throws Exception {
    Contact contact = contact("[{\"id\": 6, \"type\": \"number\", \"value\": \"12.50\"},"
        + "{\"id\": 5, \"type\": \"choice\", \"value\": \"APAC\", \"value_id\": \"3\"},"
        + "{\"id\": 8, \"type\": \"date\", \"value\": \"2026-03-31T00:00:00Z\"},"
        + "{\"id\": 7, \"type\": \"checkboxes\", \"value\": [\"Desk\"], \"value_id\": [10]},"
        + "{\"id\": 11, \"type\": \"multiple_choice\", \"value\": null, \"value_id\": null},"
        + "{\"id\": 12, \"type\": \"date\", \"value\": \"31/03/2026\"},"
        + "{\"id\": 13, \"type\": \"rating\", \"value\": 5, \"value_id\": null}]");

    CustomFieldValues read = CustomFieldValues.from(contact);

    assertThat(read.all()).containsExactly(
        CustomFieldValue.number(6, new BigDecimal("12.5")),
        CustomFieldValue.choice(5, 3),
        CustomFieldValue.date(8, LocalDate.of(2026, 3, 31)),
        CustomFieldValue.multipleChoice(7, List.of(10L)),
        CustomFieldValue.cleared(11));
    assertThat(read.unreadableFieldIds()).containsExactly(12L, 13L);
  }

  @Test
  void numbersWithMoreThanTwoDecimalsAreRejectedNotRounded() {
    assertThatThrownBy(() -> CustomFieldValue.number(6, new BigDecimal("12.345")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("c-cf-6: 12.345 has more than 2 decimal places, HappyFox's precision; round"
            + " it first, e.g. setScale(2, RoundingMode.HALF_UP)");
    assertThat(CustomFieldValue.number(6, new BigDecimal("12.3400")).asNumber())
        .isEqualTo(new BigDecimal("12.34"));
    assertThat(CustomFieldValue.number(6, new BigDecimal("1E+3")).asNumber())
        .isEqualTo(new BigDecimal("1000"));
    assertThat(CustomFieldValue.number(6, 42)).hasToString("c-cf-6=number 42");
  }

  @Test
  void factoriesCheckTheirArguments() {
    assertThatThrownBy(() -> CustomFieldValue.text(0, "x"))
        .hasMessage("fieldId must be a positive id but was 0");
    assertThatThrownBy(() -> CustomFieldValue.choice(5, -1))
        .hasMessage("choiceId must be a positive id but was -1");
    assertThatThrownBy(() -> CustomFieldValue.multipleChoice(7, List.of(10L, 10L)))
        .hasMessage("c-cf-7: choiceIds holds 10 twice");
    assertThatThrownBy(() -> CustomFieldValue.date(8, LocalDate.of(-1, 1, 1)))
        .hasMessage("c-cf-8: year -1 cannot be written as yyyy-mm-dd");
    assertThatThrownBy(() -> CustomFieldValue.text(4, "a\u0007"))
        .hasMessageStartingWith("text must not contain control characters");
  }

  @Test
  void accessorsOfTheWrongTypeSayWhatTheValueIs() {
    assertThatThrownBy(() -> CustomFieldValue.text(4, "x").asChoice())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("c-cf-4 holds a text value, not a choice value");
    assertThatThrownBy(() -> CustomFieldValue.cleared(4).asText())
        .hasMessage("c-cf-4 holds a cleared value, not a text value");
  }

  @Test
  void valuesAreComparableAndDescribed() {
    assertThat(CustomFieldValue.number(6, new BigDecimal("12.50")))
        .isEqualTo(CustomFieldValue.number(6, new BigDecimal("12.5")));
    assertThat(CustomFieldValue.choice(5, 3)).isNotEqualTo(CustomFieldValue.choice(6, 3));
    assertThat(ALL_TYPES).extracting(Object::toString).containsExactly(
        "c-cf-4=text \"XHR1234\"", "c-cf-5=choice 3", "c-cf-6=number 1250.5",
        "c-cf-7=choices [10, 12]", "c-cf-8=date 2026-03-31", "c-cf-9=cleared");
    assertThat(CustomFieldValue.cleared(9).type()).isEmpty();
    assertThat(CustomFieldValue.date(8, LocalDate.of(2026, 3, 31)).type())
        .hasValue(FieldType.DATE);
    assertThat(CustomFieldValue.text(4, "x").key()).isEqualTo("c-cf-4");
  }
}
