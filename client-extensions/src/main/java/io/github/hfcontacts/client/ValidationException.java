package io.github.hfcontacts.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * HappyFox rejected the request's content: HTTP 400, or a 2xx whose JSON body holds only
 * {@code {"error": [...]}} (HappyFox sends both). The field errors are parsed from that body; the
 * list is empty when the body did not name any. Never retried.
 *
 * <p>Example: for {@code {"error":[{"field":"name","errors":["This field is required."]}]}} the
 * message is {@code POST /api/1.1/json/users/ failed: HTTP 400 (name: This field is required.)} and
 * {@code fieldErrors()} holds {@code FieldError.of("name", List.of("This field is required."))}.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class ValidationException extends HappyFoxException {
  private static final long serialVersionUID = 1L;

  /** The field errors; ArrayList so that the serialized form is well defined. */
  private final ArrayList<FieldError> fieldErrors;

  ValidationException(
      String message, String method, String path, int statusCode, String bodyExcerpt,
      int attempts, List<FieldError> fieldErrors) {
    super(message, method, path, statusCode, bodyExcerpt, attempts, null);
    this.fieldErrors = new ArrayList<>(fieldErrors);
  }

  /**
   * Returns the field errors, in the server's order.
   *
   * <p>Example: {@code e.fieldErrors().get(0).field()} returns {@code "name"}.
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<FieldError> fieldErrors() {
    return Collections.unmodifiableList(fieldErrors);
  }
}
