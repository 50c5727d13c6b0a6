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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the classes generated from the spec's object schemas.
 *
 * <p>Why not Moshi's reflective adapter: it cannot keep the keys a schema does not declare
 * (the {@code c-cf-<id>} custom fields), and it cannot tell "left unset" from "set to null".
 * This adapter ignores unknown keys (or keeps them where the schema has
 * {@code additionalProperties}), never writes an unset property, and writes {@code null} only
 * for a nullable property that was set or read as null.
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
    final boolean nullTracked;

    Property(String name, Field field, JsonAdapter<Object> adapter, boolean nullTracked) {
      this.name = name;
      this.field = field;
      this.adapter = adapter;
      this.nullTracked = nullTracked;
    }
  }

  private final Constructor<T> constructor;
  private final Property[] properties;
  private final JsonReader.Options options;
  private final Field additionalProperties;
  private final Field explicitNulls;
  private final JsonAdapter<Object> anyValue;

  private ModelJsonAdapter(Constructor<T> constructor, List<Property> properties,
      Field additionalProperties, Field explicitNulls, JsonAdapter<Object> anyValue) {
    this.constructor = constructor;
    this.properties = properties.toArray(new Property[0]);
    String[] names = new String[this.properties.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = this.properties[i].name;
    }
    this.options = JsonReader.Options.of(names);
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
    List<Property> properties = new ArrayList<>();
    Field additional = null;
    Field nulls = null;
    for (Field field : raw.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      if (field.isAnnotationPresent(AdditionalProperties.class)) {
        field.setAccessible(true);
        additional = field;
        continue;
      }
      if (field.isAnnotationPresent(ExplicitNulls.class)) {
        field.setAccessible(true);
        nulls = field;
        continue;
      }
      Json json = field.getAnnotation(Json.class);
      if (json == null || json.ignore()) {
        continue;
      }
      field.setAccessible(true);
      Type fieldType = field.getGenericType();
      JsonAdapter<Object> adapter = moshi.adapter(fieldType);
      // An "any value" property (java.lang.Object) admits null like any other value.
      boolean nullTracked = field.isAnnotationPresent(JsonNullable.class) || fieldType == Object.class;
      properties.add(new Property(json.name(), field, adapter, nullTracked));
    }
    if (nulls == null) {
      throw new IllegalArgumentException(raw.getName() + " has no @ExplicitNulls field");
    }
    return new ModelJsonAdapter<>(constructor, properties, additional, nulls, moshi.adapter(Object.class));
  }

  @Override
  public T fromJson(JsonReader reader) throws IOException {
    T instance = newInstance();
    Set<String> nulls = explicitNulls(instance);
    Map<String, Object> extra = additionalProperties(instance);
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(options);
      if (index == -1) {
        String name = reader.nextName();
        if (extra != null) {
          extra.put(name, anyValue.fromJson(reader));
        } else {
          reader.skipValue();
        }
        continue;
      }
      Property property = properties[index];
      if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        set(property, instance, null);
        if (property.nullTracked) {
          nulls.add(property.name);
        }
        continue;
      }
      set(property, instance, property.adapter.fromJson(reader));
      nulls.remove(property.name);
    }
    reader.endObject();
    return instance;
  }

  @Override
  public void toJson(JsonWriter writer, T value) throws IOException {
    Set<String> nulls = explicitNulls(value);
    writer.beginObject();
    for (Property property : properties) {
      Object propertyValue = get(property, value);
      if (propertyValue != null) {
        writer.name(property.name);
        property.adapter.toJson(writer, propertyValue);
      } else if (nulls.contains(property.name)) {
        writeNull(writer, property.name);
      }
    }
    Map<String, Object> extra = additionalProperties(value);
    if (extra != null) {
      for (Map.Entry<String, Object> entry : extra.entrySet()) {
        String name = entry.getKey();
        if (options.strings().contains(name)) {
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
      return constructor.newInstance();
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot create " + constructor.getDeclaringClass().getName(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private Set<String> explicitNulls(Object instance) {
    try {
      return (Set<String>) explicitNulls.get(instance);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> additionalProperties(Object instance) {
    if (additionalProperties == null) {
      return null;
    }
    try {
      return (Map<String, Object>) additionalProperties.get(instance);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object get(Property property, Object instance) {
    try {
      return property.field.get(instance);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void set(Property property, Object instance, Object value) {
    try {
      property.field.set(instance, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "ModelJsonAdapter(" + constructor.getDeclaringClass().getSimpleName() + ")";
  }

}
