package io.github.hfcontacts.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's JSON: the generated models, read and written by the project's Moshi
 * ({@link HappyFoxMoshi}), so request and response shapes follow the spec's types. Request bodies
 * are first read as plain JSON values (exact numbers; needed to see which keys are present and
 * the raw values of custom fields), then decoded into the model.
 */
final class Json {
  static final Moshi MOSHI = HappyFoxMoshi.create();
  private static final JsonAdapter<Object> ANY = MOSHI.adapter(Object.class);
  private static final Pattern PATH = Pattern.compile("at path \\$(?:\\[\\d+\\])?\\.?([A-Za-z0-9_\\-]*)");

  private Json() {}

  /** Parses a request body into maps, lists, strings, exact numbers, booleans and nulls. */
  static Object parse(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).trim();
    if (text.isEmpty()) {
      throw ApiError.badRequest(ApiError.NON_FIELD, "The request body is empty: send a JSON body.");
    }
    try {
      return ANY.fromJson(text);
    } catch (JsonDataException | IOException e) {
      throw ApiError.badRequest(ApiError.NON_FIELD,
          "Malformed JSON (the sandbox accepts JSON bodies only): " + e.getMessage());
    }
  }

  /**
   * Decodes a parsed value into a generated model; a value of the wrong shape becomes a
   * {@link JsonDataException} naming the JSON path.
   */
  static <T> T decode(Object raw, Class<T> type) {
    try {
      // serializeNulls: an explicit null (e.g. "email": null) must reach the model as one.
      T value = MOSHI.adapter(type).fromJson(ANY.serializeNulls().toJson(raw));
      if (value == null) {
        throw new JsonDataException("Expected an object but was null at path $");
      }
      return value;
    } catch (IOException e) {
      throw new JsonDataException(e.getMessage(), e);
    }
  }

  /** Reads a model from plain JSON values (maps, lists, numbers...) without text in between. */
  static <T> T decodeValue(Object raw, Class<T> type) {
    return MOSHI.adapter(type).fromJsonValue(raw);
  }

  /** The top-level field a decoding failure is about ({@code $.phones[0].id} gives {@code phones}). */
  static String fieldOf(JsonDataException e) {
    String message = String.valueOf(e.getMessage());
    Matcher matcher = PATH.matcher(message);
    if (matcher.find() && !matcher.group(1).isEmpty()) {
      return matcher.group(1);
    }
    return ApiError.NON_FIELD;
  }

  /** A message for a decoding failure, without the Java type names Moshi uses. */
  static String messageOf(JsonDataException e) {
    String message = String.valueOf(e.getMessage());
    return "Invalid value: " + message.replace("BEGIN_ARRAY", "a list").replace("BEGIN_OBJECT",
        "an object").replace("STRING", "a string").replace("NUMBER", "a number")
        .replace("BOOLEAN", "a boolean").replace("NULL", "null") + ".";
  }

  static byte[] write(Object value, Type type) {
    JsonAdapter<Object> adapter = MOSHI.adapter(type);
    return adapter.toJson(value).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] write(Object value) {
    return ANY.toJson(value).getBytes(StandardCharsets.UTF_8);
  }

  static Type listOf(Type element) {
    return Types.newParameterizedType(List.class, element);
  }
}
