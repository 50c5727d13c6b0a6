package io.github.hfcontacts.sandbox;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account's custom-field definitions and the checks of {@code c-cf-<id>} values against them,
 * with HappyFox's messages (Django's form messages; the vendor document shows "This field is
 * required" and "Select a valid choice. That choice is not one of the available choices.").
 * Immutable.
 */
final class CustomFieldRules {
  static final String KEY_PREFIX = "c-cf-";
  /** The vendor's message for a missing required custom field (sic, without a period). */
  static final String REQUIRED = "This field is required";
  static final String INVALID_CHOICE =
      "Select a valid choice. That choice is not one of the available choices.";

  private static final Pattern KEY = Pattern.compile("c-cf-([1-9][0-9]{0,17})");

  private final List<SandboxCustomField> fields;
  private final Map<Long, SandboxCustomField> byId = new LinkedHashMap<>();

  CustomFieldRules(List<SandboxCustomField> fields) {
    this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
    Set<Long> choiceIds = new LinkedHashSet<>();
    for (SandboxCustomField field : fields) {
      if (byId.put(field.id(), field) != null) {
        throw new IllegalArgumentException("customFields: two fields have id " + field.id());
      }
      for (Long choice : field.choices().keySet()) {
        if (!choiceIds.add(choice)) {
          throw new IllegalArgumentException("customFields: choice id " + choice
              + " is used twice; choice ids are unique in an account");
        }
      }
    }
    for (SandboxCustomField field : fields) {
      if (field.dependsOnChoice() != null && !choiceIds.contains(field.dependsOnChoice())) {
        throw new IllegalArgumentException("customFields: field " + field.id()
            + " depends on choice " + field.dependsOnChoice() + ", which no field has");
      }
    }
  }

  List<SandboxCustomField> fields() {
    return fields;
  }

  /**
   * Reads the {@code c-cf-<id>} keys of a request object into normalised values (null clears),
   * adding an error per bad key. With {@code creating}, a required field that is shown and has no
   * value is an error too.
   */
  Map<Long, Object> read(Map<String, Object> raw, FieldErrors errors, boolean creating) {
    Map<Long, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : raw.entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(KEY_PREFIX)) {
        continue;
      }
      Matcher matcher = KEY.matcher(key);
      if (!matcher.matches()) {
        errors.add(key, "Unknown custom field key: custom fields are sent as c-cf-<id>, with the"
            + " id from GET /user_custom_fields/.");
        continue;
      }
      long id = Long.parseLong(matcher.group(1));
      SandboxCustomField field = byId.get(id);
      if (field == null) {
        errors.add(key, "Unknown custom field: no contact custom field has id " + id
            + " (see GET /user_custom_fields/).");
        continue;
      }
      Object value = entry.getValue();
      if (value == null) {
        values.put(id, null);
        continue;
      }
      Object normalised = normalise(field, value, key, errors);
      if (normalised != null || !errors.has(key)) {
        values.put(id, normalised);
      }
    }
    if (creating) {
      for (SandboxCustomField field : fields) {
        if (field.isRequired() && shown(field, values) && values.get(field.id()) == null) {
          String key = KEY_PREFIX + field.id();
          if (!errors.has(key)) {
            errors.add(key, REQUIRED);
          }
        }
      }
    }
    return values;
  }

  /** A dependant field counts only when the choice it depends on is picked. */
  static boolean shown(SandboxCustomField field, Map<Long, Object> values) {
    Long choice = field.dependsOnChoice();
    if (choice == null) {
      return true;
    }
    for (Object value : values.values()) {
      if (choice.equals(value) || (value instanceof Collection && ((Collection<?>) value)
          .contains(choice))) {
        return true;
      }
    }
    return false;
  }

  private static Object normalise(SandboxCustomField field, Object value, String key,
      FieldErrors errors) {
    switch (field.type()) {
      case TEXT:
      case URL:
        if (value instanceof String) {
          return value;
        }
        errors.add(key, "Not a valid string: a text field takes a JSON string.");
        return null;
      case NUMBER:
        BigDecimal number = decimal(value);
        if (number == null) {
          errors.add(key, "Enter a number.");
          return null;
        }
        number = plain(number);
        if (number.scale() > 2) {
          errors.add(key, "Ensure that there are no more than 2 decimal places.");
          return null;
        }
        if (number.precision() - number.scale() > 18) {
          errors.add(key, "Ensure that there are no more than 18 digits before the decimal point.");
          return null;
        }
        return number;
      case DATE:
        if (value instanceof String && ((String) value).matches("\\d{4}-\\d{2}-\\d{2}")) {
          try {
            return LocalDate.parse((String) value).toString();
          } catch (DateTimeParseException e) {
            // falls through to the error
          }
        }
        errors.add(key, "Enter a valid date (yyyy-mm-dd).");
        return null;
      case CHOICE:
        Long choice = integer(value);
        if (choice == null || !field.choices().containsKey(choice)) {
          errors.add(key, INVALID_CHOICE);
          return null;
        }
        return choice;
      case MULTIPLE_CHOICE:
        if (!(value instanceof List)) {
          errors.add(key, "Enter a list of values.");
          return null;
        }
        List<Long> picked = new ArrayList<>();
        for (Object item : (List<?>) value) {
          Long id = integer(item);
          if (id == null || !field.choices().containsKey(id)) {
            errors.add(key, "Select a valid choice. " + item
                + " is not one of the available choices.");
            return null;
          }
          if (!picked.contains(id)) {
            picked.add(id);
          }
        }
        return picked.isEmpty() ? null : Collections.unmodifiableList(picked);
      default:
        throw new IllegalStateException("unknown type " + field.type());
    }
  }

  /** A number field's stored form: no trailing zeros, and never a negative scale ({@code 100}). */
  static BigDecimal plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    if (value instanceof Long || value instanceof Integer) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger) {
      return new BigDecimal((BigInteger) value);
    }
    if (value instanceof String && ((String) value).matches("-?\\d{1,30}(\\.\\d{1,30})?")) {
      return new BigDecimal((String) value);
    }
    return null;
  }

  private static Long integer(Object value) {
    BigDecimal decimal = decimal(value);
    if (decimal == null) {
      return null;
    }
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
