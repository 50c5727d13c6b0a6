package io.github.hfcontacts.polyglot;

import com.squareup.moshi.JsonAdapter;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plain JSON values (maps, lists, numbers, strings, booleans, null) read and written with the
 * project's Moshi, which reads an integral number as a {@code Long} and any other as a
 * {@code BigDecimal}, so that {@code 24} is written back as {@code 24}, not {@code 24.0}.
 */
final class JsonValues {
  private static final JsonAdapter<Object> ANY = HappyFoxMoshi.create().adapter(Object.class)
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
    return ANY.indent("  ").toJson(value);
  }

  static String compact(Object value) {
    return ANY.toJson(value);
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
