package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the classes generated from the spec's object schemas.
 *
 * <p>Why not Moshi's reflective adapter: it cannot keep the keys a schema does not declare
 * (the {@code c-cf-<id>} custom fields), it cannot tell "left unset" from "set to null", and it
 * accepts an object that lacks a required property. This adapter ignores unknown keys (or keeps
 * them where the schema has {@code additionalProperties}), never writes an unset property, writes
 * {@code null} only for a nullable property that was set or read as null, and refuses an object
 * without a property its schema marks required ({@link JsonRequired}).
 *
 * <p>Cost: each property has a bit in one {@code long} per object ({@link ExplicitNulls}), and the
 * map of additional properties is created only when there is one, so reading an object allocates
 * the object and its values, nothing more.
 */
final class ModelJsonAdapter<T> extends JsonAdapter<T> {
  static final JsonAdapter.Factory FACTORY = (type, annotations, moshi) -> {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!raw.isAnnotationPresent(OpenApiModel.class)) {
      return null;
    }
    return create(raw, moshi).nullSafe();
  };

  private static final class Property {
    final String name;
    final Field field;
    final JsonAdapter<Object> adapter;
    /** Whether a null read is kept as an explicit null (nullable and "any value" properties). */
    final boolean nullTracked;
    final long bit;

    Property(String name, Field field, JsonAdapter<Object> adapter, boolean nullTracked, long bit) {
      this.name = name;
      this.field = field;
      this.adapter = adapter;
      this.nullTracked = nullTracked;
      this.bit = bit;
    }
  }

  private static final Object[] NO_ARGUMENTS = {};

  private final Constructor<T> constructor;
  private final Property[] properties;
  private final JsonReader.Options options;
  private final Set<String> declaredNames;
  private final long requiredBits;
  private final Field additionalProperties;
  private final Field explicitNulls;
  private final JsonAdapter<Object> anyValue;

  private ModelJsonAdapter(Constructor<T> constructor, List<Property> properties, long requiredBits,
      Field additionalProperties, Field explicitNulls, JsonAdapter<Object> anyValue) {
    this.constructor = constructor;
    this.properties = properties.toArray(new Property[0]);
    String[] names = new String[this.properties.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = this.properties[i].name;
    }
    this.options = JsonReader.Options.of(names);
    this.declaredNames = new HashSet<>(Arrays.asList(names));
    this.requiredBits = requiredBits;
    this.additionalProperties = additionalProperties;
    this.explicitNulls = explicitNulls;
    this.anyValue = anyValue;
  }

  private static <T> ModelJsonAdapter<T> create(Class<T> raw, Moshi moshi) {
    Constructor<T> constructor;
    try {
      constructor = raw.getDeclaredConstructor();
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(raw.getName() + " has no no-argument constructor", e);
    }
    Field additional = null;
    Field nulls = null;
    for (Field field : raw.getDeclaredFields()) {
      if (field.isAnnotationPresent(AdditionalProperties.class)) {
        field.setAccessible(true);
        additional = field;
      } else if (field.isAnnotationPresent(ExplicitNulls.class)) {
        field.setAccessible(true);
        nulls = field;
      }
    }
    if (nulls == null || nulls.getType() != long.class) {
      throw new IllegalArgumentException(raw.getName() + " has no @ExplicitNulls long field");
    }
    List<String> bitNames = Arrays.asList(nulls.getAnnotation(ExplicitNulls.class).value());
    if (bitNames.size() > Long.SIZE) {
      throw new IllegalArgumentException(raw.getName() + " has " + bitNames.size()
          + " properties; at most " + Long.SIZE + " are supported");
    }
    List<Property> properties = new ArrayList<>();
    long required = 0;
    for (Field field : raw.getDeclaredFields()) {
      Json json = field.getAnnotation(Json.class);
      if (Modifier.isStatic(field.getModifiers()) || json == null || json.ignore()) {
        continue;
      }
      int index = bitNames.indexOf(json.name());
      if (index < 0) {
        throw new IllegalArgumentException(raw.getName() + "." + field.getName()
            + " is missing from @ExplicitNulls");
      }
      long bit = 1L << index;
      field.setAccessible(true);
      Type fieldType = field.getGenericType();
      JsonAdapter<Object> adapter = moshi.adapter(fieldType);
      // An "any value" property (java.lang.Object) admits null like any other value.
      boolean nullTracked = field.isAnnotationPresent(JsonNullable.class) || fieldType == Object.class;
      properties.add(new Property(json.name(), field, adapter, nullTracked, bit));
      if (field.isAnnotationPresent(JsonRequired.class)) {
        required |= bit;
      }
    }
    return new ModelJsonAdapter<>(
        constructor, properties, required, additional, nulls, moshi.adapter(Object.class));
  }

  @Override
  public T fromJson(JsonReader reader) throws IOException {
    T instance = newInstance();
    long nulls = 0;
    long present = 0;
    Map<String, Object> extra = null;
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(options);
      if (index == -1) {
        if (additionalProperties == null) {
          reader.skipName();
          reader.skipValue();
          continue;
        }
        String name = reader.nextName();
        if (extra == null) {
          extra = new LinkedHashMap<>();
        }
        extra.put(name, anyValue.fromJson(reader));
        continue;
      }
      Property property = properties[index];
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        set(property.field, instance, null);
        if (property.nullTracked) {
          nulls |= property.bit;
          present |= property.bit;
        } else {
          present &= ~property.bit;
        }
        continue;
      }
      set(property.field, instance, property.adapter.fromJson(reader));
      nulls &= ~property.bit;
      present |= property.bit;
    }
    if ((present & requiredBits) != requiredBits) {
      throw missingRequired(present, reader);
    }
    reader.endObject();
    if (nulls != 0) {
      setBits(instance, nulls);
    }
    if (extra != null) {
      set(additionalProperties, instance, extra);
    }
    return instance;
  }

  private JsonDataException missingRequired(long present, JsonReader reader) {
    // The reader's path ends with the last name read in this object; the object's own path is
    // what precedes it.
    String path = reader.getPath();
    int dot = path.lastIndexOf('.');
    String objectPath = dot > path.lastIndexOf(']') ? path.substring(0, dot) : path;
    for (Property property : properties) {
      if ((requiredBits & property.bit) != 0 && (present & property.bit) == 0) {
        return new JsonDataException("Required property '" + property.name + "' of "
            + constructor.getDeclaringClass().getSimpleName() + " is missing or null at path "
            + objectPath);
      }
    }
    throw new AssertionError();
  }

  @Override
  public void toJson(JsonWriter writer, T value) throws IOException {
    long nulls = bits(value);
    writer.beginObject();
    for (Property property : properties) {
      Object propertyValue = get(property.field, value);
      if (propertyValue != null) {
        writer.name(property.name);
        property.adapter.toJson(writer, propertyValue);
      } else if ((nulls & property.bit) != 0) {
        writeNull(writer, property.name);
      }
    }
    Map<?, ?> extra = additionalProperties == null ? null : (Map<?, ?>) get(additionalProperties, value);
    if (extra != null) {
      for (Map.Entry<?, ?> entry : extra.entrySet()) {
        String name = (String) entry.getKey();
        if (declaredNames.contains(name)) {
          throw new JsonDataException("Additional property '" + name + "' of "
              + value.getClass().getSimpleName() + " collides with a declared property");
        }
        if (entry.getValue() == null) {
          writeNull(writer, name);
        } else {
          writer.name(name);
          anyValue.toJson(writer, entry.getValue());
        }
      }
    }
    writer.endObject();
  }

  private static void writeNull(JsonWriter writer, String name) throws IOException {
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    try {
      writer.name(name).nullValue();
    } finally {
      writer.setSerializeNulls(serializeNulls);
    }
  }

  private T newInstance() {
    try {
      return constructor.newInstance(NO_ARGUMENTS);
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot create " + constructor.getDeclaringClass().getName(), e);
    }
  }

  private long bits(Object instance) {
    try {
      return explicitNulls.getLong(instance);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private void setBits(Object instance, long bits) {
    try {
      explicitNulls.setLong(instance, bits);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object get(Field field, Object instance) {
    try {
      return field.get(instance);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(Field field, Object instance, Object value) {
    try {
      field.set(instance, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "ModelJsonAdapter(" + constructor.getDeclaringClass().getSimpleName() + ")";
  }
}
