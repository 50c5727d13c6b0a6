package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an enumeration the server may extend: a value this version does not know becomes the
 * constant {@code UNKNOWN} instead of failing the whole response. Writing {@code UNKNOWN} is an
 * error, since its wire value is not known.
 */
final class OpenEnumJsonAdapter<E extends Enum<E>> extends JsonAdapter<E> {
  static final JsonAdapter.Factory FACTORY = (type, annotations, moshi) -> {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!raw.isEnum() || !raw.isAnnotationPresent(OpenEnum.class)) {
      return null;
    }
    return create(raw.asSubclass(Enum.class)).nullSafe();
  };

  private final Class<E> type;
  private final Map<String, E> byWireName = new HashMap<>();
  private final Map<E, String> wireNames = new HashMap<>();
  private final E unknown;

  private OpenEnumJsonAdapter(Class<E> type) {
    this.type = type;
    E fallback = null;
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals("UNKNOWN")) {
        fallback = constant;
        continue;
      }
      String wire = wireName(type, constant);
      byWireName.put(wire, constant);
      wireNames.put(constant, wire);
    }
    if (fallback == null) {
      throw new IllegalArgumentException(type.getName() + " is @OpenEnum but has no UNKNOWN constant");
    }
    this.unknown = fallback;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JsonAdapter<?> create(Class<? extends Enum> type) {
    return new OpenEnumJsonAdapter(type);
  }

  private static <E extends Enum<E>> String wireName(Class<E> type, E constant) {
    try {
      Json json = type.getField(constant.name()).getAnnotation(Json.class);
      return json != null ? json.name() : constant.name();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public E fromJson(JsonReader reader) throws IOException {
    String wire = reader.nextString();
    E constant = byWireName.get(wire);
    return constant != null ? constant : unknown;
  }

  @Override
  public void toJson(JsonWriter writer, E value) throws IOException {
    if (value == unknown) {
      throw new JsonDataException("Cannot write " + type.getSimpleName()
          + ".UNKNOWN: its wire value is not known (at " + writer.getPath() + ")");
    }
    writer.value(wireNames.get(value));
  }

  @Override
  public String toString() {
    return "OpenEnumJsonAdapter(" + type.getSimpleName() + ")";
  }
}
