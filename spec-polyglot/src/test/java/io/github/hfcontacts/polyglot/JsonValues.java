package io.github.hfcontacts.polyglot;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JSON values (maps, lists, doubles, strings, booleans, null) read and written with Moshi. */
final class JsonValues {
  private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class)
      .serializeNulls();

  private JsonValues() {}

  static Object parse(String json) {
    try {
      return ANY.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
    }
  }

  static Object read(Path file) {
    try {
      return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static String write(Object value) {
    return ANY.indent("  ").toJson(integral(value));
  }

  static String compact(Object value) {
    return ANY.toJson(integral(value));
  }

  /**
   * The value with every whole double as a long: Moshi reads every JSON number as a double and
   * would write {@code 24} back as {@code 24.0}, which typed clients rightly refuse for an integer.
   */
  static Object integral(Object value) {
    if (value instanceof Double) {
      double d = (Double) value;
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : value;
    }
    if (value instanceof Map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> copy.put(k, integral(v)));
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      ((List<?>) value).forEach(v -> copy.add(integral(v)));
      return copy;
    }
    return value;
  }

  static void write(Path file, Object value) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, (write(value) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
