package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.model.CustomFieldType;

/**
 * The type of a contact custom field, which fixes the JSON form of its {@code c-cf-<id>} value.
 *
 * <p>Example: a field whose definition reads {@code "type": "choice"} is {@link #CHOICE}, and its
 * value is sent as the id of the picked choice, {@code "c-cf-5": 3}.
 *
 * <p>Thread safety: immutable.
 */
public enum FieldType {
  /** Free text; sent as a JSON string. */
  TEXT,
  /** A number with at most 2 decimal places; sent as a JSON number. */
  NUMBER,
  /** A dropdown; sent as the id of the picked choice. */
  CHOICE,
  /**
   * Multiple choice; sent as a list of choice ids. HappyFox's document does not show the type
   * literal; the project's contract calls it {@code multiple_choice}.
   */
  MULTIPLE_CHOICE,
  /** A date; sent as the string {@code yyyy-mm-dd}. */
  DATE,
  /** A type this version does not know; its values cannot be checked. Never a value's type. */
  UNKNOWN;

  static FieldType fromModel(CustomFieldType type) {
    if (type == null) {
      return UNKNOWN;
    }
    switch (type) {
      case TEXT:
        return TEXT;
      case NUMBER:
        return NUMBER;
      case CHOICE:
        return CHOICE;
      case MULTIPLE_CHOICE:
        return MULTIPLE_CHOICE;
      case DATE:
        return DATE;
      default:
        return UNKNOWN;
    }
  }

  String label() {
    switch (this) {
      case TEXT:
        return "a text";
      case NUMBER:
        return "a number";
      case CHOICE:
        return "a choice";
      case MULTIPLE_CHOICE:
        return "a multiple-choice";
      case DATE:
        return "a date";
      default:
        return "an unknown";
    }
  }
}
