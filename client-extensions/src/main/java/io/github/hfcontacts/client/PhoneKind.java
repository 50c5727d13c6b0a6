package io.github.hfcontacts.client;

import java.util.Optional;

/**
 * The kind of a contact's phone number, as HappyFox names it on the wire: {@code mo} mobile,
 * {@code w} work, {@code m} main, {@code h} home, {@code o} other (HappyFox's default).
 *
 * <p>Example: {@code ContactDraft.builder().phone(PhoneKind.MOBILE, "+44 20 7946 0000", true)}
 * sends {@code {"type": "mo", "number": "+44 20 7946 0000", "is_primary": true}}.
 *
 * <p>Thread safety: immutable.
 */
public enum PhoneKind {
  /** A mobile number, {@code "mo"} on the wire. */
  MOBILE("mo"),
  /** A work number, {@code "w"} on the wire. */
  WORK("w"),
  /** The main number, {@code "m"} on the wire. */
  MAIN("m"),
  /** A home number, {@code "h"} on the wire. */
  HOME("h"),
  /** Any other number, {@code "o"} on the wire; HappyFox's default. */
  OTHER("o");

  private final String wireValue;

  PhoneKind(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * Returns the value HappyFox uses on the wire.
   *
   * <p>Example: {@code PhoneKind.MOBILE.wireValue()} returns {@code "mo"}.
   *
   * @return the wire value
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Returns the kind with this wire value.
   *
   * <p>Example: {@code PhoneKind.fromWireValue("w")} returns {@code Optional.of(WORK)};
   * {@code fromWireValue("fax")} returns empty.
   *
   * @param wireValue the value as HappyFox sends it
   * @return the kind, or empty when this version does not know the value
   */
  public static Optional<PhoneKind> fromWireValue(String wireValue) {
    for (PhoneKind kind : values()) {
      if (kind.wireValue.equals(wireValue)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
