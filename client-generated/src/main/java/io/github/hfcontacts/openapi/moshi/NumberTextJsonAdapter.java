package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.function.Function;

/**
 * Reads and writes an arbitrary-precision number ({@code BigDecimal}, {@code BigInteger}) from
 * the JSON number's own text, which Moshi has no adapter for and would otherwise round through
 * {@code double}. The text is bounded by {@link HappyFoxMoshi#MAX_NUMBER_CHARS} before it is
 * converted.
 */
final class NumberTextJsonAdapter<N extends Number> extends JsonAdapter<N> {
  private final String name;
  private final Function<String, N> parse;

  NumberTextJsonAdapter(String name, Function<String, N> parse) {
    this.name = name;
    this.parse = parse;
  }

  @Override
  public N fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    return parse.apply(NumberLimits.check(reader.nextString(), reader));
  }

  @Override
  public void toJson(JsonWriter writer, N value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else {
      writer.value(value);
    }
  }

  @Override
  public String toString() {
    return "JsonAdapter(" + name + ")";
  }
}
