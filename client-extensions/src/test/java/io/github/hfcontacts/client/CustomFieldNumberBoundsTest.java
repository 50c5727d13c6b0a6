package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.Fixtures.contact;
import static io.github.hfcontacts.client.Fixtures.contactJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.hfcontacts.openapi.model.Contact;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Number custom fields are integers or have 2 decimals, with at most 18 digits before the point:
 * anything else HappyFox answers is reported as unreadable, at once, never as an
 * ArithmeticException, minutes of CPU or an OutOfMemoryError.
 */
class CustomFieldNumberBoundsTest {
  /** A hang detector, not a speed target: the unbounded versions took minutes or ran out of memory. */
  private static final Duration HANG = Duration.ofSeconds(10);

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1e999999999", "1e100000000", "-1e100000000", "1e-999999999",
      "1e19", "1E+18", "0.125", "123456789012345678901234567890123456789012345678901234567890",
      "\"1e999999999\"", "\"" + "9" + "\""})
  void outOfBoundsNumbersAreUnreadableWithAReason(String literal) {
    assertTimeoutPreemptively(HANG, () -> {
      Contact contact = contact("[{\"id\": 6, \"type\": \"number\", \"name\": \"Revenue\","
          + " \"value\": " + literal + "}]");

      CustomFieldValues read = CustomFieldValues.from(contact);

      if (literal.equals("\"9\"")) {
        assertThat(read.get(6)).hasValue(CustomFieldValue.number(6, 9));
        return;
      }
      assertThat(read.unreadableFieldIds()).containsExactly(6L);
      assertThat(read.get(6)).isEmpty();
      assertThat(read.unreadableReason(6)).get().asString().hasSizeLessThan(120);
      assertThat(read.toString()).hasSizeLessThan(200);
    });
  }

  @Test
  void choiceIdWithAHugeExponentIsUnreadable() {
    assertTimeoutPreemptively(HANG, () -> {
      CustomFieldValues read = CustomFieldValues.from(contact(
          "[{\"id\": 5, \"type\": \"choice\", \"value\": \"APAC\", \"value_id\": 1e999999999},"
              + "{\"id\": 7, \"type\": \"multiple_choice\", \"value_id\": [3, 1e-999999999]}]"));

      assertThat(read.unreadableFieldIds()).containsExactly(5L, 7L);
      assertThat(read.unreadableReason(5)).hasValue(
          "a choice id that is not a positive whole number");
    });
  }

  @Test
  void boundsAreInclusiveOfEighteenDigitsAndTwoDecimals() throws Exception {
    CustomFieldValues read = CustomFieldValues.from(contact(
        "[{\"id\": 6, \"type\": \"number\", \"value\": 999999999999999999.99},"
            + "{\"id\": 7, \"type\": \"number\", \"value\": -0.01},"
            + "{\"id\": 8, \"type\": \"number\", \"value\": 12.50E1}]"));

    assertThat(read.unreadableFieldIds()).isEmpty();
    assertThat(read.get(6).orElseThrow().asNumber()).isEqualTo(new BigDecimal("999999999999999999.99"));
    assertThat(read.get(7).orElseThrow().asNumber()).isEqualTo(new BigDecimal("-0.01"));
    assertThat(read.get(8).orElseThrow().asNumber()).isEqualTo(new BigDecimal("125"));
    assertThat(read.get(6).orElseThrow().toString()).isEqualTo("c-cf-6=number 999999999999999999.99");
  }

  @Test
  void factoryRefusesOutOfBoundsNumbersWithAShortMessage() {
    assertTimeoutPreemptively(HANG, () -> {
      assertThatThrownBy(() -> CustomFieldValue.number(6, new BigDecimal("1e999999999")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("c-cf-6: 1E+999999999 has more than 18 digits before the decimal point");
      assertThatThrownBy(() -> CustomFieldValue.number(6, new BigDecimal("1e-999999999")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("c-cf-6: 1E-999999999 has more than 2 decimal places, HappyFox's precision;"
              + " round it first, e.g. setScale(2, RoundingMode.HALF_UP)");
      assertThatThrownBy(() -> CustomFieldValue.number(6, new BigDecimal("9".repeat(5000))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("c-cf-6: a number of about 5000 digits has more digits than a HappyFox"
              + " number can hold");
      assertThat(CustomFieldValue.number(6, new BigDecimal("-999999999999999999.99")).asNumber())
          .isEqualTo(new BigDecimal("-999999999999999999.99"));
    });
  }

  @Test
  void updateCustomFieldsWritesNothingAndNamesTheField() throws Exception {
    mock.enqueueJson(200, contactJson(
        "[{\"id\": 6, \"type\": \"number\", \"name\": \"Revenue\", \"value\": 1e999999999},"
            + "{\"id\": 4, \"type\": \"text\", \"value\": \"XHR1234\"}]"));

    assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> mock.client().contacts()
        .updateCustomFields(33, List.of(CustomFieldValue.text(4, "LDA5000"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("contact 33 not updated: the current value of c-cf-6 (\"Revenue\", 1E+999999999"
            + " has more than 18 digits before the decimal point) cannot be read back, and leaving"
            + " it out would reset it; set it in the changes"));
    MockHappyFox.assertGet(mock.take(), "user/33/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void replacingTheUnreadableNumberWritesIt() throws Exception {
    mock.enqueueJson(200, contactJson(
        "[{\"id\": 6, \"type\": \"number\", \"value\": 1e-999999999}]"));
    mock.enqueueJson(200, contactJson("[{\"id\": 6, \"type\": \"number\", \"value\": 12.5}]"));

    Contact updated = mock.client().contacts()
        .updateCustomFields(33, List.of(CustomFieldValue.number(6, new BigDecimal("12.50"))));

    MockHappyFox.assertGet(mock.take(), "user/33/");
    MockHappyFox.assertPost(mock.take(), "user/33/", "{\"c-cf-6\": 12.5}");
    assertThat(CustomFieldValues.from(updated).get(6))
        .hasValue(CustomFieldValue.number(6, new BigDecimal("12.5")));
  }

  @Test
  void setLoginEnabledAndUpdatePrimaryPhoneRefuseBeforeWriting() throws Exception {
    String body = contactJson(
        "\"primary_phone\": {\"id\": 31, \"type\": \"w\", \"number\": \"1\"}, ",
        "[{\"id\": 6, \"type\": \"number\", \"value\": 1e10000000}]");
    mock.enqueueJson(200, body);
    mock.enqueueJson(200, body);
    mock.enqueueJson(200, body);

    assertTimeoutPreemptively(HANG, () -> {
      assertThatThrownBy(() -> mock.client().contacts().setLoginEnabled(33, false))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("c-cf-6");
      assertThatThrownBy(() -> mock.client().contacts().updatePrimaryPhone(33, "5551234567"))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("c-cf-6");
      assertThatThrownBy(() -> mock.client().contacts().updateMerging(33,
          ContactDraft.builder().name("Jo").build()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("c-cf-6");
    });
    assertThat(mock.requestCount()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(mock.take().getMethod()).isEqualTo("GET");
    }
  }
}
