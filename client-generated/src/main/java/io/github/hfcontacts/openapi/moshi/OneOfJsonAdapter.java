package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes a generated sum type ({@code oneOf}): the JSON token that starts the value
 * (object, array, string, number, boolean) picks the alternative, so every alternative of one
 * sum type must start with a different token. A sum type that breaks that rule is refused when
 * its adapter is created, not when a value is read.
 */
final class OneOfJsonAdapter<T> extends JsonAdapter<T> {
  static final JsonAdapter.Factory FACTORY = (type, annotations, moshi) -> {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!raw.isAnnotationPresent(OpenApiOneOf.class)) {
      return null;
    }
    return create(raw, moshi).nullSafe();
  };

  private static final class Alternative {
    final int index;
    final Method factory;
    final Type type;
    final JsonAdapter<Object> adapter;

    Alternative(int index, Method factory, Type type, JsonAdapter<Object> adapter) {
      this.index = index;
      this.factory = factory;
      this.type = type;
      this.adapter = adapter;
    }
  }

  private final Class<T> raw;
  private final Map<JsonReader.Token, Alternative> byToken;
  private final List<Alternative> alternatives;
  private final Field variant;
  private final Field value;

  private OneOfJsonAdapter(Class<T> raw, Map<JsonReader.Token, Alternative> byToken,
      List<Alternative> alternatives, Field variant, Field value) {
    this.raw = raw;
    this.byToken = byToken;
    this.alternatives = alternatives;
    this.variant = variant;
    this.value = value;
  }

  private static <T> OneOfJsonAdapter<T> create(Class<T> raw, Moshi moshi) {
    Map<JsonReader.Token, Alternative> byToken = new EnumMap<>(JsonReader.Token.class);
    List<Alternative> alternatives = new ArrayList<>();
    for (Method method : raw.getDeclaredMethods()) {
      OneOfAlternative annotation = method.getAnnotation(OneOfAlternative.class);
      if (annotation == null) {
        continue;
      }
      if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1) {
        throw new IllegalArgumentException(method + " must be a static factory of one argument");
      }
      Type type = method.getGenericParameterTypes()[0];
      Alternative alternative = new Alternative(annotation.value(), method, type, moshi.adapter(type));
      JsonReader.Token token = startToken(type);
      Alternative clash = byToken.put(token, alternative);
      if (clash != null) {
        throw new IllegalArgumentException(raw.getName() + ": alternatives " + clash.type.getTypeName()
            + " and " + type.getTypeName() + " both start with " + token + "; a discriminator is needed");
      }
      alternatives.add(alternative);
    }
    if (alternatives.isEmpty()) {
      throw new IllegalArgumentException(raw.getName() + " declares no @OneOfAlternative factory");
    }
    try {
      Field variant = raw.getDeclaredField("variant");
      Field value = raw.getDeclaredField("value");
      variant.setAccessible(true);
      value.setAccessible(true);
      return new OneOfJsonAdapter<>(raw, byToken, alternatives, variant, value);
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(raw.getName() + " lacks the variant/value fields of a sum type", e);
    }
  }

  private static JsonReader.Token startToken(Type type) {
    Class<?> raw = Types.getRawType(type);
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      return JsonReader.Token.BEGIN_ARRAY;
    }
    if (raw == String.class) {
      return JsonReader.Token.STRING;
    }
    if (Number.class.isAssignableFrom(raw)) {
      return JsonReader.Token.NUMBER;
    }
    if (raw == Boolean.class) {
      return JsonReader.Token.BOOLEAN;
    }
    return JsonReader.Token.BEGIN_OBJECT;
  }

  @Override
  public T fromJson(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    Alternative alternative = byToken.get(token);
    if (alternative == null) {
      throw new JsonDataException("Expected one of " + byToken.keySet() + " for " + raw.getSimpleName()
          + " but was " + token + " at path " + reader.getPath());
    }
    Object read = alternative.adapter.fromJson(reader);
    try {
      return raw.cast(alternative.factory.invoke(null, read));
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot create " + raw.getName(), e);
    }
  }

  @Override
  public void toJson(JsonWriter writer, T sum) throws IOException {
    int index;
    Object held;
    try {
      index = variant.getInt(sum);
      held = value.get(sum);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    for (Alternative alternative : alternatives) {
      if (alternative.index == index) {
        alternative.adapter.toJson(writer, held);
        return;
      }
    }
    throw new JsonDataException(raw.getSimpleName() + " holds an unknown alternative " + index);
  }

  @Override
  public String toString() {
    return "OneOfJsonAdapter(" + raw.getSimpleName() + ")";
  }
}
