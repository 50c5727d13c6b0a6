package io.github.hfcontacts.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Custom-field values do not match the account's field definitions; thrown <em>before</em> any
 * request is sent, by {@link CustomFields#validate} and by the services returned from
 * {@link Contacts#withCustomFieldValidation()}.
 *
 * <p>Each problem names the field by key and name: an unknown field id, a value of the wrong type,
 * a choice id that is not one of the field's choices, or a required field missing on create.
 *
 * <p>Example message: {@code custom fields do not match their definitions: c-cf-5 ("Region ID"):
 * choice 9 is not one of its choices [3 "APAC", 4 "Australia"]; c-cf-4 ("Account Number"):
 * required when a contact is created, but missing}.
 *
 * <p>It is an {@link IllegalArgumentException} (the caller's input is wrong), not a
 * {@link HappyFoxException} (no request was made).
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class CustomFieldValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problems, one message each; an ArrayList so that the serialized form is well defined. */
  private final ArrayList<String> problems;

  CustomFieldValidationException(String context, List<String> problems) {
    super(context + ": " + String.join("; ", problems));
    this.problems = new ArrayList<>(problems);
  }

  /**
   * Returns one message per problem, in the order of the values checked.
   *
   * <p>Example: {@code ["c-cf-9: no contact custom field has id 9"]}.
   *
   * @return an unmodifiable list, never empty
   */
  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }
}
