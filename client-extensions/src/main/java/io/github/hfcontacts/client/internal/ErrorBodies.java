package io.github.hfcontacts.client.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.github.hfcontacts.client.FieldError;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads HappyFox error bodies. Not API.
 *
 * <p>HappyFox reports failures as {@code {"error": [{"field": "name", "errors": ["..."]}]}}, with a
 * 4xx status or, sometimes, a 2xx one. The parser is lenient about the item shape (a plain string,
 * a {@code {"field": messages}} map, {@code message} instead of {@code errors}) because only the
 * documented form is known, and an error report must never fail to be reported.
 *
 * <p>Thread safety: stateless.
 */
public final class ErrorBodies {
  /** Bytes read for an excerpt: enough for {@code maxChars} characters of any UTF-8 text. */
  private static final int EXCERPT_BYTES = 4 * 512;

  private ErrorBodies() {}

  /**
   * Returns the field errors of an error body, or an empty list when it names none or is not JSON.
   *
   * @param body the whole body text
   * @return the field errors
   */
  public static List<FieldError> fieldErrors(String body) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return Collections.emptyList();
      }
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals("error")) {
          List<FieldError> errors = readErrorValue(reader);
          return errors == null ? Collections.emptyList() : errors;
        }
        reader.skipValue();
      }
      return Collections.emptyList();
    } catch (IOException | JsonDataException e) {
      return Collections.emptyList();
    }
  }

  /**
   * Returns the field errors when the body is an error envelope: a JSON object whose only member
   * is {@code "error"}, holding an array, a string or an object. Reads only as far as needed to
   * decide, so a normal body costs a few bytes of look-ahead.
   *
   * @param peek a peek source over the body; it is read, the body itself is not consumed
   * @return the field errors of an envelope, or empty when the body is something else
   * @throws IOException when reading the body fails (a network failure or the size cap)
   */
  public static Optional<List<FieldError>> envelope(BufferedSource peek) throws IOException {
    try {
      JsonReader reader = JsonReader.of(peek);
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return Optional.empty();
      }
      reader.beginObject();
      if (!reader.hasNext() || !reader.nextName().equals("error")) {
        return Optional.empty();
      }
      List<FieldError> errors = readErrorValue(reader);
      if (errors == null || reader.hasNext()) {
        return Optional.empty();
      }
      reader.endObject();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        return Optional.empty();
      }
      return Optional.of(errors);
    } catch (JsonEncodingException | JsonDataException | EOFException notAnEnvelope) {
      // Not JSON, or truncated: the converter will report it as malformed.
      return Optional.empty();
    }
  }

  /**
   * Returns the first characters of a body.
   *
   * @param peek a peek source over the body
   * @param maxChars the most characters to return
   * @return the excerpt, possibly empty
   * @throws IOException when reading the body fails
   */
  public static String excerpt(BufferedSource peek, int maxChars) throws IOException {
    Buffer buffer = new Buffer();
    while (buffer.size() < EXCERPT_BYTES) {
      if (peek.read(buffer, EXCERPT_BYTES - buffer.size()) == -1) {
        break;
      }
    }
    return truncate(buffer.readUtf8(), maxChars);
  }

  /**
   * Returns at most {@code maxChars} characters of {@code text}, not splitting a surrogate pair.
   *
   * @param text any text
   * @param maxChars the most characters to keep
   * @return the prefix
   */
  public static String truncate(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  // Returns null when the value is not an error value (null, number, boolean): then the body is
  // not an error envelope.
  private static List<FieldError> readErrorValue(JsonReader reader) throws IOException {
    List<FieldError> errors = new ArrayList<>();
    switch (reader.peek()) {
      case BEGIN_ARRAY:
        reader.beginArray();
        while (reader.hasNext()) {
          readItem(reader, errors);
        }
        reader.endArray();
        return errors;
      case STRING:
        errors.add(FieldError.of("", List.of(reader.nextString())));
        return errors;
      case BEGIN_OBJECT:
        reader.beginObject();
        while (reader.hasNext()) {
          String field = reader.nextName();
          errors.add(FieldError.of(field, readMessages(reader)));
        }
        reader.endObject();
        return errors;
      default:
        reader.skipValue();
        return null;
    }
  }

  private static void readItem(JsonReader reader, List<FieldError> errors) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.STRING) {
      errors.add(FieldError.of("", List.of(reader.nextString())));
      return;
    }
    if (token != JsonReader.Token.BEGIN_OBJECT) {
      reader.skipValue();
      return;
    }
    String field = "";
    List<String> messages = new ArrayList<>();
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (name.equals("field") && reader.peek() == JsonReader.Token.STRING) {
        field = reader.nextString();
      } else if (name.equals("errors") || name.equals("messages") || name.equals("message")) {
        messages.addAll(readMessages(reader));
      } else {
        reader.skipValue();
      }
    }
    reader.endObject();
    if (!field.isEmpty() || !messages.isEmpty()) {
      errors.add(FieldError.of(field, messages));
    }
  }

  private static List<String> readMessages(JsonReader reader) throws IOException {
    List<String> messages = new ArrayList<>();
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.STRING || token == JsonReader.Token.NUMBER) {
      messages.add(reader.nextString());
    } else if (token == JsonReader.Token.BEGIN_ARRAY) {
      reader.beginArray();
      while (reader.hasNext()) {
        JsonReader.Token item = reader.peek();
        if (item == JsonReader.Token.STRING || item == JsonReader.Token.NUMBER) {
          messages.add(reader.nextString());
        } else {
          reader.skipValue();
        }
      }
      reader.endArray();
    } else {
      reader.skipValue();
    }
    return messages;
  }
}
