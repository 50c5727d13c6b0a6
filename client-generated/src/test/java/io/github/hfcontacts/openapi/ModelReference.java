package io.github.hfcontacts.openapi;

import com.squareup.moshi.Json;
import io.github.hfcontacts.openapi.moshi.JsonNullable;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Renders the Markdown reference of the generated model types from the spec (names, descriptions,
 * required and nullable properties, enum values, the known values of open strings) and from the
 * generated classes (the Java getter and type of each property, whether {@code null} is kept), so
 * that the reference says exactly what users receive.
 */
@SuppressWarnings("rawtypes") // swagger-models types its schema maps with the raw Schema
final class ModelReference {
  static final String MODEL_PACKAGE = "io.github.hfcontacts.openapi.model";

  private ModelReference() {}

  static String render(OpenAPI spec) {
    Map<String, Schema> schemas = spec.getComponents().getSchemas();
    StringBuilder out = new StringBuilder();
    out.append("# Model reference\n\n")
        .append("<!-- Generated from openapi/happyfox-contacts.yaml and the generated classes by\n")
        .append("     client-generated's ModelReferenceTest; do not edit. To update it: ./mvnw -pl\n")
        .append("     openapi,client-generated install -Dtest=ModelReferenceTest\n")
        .append("     -Dsurefire.failIfNoSpecifiedTests=false -Dmodel-reference.update=true -->\n\n")
        .append("The Java types of package `").append(MODEL_PACKAGE).append("` (artifact\n")
        .append("`happyfox-contacts-client-generated`), one per schema of the contract. `HappyFoxClient`\n")
        .append("returns `Contact` (contacts), `ContactGroup` and `ContactGroupDetail` (groups); the\n")
        .append("generated Retrofit interfaces return the others. Each property is read with its getter\n")
        .append("and set with its setter or fluent method of the same name; a property HappyFox did not\n")
        .append("send reads as `null`. Spec version ").append(spec.getInfo().getVersion()).append(".\n\n");

    List<String> generated = new ArrayList<>();
    for (String name : schemas.keySet()) {
      if (modelClass(name) != null) {
        generated.add(name);
      }
    }
    for (String name : generated) {
      out.append("- [`").append(name).append("`](#").append(name.toLowerCase()).append(")\n");
    }
    for (String name : generated) {
      out.append('\n');
      section(out, spec, name, schemas.get(name), modelClass(name));
    }
    return out.toString();
  }

  private static void section(
      StringBuilder out, OpenAPI spec, String name, Schema<?> schema, Class<?> type) {
    out.append("## ").append(name).append("\n\n");
    String description = firstParagraph(schema.getDescription());
    if (!description.isEmpty()) {
      out.append(description).append("\n\n");
    }
    if (type.isEnum()) {
      out.append("Enum `").append(type.getSimpleName()).append("`; `getValue()` is the wire value.\n\n");
      out.append("| wire value | constant |\n|---|---|\n");
      for (Object constant : type.getEnumConstants()) {
        out.append("| `").append(wireValue(type, (Enum<?>) constant))
            .append("` | `").append(((Enum<?>) constant).name()).append("` |\n");
      }
      return;
    }
    if (hasMethod(type, "getActualInstance")) {
      out.append("One of the following; test with `is...()`, read with `get...()`, create with\n")
          .append("`of...(value)`:\n\n");
      for (Method method : sorted(type.getMethods())) {
        if (method.getName().startsWith("is") && method.getParameterCount() == 0
            && method.getReturnType() == boolean.class) {
          String alternative = method.getName().substring(2);
          Method getter = method(type, "get" + alternative);
          out.append("- `").append(method.getName()).append("()` / `get").append(alternative)
              .append("()`: `").append(simple(getter.getGenericReturnType().getTypeName()))
              .append("`\n");
        }
      }
      return;
    }
    Map<String, Schema> properties = schema.getProperties();
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    if (properties != null && !properties.isEmpty()) {
      out.append("| JSON property | getter | Java type | required | nullable | description |\n")
          .append("|---|---|---|---|---|---|\n");
      for (Map.Entry<String, Schema> property : properties.entrySet()) {
        Field field = fieldFor(type, property.getKey());
        String getter = field == null ? null : "get" + Character.toUpperCase(field.getName().charAt(0))
            + field.getName().substring(1);
        Method method = getter == null ? null : method(type, getter);
        Schema<?> resolved = resolve(spec, property.getValue());
        String text = property.getValue().getDescription() != null
            ? property.getValue().getDescription() : resolved.getDescription();
        text = firstParagraph(text);
        text += knownValues(resolved, text);
        out.append("| `").append(property.getKey()).append("` | ")
            .append(method == null ? "—" : "`" + getter + "()`").append(" | ")
            .append(method == null ? "—" : "`" + simple(method.getGenericReturnType().getTypeName()) + "`")
            .append(" | ").append(required.contains(property.getKey()) ? "yes" : "no")
            .append(" | ").append(Boolean.TRUE.equals(property.getValue().getNullable())
                || Boolean.TRUE.equals(resolved.getNullable())
                || field != null && field.isAnnotationPresent(JsonNullable.class) ? "yes" : "no")
            .append(" | ").append(text.replace("|", "\\|")).append(" |\n");
      }
    }
    if (hasMethod(type, "getAdditionalProperties")) {
      if (schema.getExtensions() != null
          && schema.getExtensions().containsKey("x-custom-field-key-pattern")) {
        out.append("\nOther keys (the custom fields `c-cf-<id>`): `getAdditionalProperties()`,\n")
            .append("`putAdditionalProperty(key, value)`.\n");
      } else {
        out.append("\nOpen to new fields: keys the contract does not declare are kept in\n")
            .append("`getAdditionalProperties()`.\n");
      }
    }
  }

