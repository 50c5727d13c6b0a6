package io.github.hfcontacts.client;

/**
 * The type of a contact custom field, which fixes the JSON form of its {@code c-cf-<id>} value.
 *
 * <p>Example: a field whose definition reads {@code "type": "choice"} is {@link #CHOICE}, and its
 * value is sent as the id of the picked choice, {@code "c-cf-5": 3}.
 *
 * <p>Thread safety: immutable.
 */
public enum FieldType {
  /** Free text ({@code "text"}); sent as a JSON string. */
  TEXT("text"),
  /**
   * A number with at most 2 decimal places; sent as a JSON number. HappyFox's document does not
   * show the type literal; the project's contract guesses {@code "number"}.
   */
  NUMBER("number"),
  /** A dropdown ({@code "choice"}); sent as the id of the picked choice. */
  CHOICE("choice"),
  /**
   * Multiple choice; sent as a list of choice ids. HappyFox's document does not show the type
   * literal; the project's contract guesses {@code "multiple_choice"}.
   */
  MULTIPLE_CHOICE("multiple_choice"),
  /**
   * A date; sent as the string {@code yyyy-mm-dd}. HappyFox's document does not show the type
   * literal; the project's contract guesses {@code "date"}.
   */
  DATE("date"),
  /** A type this version does not know; its values cannot be checked. Never a value's type. */
  UNKNOWN(null);

  private final String wireValue;

  FieldType(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * Maps the {@code type} string of a custom field, as HappyFox sends it, to its type. The
   * contract keeps that string open (the server may add types), so any other value is
   * {@link #UNKNOWN}.
   */
  static FieldType fromWireValue(String type) {
    for (FieldType candidate : values()) {
      if (candidate.wireValue != null && candidate.wireValue.equals(type)) {
        return candidate;
      }
    }
    return UNKNOWN;
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
