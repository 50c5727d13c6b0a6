package io.github.hfcontacts.client;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a HappyFox validation failure: a field name and the messages about it, as in
 * {@code {"error":[{"field":"name","errors":["This field is required."]}]}}.
 *
 * <p>Example: for that body, {@link ValidationException#fieldErrors()} holds one {@code FieldError}
 * whose {@code field()} is {@code "name"} and whose {@code messages()} is
 * {@code ["This field is required."]}; its {@code toString()} is
 * {@code "name: This field is required."}.
 *
 * <p>Thread safety: immutable.
 */
public final class FieldError implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The field name, or empty. */
  private final String field;
  /** The messages; a private copy, ArrayList so that the serialized form is well defined. */
  private final ArrayList<String> messages;

  private FieldError(String field, List<String> messages) {
    this.field = field;
    this.messages = new ArrayList<>(messages);
  }

  /**
   * Creates a field error.
   *
   * <p>Example: {@code FieldError.of("email", List.of("Enter a valid email address."))}.
   *
   * @param field the field name as HappyFox spells it, or {@code ""} for an error not about one field
   * @param messages the messages, copied; none may be null
   * @return the value
   */
  public static FieldError of(String field, List<String> messages) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(messages, "messages");
    for (String message : messages) {
      Objects.requireNonNull(message, "messages element");
    }
    return new FieldError(field, messages);
  }

  /**
   * Returns the field name.
   *
   * <p>Example: {@code "name"}; {@code ""} when HappyFox did not name a field.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }

  /**
   * Returns the messages about the field, in the server's order.
   *
   * <p>Example: {@code ["This field is required."]}.
   *
   * @return an unmodifiable list
   */
  public List<String> messages() {
    return java.util.Collections.unmodifiableList(messages);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof FieldError)) {
      return false;
    }
    FieldError that = (FieldError) other;
    return field.equals(that.field) && messages.equals(that.messages);
  }

  @Override
  public int hashCode() {
    return 31 * field.hashCode() + messages.hashCode();
  }

  /**
   * Returns {@code field: message message}, or the messages alone when there is no field name.
   *
   * <p>Example: {@code "name: This field is required."}.
   */
  @Override
  public String toString() {
    String joined = String.join(" ", messages);
    return field.isEmpty() ? joined : field + ": " + joined;
  }
}
