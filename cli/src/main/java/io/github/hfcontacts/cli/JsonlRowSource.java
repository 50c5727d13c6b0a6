package io.github.hfcontacts.cli;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * JSON Lines rows: one JSON object per line, with scalar values or arrays of scalars; blank lines
 * are skipped and not counted.
 */
final class JsonlRowSource implements RowSource {
  private final BufferedReader reader;
  private long number;

  JsonlRowSource(Reader reader) {
    this.reader = reader instanceof BufferedReader ? (BufferedReader) reader
        : new BufferedReader(reader);
  }

  @Override
  public List<String> headers() {
    return List.of();
  }

  @Override
  public InputRow next() throws IOException {
    String line;
    do {
      line = reader.readLine();
      if (line == null) {
        return null;
      }
    } while (line.isBlank());
    number++;
    try {
      return new InputRow(number, parse(line), null);
    } catch (JsonEncodingException | JsonDataException | java.io.EOFException | BadRow e) {
      return new InputRow(number, Map.of(), "is not a JSON object of simple values: "
          + e.getMessage());
    }
  }

  private static Map<String, Object> parse(String line) throws IOException {
    JsonReader json = JsonReader.of(new Buffer().writeUtf8(line));
    if (json.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new BadRow("the line holds a " + describe(json.peek()) + ", not an object");
    }
    Map<String, Object> cells = new LinkedHashMap<>();
    json.beginObject();
    while (json.hasNext()) {
      String name = json.nextName();
      if (cells.containsKey(name)) {
        throw new BadRow("key \"" + name + "\" appears twice");
      }
      cells.put(name, value(json, name));
    }
    json.endObject();
    if (json.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new BadRow("more follows the object on the same line");
    }
    return cells;
  }

  private static Object value(JsonReader json, String name) throws IOException {
    switch (json.peek()) {
      case STRING:
      case NUMBER:
        return json.nextString();
      case BOOLEAN:
        return String.valueOf(json.nextBoolean());
      case NULL:
        json.nextNull();
        return Cells.NULL;
      case BEGIN_ARRAY:
        List<String> items = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
          JsonReader.Token token = json.peek();
          if (token != JsonReader.Token.STRING && token != JsonReader.Token.NUMBER) {
            throw new BadRow("\"" + name + "\" holds a " + describe(token)
                + " in its list; only strings and numbers are allowed");
          }
          items.add(json.nextString());
        }
        json.endArray();
        return items;
      default:
        throw new BadRow("\"" + name + "\" holds an object; only strings, numbers, booleans,"
            + " null and lists are allowed");
    }
  }

  private static String describe(JsonReader.Token token) {
    switch (token) {
      case BEGIN_ARRAY:
        return "list";
      case BEGIN_OBJECT:
        return "object";
      case STRING:
        return "string";
      case NUMBER:
        return "number";
      case BOOLEAN:
        return "boolean";
      case NULL:
        return "null";
      default:
        return token.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** A line that is JSON but not a row. */
  private static final class BadRow extends IOException {
    private static final long serialVersionUID = 1L;

    BadRow(String message) {
      super(message);
    }
  }
}
