package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/**
 * Reads a {@code long} like Moshi's own adapter, except that a quoted number ({@code "33"}, which
 * Moshi also accepts for a long) is converted by {@link NumberLimits}: Moshi falls back to
 * {@code new BigDecimal(text)} for any text that is not a plain long, which is quadratic in its
 * length. Unquoted literals are read by Moshi directly (the client bounds their length before
 * parsing, see {@link HappyFoxMoshi#MAX_NUMBER_CHARS}).
 */
final class BoundedLongJsonAdapter extends JsonAdapter<Long> {
  static final BoundedLongJsonAdapter INSTANCE = new BoundedLongJsonAdapter();

  private BoundedLongJsonAdapter() {}

  @Override
  public Long fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.STRING) {
      return NumberLimits.parseLong(reader.nextString(), reader);
    }
    return reader.nextLong();
  }

  @Override
  public void toJson(JsonWriter writer, Long value) throws IOException {
    writer.value(value.longValue());
  }

  @Override
  public String toString() {
    return "JsonAdapter(Long)";
  }
}