  /**
   * For an open string ({@code x-extensible-enum}): its known values, unless {@code described}
   * already names each of them, and that any other string may come; else "".
   */
  private static String knownValues(Schema<?> schema, String described) {
    Object known = schema.getExtensions() == null ? null
        : schema.getExtensions().get("x-extensible-enum");
    if (!(known instanceof List)) {
      return "";
    }
    boolean named = ((List<?>) known).stream().allMatch(v -> described.contains("`" + v + "`"));
    if (named) {
      return " Any other string may come (an open value).";
    }
    StringJoiner values = new StringJoiner(", ", " Known values: ",
        "; any other string may come (an open value).");
    for (Object value : (List<?>) known) {
      values.add("`" + value + "`");
    }
    return values.toString();
  }

  /** The generated class of a schema, or null when the schema is not generated as a class. */
  static Class<?> modelClass(String schema) {
    try {
      return Class.forName(MODEL_PACKAGE + "." + schema);
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static Schema<?> resolve(OpenAPI spec, Schema<?> schema) {
    String ref = schema.get$ref();
    if (ref == null) {
      return schema;
    }
    Schema<?> target = spec.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
    return target == null ? schema : target;
  }

  private static Field fieldFor(Class<?> type, String jsonName) {
    for (Field field : type.getDeclaredFields()) {
      Json json = field.getAnnotation(Json.class);
      if (json != null && json.name().equals(jsonName)) {
        return field;
      }
    }
    return null;
  }

  private static String wireValue(Class<?> type, Enum<?> constant) {
    try {
      Object value = type.getMethod("getValue").invoke(constant);
      return value.toString();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " has no getValue()", e);
    }
  }

  private static boolean hasMethod(Class<?> type, String name) {
    return method(type, name) != null;
  }

  private static Method method(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static List<Method> sorted(Method[] methods) {
    List<Method> list = new ArrayList<>(Arrays.asList(methods));
    list.sort((a, b) -> a.getName().compareTo(b.getName()));
    return list;
  }

  /** {@code java.util.List<io.github...Phone>} becomes {@code List<Phone>}. */
  static String simple(String typeName) {
    return typeName.replaceAll("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.(?=[A-Z])", "");
  }

  /** The first paragraph of a Markdown description, on one line. */
  static String firstParagraph(String description) {
    if (description == null) {
      return "";
    }
    String first = description.strip().split("\\n\\s*\\n", 2)[0];
    return String.join(" ", first.strip().split("\\s*\\n\\s*"));
  }
}
