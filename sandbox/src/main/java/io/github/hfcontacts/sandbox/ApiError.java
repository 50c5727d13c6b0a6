package io.github.hfcontacts.sandbox;

import io.github.hfcontacts.openapi.model.FieldError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An API request the sandbox refuses: the status and the vendor's error body
 * ({@code {"error": [{"field": ..., "errors": [...]}]}}). Thrown inside the store and turned into
 * the response by {@link SandboxServer}. Carries no stack trace (it is control flow).
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The field name used for errors that concern the request as a whole. */
  static final String NON_FIELD = "non_field_errors";

  private final int status;
  private final transient List<FieldError> errors;
  private final String allow;

  ApiError(int status, List<FieldError> errors) {
    this(status, errors, null);
  }

  private ApiError(int status, List<FieldError> errors, String allow) {
    super(status + " " + errors, null, false, false);
    this.status = status;
    this.errors = Collections.unmodifiableList(new ArrayList<>(errors));
    this.allow = allow;
  }

  /** A 405 answered with {@code Allow: allowed}. */
  static ApiError methodNotAllowed(String allowed) {
    List<FieldError> errors = new ArrayList<>();
    errors.add(new FieldError().field(NON_FIELD).addErrorsItem(
        "Method not allowed; this path takes " + allowed + "."));
    return new ApiError(405, errors, allowed);
  }

  static ApiError of(int status, String field, String message) {
    List<FieldError> errors = new ArrayList<>();
    errors.add(new FieldError().field(field).addErrorsItem(message));
    return new ApiError(status, errors);
  }

  static ApiError badRequest(String field, String message) {
    return of(400, field, message);
  }

  static ApiError notFound(String message) {
    return of(404, NON_FIELD, message);
  }

  int status() {
    return status;
  }

  List<FieldError> errors() {
    return errors;
  }

  /** The {@code Allow} header of a 405, else null. */
  String allow() {
    return allow;
  }
}
