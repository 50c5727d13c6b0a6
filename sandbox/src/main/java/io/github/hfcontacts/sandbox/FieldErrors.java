package io.github.hfcontacts.sandbox;

import io.github.hfcontacts.openapi.model.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects validation messages per field, in the order fields were first named. */
final class FieldErrors {
  static final String REQUIRED = "This field is required.";
  static final String NOT_NULL = "This field may not be null.";

  private final Map<String, List<String>> byField = new LinkedHashMap<>();

  void add(String field, String message) {
    byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
  }

  boolean isEmpty() {
    return byField.isEmpty();
  }

  boolean has(String field) {
    return byField.containsKey(field);
  }

  List<FieldError> toModels() {
    List<FieldError> models = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : byField.entrySet()) {
      models.add(new FieldError().field(entry.getKey()).errors(new ArrayList<>(entry.getValue())));
    }
    return models;
  }

  ApiError toError(int status) {
    return new ApiError(status, toModels());
  }
}
