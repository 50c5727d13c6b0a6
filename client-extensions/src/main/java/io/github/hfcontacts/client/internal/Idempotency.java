package io.github.hfcontacts.client.internal;

import com.squareup.moshi.JsonReader;
import io.github.hfcontacts.openapi.annotation.SpecOperation;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import retrofit2.Invocation;

/**
 * Decides whether a request may be sent again after a failure whose outcome is unknown, from the
 * contract: the {@link SpecOperation} the generated method carries (reached through Retrofit's
 * {@link Invocation} tag), and, for an operation idempotent only under conditions, the request body
 * itself. Not API.
 *
 * <p>Anything that cannot be shown idempotent is not: a call from an interface without
 * {@code @SpecOperation}, an unknown condition, a body that cannot be read.
 *
 * <p>Thread safety: stateless.
 */
public final class Idempotency {
  private Idempotency() {}

  /**
   * Returns whether sending {@code request} twice leaves HappyFox as sending it once.
   *
   * @param request a request made by a Retrofit interface
   * @return true for GET and HEAD, and for a request of an operation marked idempotent (or whose
   *     {@code x-idempotent-when} conditions all hold for this body)
   */
  public static boolean replayable(Request request) {
    String method = request.method();
    if (method.equals("GET") || method.equals("HEAD")) {
      return true;
    }
    Invocation invocation = request.tag(Invocation.class);
    SpecOperation operation =
        invocation == null ? null : invocation.method().getAnnotation(SpecOperation.class);
    if (operation == null) {
      return false;
    }
    if (operation.idempotent()) {
      return true;
    }
    if (operation.idempotentWhen().length == 0) {
      return false;
    }
    List<?> items = items(request.body());
    if (items.isEmpty()) {
      return false;
    }
    for (String condition : operation.idempotentWhen()) {
      if (!holds(condition, items)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code condition} holds for every item of a body; false for an unknown condition. */
  static boolean holds(String condition, List<?> items) {
    for (Object item : items) {
      if (!(item instanceof Map)) {
        return false;
      }
      Map<?, ?> object = (Map<?, ?>) item;
      switch (condition) {
        case SpecOperation.EVERY_ITEM_HAS_EMAIL:
          Object email = object.get("email");
          if (!(email instanceof String) || ((String) email).trim().isEmpty()) {
            return false;
          }
          break;
        case SpecOperation.EVERY_PHONE_HAS_ID:
          if (!phonesHaveIds(object.get("phones"))) {
            return false;
          }
          break;
        default:
          return false;
      }
    }
    return true;
  }

  private static boolean phonesHaveIds(Object phones) {
    if (phones == null) {
      return true;
    }
    if (!(phones instanceof List)) {
      return false;
    }
    for (Object phone : (List<?>) phones) {
      if (!(phone instanceof Map) || ((Map<?, ?>) phone).get("id") == null) {
        return false;
      }
    }
    return true;
  }

  /** The body as a list of items: the object itself, or the array's elements; empty if unreadable. */
  private static List<?> items(RequestBody body) {
    if (body == null || body.isOneShot() || body.isDuplex()) {
      return Collections.emptyList();
    }
    try {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      Object json = JsonReader.of(buffer).readJsonValue();
      if (json instanceof List) {
        return (List<?>) json;
      }
      return json instanceof Map ? Collections.singletonList(json) : Collections.emptyList();
    } catch (IOException | RuntimeException e) {
      return Collections.emptyList();
    }
  }
}
