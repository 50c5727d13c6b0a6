package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads "any JSON value" ({@code java.lang.Object}) with exact numbers: an integral number
 * becomes a {@link Long} (or {@link BigInteger}), any other a {@link BigDecimal}; number text
 * longer than {@link HappyFoxMoshi#MAX_NUMBER_CHARS} is refused before conversion.
 *
 * <p>Why: Moshi's default reads every number as a {@code Double}, so a choice id {@code 3}
 * read from a response would be sent back as {@code 3.0}, and {@code 0.1 + 0.2} money-like
 * custom-field values would drift. Writing handles strings, numbers, booleans, lists and maps
 * itself and hands any other type to the adapter that Moshi would have used, looked up once.
 */
final class ExactNumbersJsonAdapter extends JsonAdapter<Object> {
  static final JsonAdapter.Factory FACTORY = (type, annotations, moshi) -> {
    if (type != Object.class || !annotations.isEmpty()) {
      return null;
    }
    return new ExactNumbersJsonAdapter(moshi);
  };

  private final Moshi moshi;
  // Looked up on first use, not in the factory: the lookup re-enters this factory.
  private volatile JsonAdapter<Object> fallback;

  private ExactNumbersJsonAdapter(Moshi moshi) {
    this.moshi = moshi;
  }

  @Override
  public Object fromJson(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_ARRAY:
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(fromJson(reader));
        }
        reader.endArray();
        return list;
      case BEGIN_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          map.put(reader.nextName(), fromJson(reader));
        }
        reader.endObject();
        return map;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return NumberLimits.exact(reader.nextString(), reader);
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IllegalStateException("Expected a value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  @Override
  public void toJson(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String) {
      writer.value((String) value);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      writer.value(((Number) value).longValue());
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      writer.value((Number) value);
    } else if (value instanceof Boolean) {
      writer.value(((Boolean) value).booleanValue());
    } else if (value instanceof List) {
      writer.beginArray();
      for (Object item : (List<?>) value) {
        toJson(writer, item);
      }
      writer.endArray();
    } else {
      fallback().toJson(writer, value);
    }
  }

  private JsonAdapter<Object> fallback() {
    JsonAdapter<Object> adapter = fallback;
    if (adapter == null) {
      adapter = moshi.nextAdapter(FACTORY, Object.class, Collections.emptySet());
      fallback = adapter;
    }
    return adapter;
  }

  @Override
  public String toString() {
    return "ExactNumbersJsonAdapter";
  }
}
