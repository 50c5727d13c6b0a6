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
 * <p><b>Numbers</b> accept at most 2 decimal places, HappyFox's documented precision, and at most
 * {@value #MAX_INTEGER_DIGITS} digits before the decimal point. A value outside those bounds is
 * <em>rejected</em> with an {@link IllegalArgumentException} rather than rounded, so that the
 * client never stores a number other than the one given; round it yourself first, for example
 * {@code value.setScale(2, RoundingMode.HALF_UP)}. Trailing zeros are dropped ({@code 12.50} is
 * sent as {@code 12.5}, {@code 1E+3} as {@code 1000}). A number read back from HappyFox outside the
 * same bounds (such as {@code 1e999999999}) is not turned into a value: it is reported as
 * unreadable by {@link CustomFieldValues}, with the reason, at a cost that does not grow with the
 * exponent.
 *
 * <p>Read back with {@link CustomFieldValues#from(io.github.hfcontacts.openapi.model.Contact)}.
 *
 * <p>Thread safety: immutable.
 */
public final class CustomFieldValue {
  /** The most digits a number field's value may have before the decimal point. */
  public static final int MAX_INTEGER_DIGITS = 18;

  /** The most decimal places a number field's value may have (HappyFox's precision). */
  public static final int MAX_DECIMAL_PLACES = 2;

  private static final String KEY_PREFIX = "c-cf-";
  private static final String[] SMALL_KEYS = new String[1024];
  /** Longest numeric string read back; far above any number within the bounds. */
  private static final int MAX_NUMBER_TEXT = 64;
  /** Numbers longer than this many digits are refused before any digit-by-digit arithmetic. */
  private static final int MAX_DIGITS_EXAMINED = 40;

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
   * A number field's value, with at most 2 decimal places and {@value #MAX_INTEGER_DIGITS} digits
   * before the decimal point.
   *
   * <p>Example: {@code CustomFieldValue.number(6, new BigDecimal("12.50"))} is sent as
   * {@code "c-cf-6": 12.5}; {@code new BigDecimal("12.345")} and {@code new BigDecimal("1E+30")}
   * are rejected.
   *
   * @param fieldId the field's id
   * @param number the number
   * @return the value
   * @throws IllegalArgumentException if {@code fieldId} is not positive, or the number has more
   *     than 2 decimal places or more than {@value #MAX_INTEGER_DIGITS} digits before the point
   */
  public static CustomFieldValue number(long fieldId, BigDecimal number) {
    checkFieldId(fieldId);
    Objects.requireNonNull(number, "number");
    String problem = numberProblem(number);
    if (problem != null) {
      throw new IllegalArgumentException(key(fieldId) + ": " + problem
          + (problem.contains("decimal places")
              ? "; round it first, e.g. setScale(2, RoundingMode.HALF_UP)" : ""));
    }
    return new CustomFieldValue(fieldId, FieldType.NUMBER, normalise(number));
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
        if (value == null) {
          return cleared(fieldId);
        }
        BigDecimal number = toDecimal(value);
        if (number == null || numberProblem(number) != null) {
          return null;
        }
        return new CustomFieldValue(fieldId, FieldType.NUMBER, normalise(number));
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
    // An id has at most 19 digits: anything longer is refused before any arithmetic on it.
    if (decimal == null || decimal.signum() <= 0 || digitsBeforePoint(decimal) > 19) {
      return null;
    }
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /**
   * The raw JSON value as a decimal, without normalising it (which could cost time growing with its
   * exponent); null when it is not a number or is too long to be one within bounds.
   */
  private static BigDecimal toDecimal(Object raw) {
    try {
      if (raw instanceof BigDecimal) {
        return (BigDecimal) raw;
      }
      if (raw instanceof BigInteger) {
        return new BigDecimal((BigInteger) raw);
      }
      if (raw instanceof Long || raw instanceof Integer) {
        return BigDecimal.valueOf(((Number) raw).longValue());
      }
      if (raw instanceof Double || raw instanceof Float) {
        return new BigDecimal(raw.toString());
      }
      if (raw instanceof String) {
        String text = ((String) raw).trim();
        return text.length() > MAX_NUMBER_TEXT ? null : new BigDecimal(text);
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return null;
  }

  /**
   * Why {@code number} is outside HappyFox's bounds, or null when it is within them. Runs in time
   * independent of the exponent and bounded in the number of digits.
   */
  static String numberProblem(BigDecimal number) {
    if (number.signum() == 0) {
      return null;
    }
    // bitLength is cheap; more than MAX_DIGITS_EXAMINED digits means out of bounds anyway.
    if (tooManyDigits(number)) {
      return describe(number) + " has more digits than a HappyFox number can hold";
    }
    long integerDigits = digitsBeforePoint(number);
    if (integerDigits > MAX_INTEGER_DIGITS) {
      return describe(number) + " has more than " + MAX_INTEGER_DIGITS
          + " digits before the decimal point";
    }
    if (number.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
      return describe(number) + " has more than " + MAX_DECIMAL_PLACES
          + " decimal places, HappyFox's precision";
    }
    return null;
  }

  /** More than MAX_DIGITS_EXAMINED digits, told by the cheap bitLength alone. */
  private static boolean tooManyDigits(BigDecimal number) {
    return number.unscaledValue().bitLength() > MAX_DIGITS_EXAMINED * 10 / 3;
  }

  /** precision - scale, in long arithmetic: negative for 0.00x, huge for 1E+999999999. */
  private static long digitsBeforePoint(BigDecimal number) {
    if (tooManyDigits(number)) {
      return Long.MAX_VALUE;
    }
    return (long) number.precision() - number.scale();
  }

  /** A short rendering of any number: plain when short, scientific otherwise, never huge. */
  static String describe(BigDecimal number) {
    if (tooManyDigits(number)) {
      return "a number of about " + (long) (number.unscaledValue().bitLength() * 0.30103)
          + " digits";
    }
    int scale = number.scale();
    return scale >= -MAX_DIGITS_EXAMINED && scale <= MAX_DIGITS_EXAMINED
        ? number.toPlainString() : number.toString();
  }

  /** Why a value read back is unreadable; see {@link #read}. */
  static String whyUnreadable(FieldType type, Object value, Object valueId) {
    if (type == FieldType.NUMBER && value != null) {
      BigDecimal number = toDecimal(value);
      return number == null ? "not a number" : numberProblem(number);
    }
    switch (type) {
      case TEXT:
        return "not text";
      case DATE:
        return "not a yyyy-mm-dd date";
      case CHOICE:
      case MULTIPLE_CHOICE:
        return valueId == null ? "a value without a choice id"
            : "a choice id that is not a positive whole number";
      default:
        return "a type this client does not know";
    }
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

  /** Only for numbers within bounds (checked by {@link #numberProblem}): cheap then. */
  private static BigDecimal normalise(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  static String key(long fieldId) {
    if (fieldId <= 0 || fieldId >= SMALL_KEYS.length) {
      return KEY_PREFIX + fieldId;
    }
    // Every draft sent names its fields' keys again: accounts number their fields from 1, so the
    // keys of small ids are made once (a race makes two equal strings, which is harmless).
    String key = SMALL_KEYS[(int) fieldId];
    if (key == null) {
      key = KEY_PREFIX + fieldId;
      SMALL_KEYS[(int) fieldId] = key;
    }
    return key;
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
