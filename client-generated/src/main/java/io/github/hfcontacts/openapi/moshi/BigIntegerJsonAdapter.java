package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigInteger;

/** Reads and writes {@link BigInteger} as a JSON number, which Moshi has no adapter for. */
final class BigIntegerJsonAdapter extends JsonAdapter<BigInteger> {
  @Override
  public BigInteger fromJson(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    return new BigInteger(reader.nextString());
  }

  @Override
  public void toJson(JsonWriter writer, BigInteger value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else {
      writer.value(value);
    }
  }

  @Override
  public String toString() {
    return "JsonAdapter(BigInteger)";
  }
}
