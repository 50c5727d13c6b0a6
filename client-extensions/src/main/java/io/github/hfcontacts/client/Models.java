package io.github.hfcontacts.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.Request;
import retrofit2.Call;

/** Conversions between the generated models and the client's types. */
final class Models {
  private Models() {}

  static List<FieldError> fieldErrors(List<io.github.hfcontacts.openapi.model.FieldError> models) {
    if (models == null) {
      return Collections.emptyList();
    }
    List<FieldError> errors = new ArrayList<>();
    for (io.github.hfcontacts.openapi.model.FieldError model : models) {
      if (model == null) {
        continue;
      }
      List<String> messages = new ArrayList<>();
      if (model.getErrors() != null) {
        for (String message : model.getErrors()) {
          if (message != null) {
            messages.add(message);
          }
        }
      }
      errors.add(FieldError.of(model.getField() == null ? "" : model.getField(), messages));
    }
    return errors;
  }

  /** A 2xx answer of an unexpected shape, reported like the transport reports malformed bodies. */
  static MalformedResponseException unexpectedAnswer(Call<?> call, String problem) {
    Request request = call.request();
    String method = request.method();
    String path = request.url().encodedPath();
    return new MalformedResponseException(
        method + " " + path + " failed: unexpected answer (" + problem + ")",
        method, path, -1, null, 1, null);
  }
}
