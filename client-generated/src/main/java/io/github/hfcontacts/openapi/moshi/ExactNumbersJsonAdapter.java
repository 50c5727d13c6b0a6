package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads "any JSON value" ({@code java.lang.Object}) with exact numbers: an integral number
 * becomes a {@link Long} (or {@link BigInteger}), any other a {@link BigDecimal}.
 *
 * <p>Why: Moshi's default reads every number as a {@code Double}, so a choice id {@code 3}
 * read from a response would be sent back as {@code 3.0}, and {@code 0.1 + 0.2} money-like
 * custom-field values would drift. Writing delegates to Moshi's own adapter for the value's
 * runtime type (this package registers a {@code BigDecimal} adapter too).
 */
final class ExactNumbersJsonAdapter extends JsonAdapter<Object> {
  static final JsonAdapter.Factory FACTORY = (type, annotations, moshi) -> {
    if (type != Object.class || !annotations.isEmpty()) {
      return null;
    }
    return new ExactNumbersJsonAdapter(moshi);
  };

  private final Moshi moshi;

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
        return exactNumber(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new IllegalStateException("Expected a value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  static Number exactNumber(String text) {
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      BigInteger integer = new BigInteger(text);
      return integer.bitLength() < 64 ? (Number) integer.longValue() : integer;
    }
    return new BigDecimal(text);
  }

  @Override
  public void toJson(JsonWriter writer, Object value) throws IOException {
    moshi.nextAdapter(FACTORY, Object.class, java.util.Collections.emptySet()).toJson(writer, value);
  }

  @Override
  public String toString() {
    return "ExactNumbersJsonAdapter";
  }
}
