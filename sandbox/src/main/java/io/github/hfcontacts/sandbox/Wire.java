package io.github.hfcontacts.sandbox;

/**
 * The wire form of the login flag: the strings {@code "TRUE"} and {@code "FALSE"}, read from
 * requests and written in the sandbox's contact responses (the contract leaves the response form
 * open; the sandbox answers what a request sends). Phone types and custom-field types are plain
 * strings in the generated models and need no conversion.
 */
final class Wire {
  private static final String ENABLED = "TRUE";
  private static final String DISABLED = "FALSE";

  private Wire() {}

  static String loginFlag(boolean enabled) {
    return enabled ? ENABLED : DISABLED;
  }

  /** The flag a request's value stands for, or null when it is not one of the two strings. */
  static Boolean loginFlag(Object wire) {
    if (ENABLED.equals(wire)) {
      return Boolean.TRUE;
    }
    if (DISABLED.equals(wire)) {
      return Boolean.FALSE;
    }
    return null;
  }
}
