package io.github.hfcontacts.client;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Argument checks shared by the domain services; every message names the argument. */
final class Args {
  /** Longest name, description or free text the client accepts in one argument. */
  static final int MAX_TEXT_LENGTH = 10_000;
  /** Longest email address (RFC 5321 path limit). */
  static final int MAX_EMAIL_LENGTH = 254;
  /** Longest phone number the client accepts. */
  static final int MAX_PHONE_LENGTH = 40;

  private Args() {}

  static long positiveId(String name, long id) {
    if (id <= 0) {
      throw new IllegalArgumentException(name + " must be a positive id but was " + id);
    }
    return id;
  }

  static int atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
    }
    return value;
  }

  static <T> T notNull(String name, T value) {
    return Objects.requireNonNull(value, name);
  }

  /** A non-blank single-line text of sensible length. */
  static String text(String name, String value, int maxLength) {
    notNull(name, value);
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          name + " must be at most " + maxLength + " characters but has " + value.length());
    }
    int control = firstControl(value);
    if (control >= 0) {
      throw new IllegalArgumentException(
          name + " must not contain control characters (found U+"
              + String.format("%04X", (int) value.charAt(control)) + " at index " + control + ")");
    }
    return value;
  }

  /**
   * An email address as a path segment or upsert key: no whitespace or control characters, one
   * {@code @} with text on both sides. HappyFox validates the rest itself.
   */
  static String email(String name, String value) {
    notNull(name, value);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    if (value.length() > MAX_EMAIL_LENGTH) {
      throw new IllegalArgumentException(name + " must be at most " + MAX_EMAIL_LENGTH
          + " characters but has " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            name + " must not contain whitespace or control characters (found U+"
                + String.format("%04X", (int) c) + " at index " + i + ")");
      }
    }
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1) {
      throw new IllegalArgumentException(
          name + " must look like local@domain (an '@' with text on both sides)");
    }
    return value;
  }

  /** Text that may span lines (tabs and line breaks allowed, other control characters not). */
  static String multilineText(String name, String value, int maxLength) {
    notNull(name, value);
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          name + " must be at most " + maxLength + " characters but has " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        throw new IllegalArgumentException(name + " must not contain control characters (found U+"
            + String.format("%04X", (int) c) + " at index " + i + ")");
      }
    }
    return value;
  }

  static String phoneNumber(String name, String value) {
    text(name, value, MAX_PHONE_LENGTH);
    boolean digit = false;
    for (int i = 0; i < value.length() && !digit; i++) {
      digit = Character.isDigit(value.charAt(i));
    }
    if (!digit) {
      throw new IllegalArgumentException(name + " must contain at least one digit");
    }
    return value;
  }

  static <T> List<T> noNullElements(String name, List<T> values) {
    notNull(name, values);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new NullPointerException(name + "[" + i + "]");
      }
    }
    return values;
  }

  static <T> Collection<T> noNullElements(String name, Collection<T> values) {
    notNull(name, values);
    int i = 0;
    for (T value : values) {
      if (value == null) {
        throw new NullPointerException(name + "[" + i + "]");
      }
      i++;
    }
    return values;
  }

  private static int firstControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
