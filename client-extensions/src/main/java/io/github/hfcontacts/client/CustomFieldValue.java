package io.github.hfcontacts.client;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The value of one contact custom field, typed, as sent under its {@code c-cf-<id>} key or read
 * back from a contact's {@code custom_fields}.
 *
 * <p>Wire forms (HappyFox's document, section 4):
 * <table>
 *   <caption>Values and their JSON</caption>
 *   <tr><th>factory</th><th>JSON sent</th></tr>
 *   <tr><td>{@code text(4, "XHR1234")}</td><td>{@code "c-cf-4": "XHR1234"}</td></tr>
 *   <tr><td>{@code number(6, new BigDecimal("12.50"))}</td><td>{@code "c-cf-6": 12.5}</td></tr>
 *   <tr><td>{@code choice(5, 3)}</td><td>{@code "c-cf-5": 3}</td></tr>
 *   <tr><td>{@code multipleChoice(7, List.of(1L, 2L))}</td><td>{@code "c-cf-7": [1, 2]}</td></tr>
 *   <tr><td>{@code date(8, LocalDate.of(2025, 11, 4))}</td><td>{@code "c-cf-8": "2025-11-04"}</td></tr>
 *   <tr><td>{@code cleared(4)}</td><td>{@code "c-cf-4": null}</td></tr>
 * </table>
 *
 * <p><b>Numbers</b> accept at most 2 decimal places, HappyFox's documented precision. A value with
 * more is <em>rejected</em> with an {@link IllegalArgumentException} rather than rounded, so that
 * the client never stores a number other than the one given; round it yourself first, for example
 * {@code value.setScale(2, RoundingMode.HALF_UP)}. Trailing zeros are dropped ({@code 12.50} is
 * sent as {@code 12.5}, {@code 1E+3} as {@code 1000}).
 *
 * <p>Read back with {@link CustomFieldValues#from(io.github.hfcontacts.openapi.model.Contact)}.
 *
 * <p>Thread safety: immutable.
 */
public final class CustomFieldValue {
  private static final String KEY_PREFIX = "c-cf-";

  private final long fieldId;
  private final FieldType type; // null when cleared
  private final Object value; // String, BigDecimal, Long, List<Long>, LocalDate; null when cleared

  private CustomFieldValue(long fieldId, FieldType type, Object value) {
    this.fieldId = fieldId;
    this.type = type;
    this.value = value;
  }

  /**
   * A text field's value.
   *
   * <p>Example: {@code CustomFieldValue.text(4, "XHR1234")} is sent as {@code "c-cf-4": "XHR1234"}.
   *
   * @param fieldId the field's id, from {@code GET /user_custom_fields/}
   * @param text the text; may be empty, at most 10,000 characters
   * @return the value
   * @throws IllegalArgumentException if {@code fieldId} is not positive or the text is too long
   */
  public static CustomFieldValue text(long fieldId, String text) {
    checkFieldId(fieldId);
    Args.multilineText("text", text, Args.MAX_TEXT_LENGTH);
    return new CustomFieldValue(fieldId, FieldType.TEXT, text);
  }

  /**
   * A number field's value, with at most 2 decimal places.
   *
   * <p>Example: {@code CustomFieldValue.number(6, new BigDecimal("12.50"))} is sent as
   * {@code "c-cf-6": 12.5}; {@code new BigDecimal("12.345")} is rejected.
   *
   * @param fieldId the field's id
   * @param number the number
   * @return the value
   * @throws IllegalArgumentException if {@code fieldId} is not positive or the number has more
   *     than 2 decimal places
   */
  public static CustomFieldValue number(long fieldId, BigDecimal number) {
    checkFieldId(fieldId);
    Objects.requireNonNull(number, "number");
    BigDecimal normalised = normalise(number);
    if (normalised.scale() > 2) {
      throw new IllegalArgumentException(key(fieldId) + ": " + number.toPlainString()
          + " has more than 2 decimal places, HappyFox's precision; round it first, e.g. "
          + "setScale(2, RoundingMode.HALF_UP)");
    }
    return new CustomFieldValue(fieldId, FieldType.NUMBER, normalised);
  }

  /**
   * A number field's whole-number value.
   *
   * <p>Example: {@code CustomFieldValue.number(6, 42)} is sent as {@code "c-cf-6": 42}.
   *
   * @param fieldId the field's id
   * @param number the number
   * @return the value
   * @throws IllegalArgumentException if {@code fieldId} is not positive
   */
  public static CustomFieldValue number(long fieldId, long number) {
    return number(fieldId, BigDecimal.valueOf(number));
  }

  /**
   * A dropdown (choice) field's value: the id of the picked choice.
   *
   * <p>Example: {@code CustomFieldValue.choice(5, 3)} is sent as {@code "c-cf-5": 3}.
   *
   * @param fieldId the field's id
   * @param choiceId the choice's id, from the field's {@code choices}
   * @return the value
   * @throws IllegalArgumentException if either id is not positive
   */
  public static CustomFieldValue choice(long fieldId, long choiceId) {
    checkFieldId(fieldId);
    Args.positiveId("choiceId", choiceId);
    return new CustomFieldValue(fieldId, FieldType.CHOICE, choiceId);
  }

  /**
   * A multiple-choice field's value: the ids of the picked choices, in the given order.
   *
   * <p>Example: {@code CustomFieldValue.multipleChoice(7, List.of(1L, 2L))} is sent as
   * {@code "c-cf-7": [1, 2]}; an empty list picks nothing ({@code []}).
   *
   * @param fieldId the field's id
   * @param choiceIds the choices' ids; no nulls, no duplicates
   * @return the value
   * @throws IllegalArgumentException if an id is not positive or appears twice
   */
  public static CustomFieldValue multipleChoice(long fieldId, Collection<Long> choiceIds) {
    checkFieldId(fieldId);
    Args.noNullElements("choiceIds", choiceIds);
    Set<Long> seen = new LinkedHashSet<>();
    for (Long id : choiceIds) {
      Args.positiveId("choiceIds element", id);
      if (!seen.add(id)) {
        throw new IllegalArgumentException(
            key(fieldId) + ": choiceIds holds " + id + " twice");
      }
    }
    return new CustomFieldValue(
        fieldId, FieldType.MULTIPLE_CHOICE, Collections.unmodifiableList(new ArrayList<>(seen)));
  }

  /**
   * A date field's value, sent as {@code yyyy-mm-dd}.
   *
   * <p>Example: {@code CustomFieldValue.date(8, LocalDate.of(2025, 11, 4))} is sent as
   * {@code "c-cf-8": "2025-11-04"}.
   *
   * @param fieldId the field's id
   * @param date the date; years 0 to 9999
   * @return the value
   * @throws IllegalArgumentException if {@code fieldId} is not positive or the year cannot be
   *     written with four digits
   */
  public static CustomFieldValue date(long fieldId, LocalDate date) {
    checkFieldId(fieldId);
    Objects.requireNonNull(date, "date");
    if (date.getYear() < 0 || date.getYear() > 9999) {
      throw new IllegalArgumentException(
          key(fieldId) + ": year " + date.getYear() + " cannot be written as yyyy-mm-dd");
    }
    return new CustomFieldValue(fieldId, FieldType.DATE, date);
  }

  /**
   * Clears a field: sent as JSON {@code null}.
   *
   * <p>Example: {@code CustomFieldValue.cleared(4)} is sent as {@code "c-cf-4": null}.
   *
   * @param fieldId the field's id
   * @return the value
   * @throws IllegalArgumentException if {@code fieldId} is not positive
   */
  public static CustomFieldValue cleared(long fieldId) {
    checkFieldId(fieldId);
    return new CustomFieldValue(fieldId, null, null);
  }

  /**
   * Returns the field's id.
   *
   * <p>Example: {@code 4} for {@code text(4, "x")}.
   *
   * @return the id
   */
  public long fieldId() {
    return fieldId;
  }

  /**
   * Returns the JSON key of this field.
   *
   * <p>Example: {@code "c-cf-4"} for {@code text(4, "x")}.
   *
   * @return the key
   */
  public String key() {
    return key(fieldId);
  }

  /**
   * Returns the type of the value, or empty for a cleared field.
   *
   * <p>Example: {@code Optional.of(FieldType.CHOICE)} for {@code choice(5, 3)}; never
   * {@link FieldType#UNKNOWN}.
   *
   * @return the type
   */
  public Optional<FieldType> type() {
    return Optional.ofNullable(type);
  }

  /**
   * Returns whether this clears the field (JSON {@code null}).
   *
   * <p>Example: {@code true} for {@code cleared(4)}.
   *
   * @return true for a cleared field
   */
  public boolean isCleared() {
    return type == null;
  }

  /**
   * Returns the text of a text value.
   *
   * <p>Example: {@code "XHR1234"} for {@code text(4, "XHR1234")}.
   *
   * @return the text
   * @throws IllegalStateException if this is not a text value
   */
  public String asText() {
    return (String) expect(FieldType.TEXT);
  }

  /**
   * Returns the number of a number value.
   *
   * <p>Example: {@code 12.5} for {@code number(6, new BigDecimal("12.50"))}.
   *
   * @return the number
   * @throws IllegalStateException if this is not a number value
   */
  public BigDecimal asNumber() {
    return (BigDecimal) expect(FieldType.NUMBER);
  }

  /**
   * Returns the choice id of a dropdown value.
   *
   * <p>Example: {@code 3} for {@code choice(5, 3)}.
   *
   * @return the choice id
   * @throws IllegalStateException if this is not a choice value
   */
  public long asChoice() {
    return (Long) expect(FieldType.CHOICE);
  }

  /**
   * Returns the choice ids of a multiple-choice value.
   *
   * <p>Example: {@code [1, 2]} for {@code multipleChoice(7, List.of(1L, 2L))}.
   *
   * @return an unmodifiable list
   * @throws IllegalStateException if this is not a multiple-choice value
   */
  @SuppressWarnings("unchecked")
  public List<Long> asChoices() {
    return (List<Long>) expect(FieldType.MULTIPLE_CHOICE);
  }

  /**
   * Returns the date of a date value.
   *
   * <p>Example: {@code 2025-11-04} for {@code date(8, LocalDate.of(2025, 11, 4))}.
   *
   * @return the date
   * @throws IllegalStateException if this is not a date value
   */
  public LocalDate asDate() {
    return (LocalDate) expect(FieldType.DATE);
  }

  /** The value as the generated models serialise it: String, BigDecimal, Long, List, or null. */
  Object wireValue() {
    if (value instanceof LocalDate) {
      return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
    }
    if (value instanceof List) {
      return new ArrayList<>((List<?>) value);
    }
    return value;
  }

  private Object expect(FieldType wanted) {
    if (type != wanted) {
      throw new IllegalStateException(key() + " holds " + describeType() + " value, not "
          + wanted.label() + " value");
    }
    return value;
  }

  String describeType() {
    return type == null ? "a cleared" : type.label();
  }

  /**
   * Reads a value as HappyFox answered it, without the checks of the public factories (the server's
   * value is what it is). Returns null when the value cannot be read into a typed value.
   */
  static CustomFieldValue read(long fieldId, FieldType type, Object value, Object valueId) {
    switch (type) {
      case TEXT:
        if (value == null) {
          return cleared(fieldId);
        }
        if (value instanceof String) {
          return new CustomFieldValue(fieldId, FieldType.TEXT, value);
        }
        return null;
      case NUMBER:
        BigDecimal number = value == null ? null : toDecimal(value);
        if (value == null) {
          return cleared(fieldId);
        }
        return number == null ? null : new CustomFieldValue(fieldId, FieldType.NUMBER, number);
      case DATE:
        if (value == null) {
          return cleared(fieldId);
        }
        LocalDate date = toDate(value);
        return date == null ? null : new CustomFieldValue(fieldId, FieldType.DATE, date);
      case CHOICE:
        if (valueId == null) {
          return value == null ? cleared(fieldId) : null;
        }
        Long choice = toId(valueId);
        return choice == null ? null : new CustomFieldValue(fieldId, FieldType.CHOICE, choice);
      case MULTIPLE_CHOICE:
        if (valueId == null) {
          return value == null ? cleared(fieldId) : null;
        }
        return toChoices(fieldId, valueId);
      default:
        // The multiple-choice literal is undocumented: a list of ids can only be that.
        if (valueId instanceof List) {
          return toChoices(fieldId, valueId);
        }
        if (value == null && valueId == null) {
          return cleared(fieldId);
        }
        return null;
    }
  }

  private static CustomFieldValue toChoices(long fieldId, Object valueId) {
    List<Long> ids = new ArrayList<>();
    if (valueId instanceof List) {
      for (Object item : (List<?>) valueId) {
        Long id = toId(item);
        if (id == null) {
          return null;
        }
        ids.add(id);
      }
    } else {
      Long id = toId(valueId);
      if (id == null) {
        return null;
      }
      ids.add(id);
    }
    return new CustomFieldValue(
        fieldId, FieldType.MULTIPLE_CHOICE, Collections.unmodifiableList(ids));
  }

  private static Long toId(Object raw) {
    BigDecimal decimal = toDecimal(raw);
    if (decimal == null || decimal.signum() <= 0) {
      return null;
    }
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private static BigDecimal toDecimal(Object raw) {
    try {
      if (raw instanceof BigDecimal) {
        return normalise((BigDecimal) raw);
      }
      if (raw instanceof BigInteger) {
        return new BigDecimal((BigInteger) raw);
      }
      if (raw instanceof Long || raw instanceof Integer) {
        return BigDecimal.valueOf(((Number) raw).longValue());
      }
      if (raw instanceof Double || raw instanceof Float) {
        return normalise(new BigDecimal(raw.toString()));
      }
      if (raw instanceof String) {
        return normalise(new BigDecimal(((String) raw).trim()));
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static LocalDate toDate(Object raw) {
    if (!(raw instanceof String)) {
      return null;
    }
    String text = ((String) raw).trim();
    // Leniently accept a timestamp whose first ten characters are the date.
    if (text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == ' ')) {
      text = text.substring(0, 10);
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static BigDecimal normalise(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  static String key(long fieldId) {
    return KEY_PREFIX + fieldId;
  }

  private static void checkFieldId(long fieldId) {
    Args.positiveId("fieldId", fieldId);
  }

  /**
   * Two values are equal when they are for the same field with the same type and value.
   *
   * <p>Example: {@code number(6, new BigDecimal("12.50")).equals(number(6, new BigDecimal("12.5")))}
   * is {@code true}.
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof CustomFieldValue)) {
      return false;
    }
    CustomFieldValue that = (CustomFieldValue) other;
    return fieldId == that.fieldId && type == that.type && Objects.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fieldId, type, value);
  }

  /**
   * Returns the key and the value as sent.
   *
   * <p>Example: {@code c-cf-5=choice 3}, {@code c-cf-4=text "XHR1234"}, {@code c-cf-4=cleared}.
   */
  @Override
  public String toString() {
    if (type == null) {
      return key() + "=cleared";
    }
    switch (type) {
      case TEXT:
        return key() + "=text \"" + value + "\"";
      case NUMBER:
        return key() + "=number " + ((BigDecimal) value).toPlainString();
      case CHOICE:
        return key() + "=choice " + value;
      case MULTIPLE_CHOICE:
        return key() + "=choices " + value;
      default:
        return key() + "=date " + value;
    }
  }
}
