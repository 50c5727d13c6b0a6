package io.github.hfcontacts.openapi;

import com.squareup.moshi.Types;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the spec published by the openapi module and lists every named example with its schema's Java type. */
final class SpecExamples {
  static final String RESOURCE = "/io/github/hfcontacts/spec/happyfox-contacts.yaml";

  record NamedExample(String where, String schema, Type type, String json) {
    @Override
    public String toString() {
      return where;
    }
  }

  static OpenAPI spec() {
    try (InputStream in = SpecExamples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("spec resource missing: " + RESOURCE);
      }
      ParseOptions options = new ParseOptions();
      options.setResolve(false);
      return new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options)
          .getOpenAPI();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<NamedExample> all() {
    OpenAPI api = spec();
    List<NamedExample> out = new ArrayList<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      if (op.getRequestBody() != null) {
        collect(api, op.getOperationId() + " request", op.getRequestBody().getContent().get("application/json"), out);
      }
      op.getResponses().forEach((status, response) -> {
        String ref = response.get$ref();
        if (ref != null) {
          response = api.getComponents().getResponses().get(simpleName(ref));
        }
        if (response.getContent() != null) {
          collect(api, op.getOperationId() + " " + status, response.getContent().get("application/json"), out);
        }
      });
    }));
    return out;
  }

  private static void collect(OpenAPI api, String where, MediaType media, List<NamedExample> out) {
    if (media == null || media.getExamples() == null) {
      return;
    }
    String schemaName = simpleName(media.getSchema().get$ref());
    for (Map.Entry<String, Example> entry : media.getExamples().entrySet()) {
      Example example = entry.getValue();
      if (example.get$ref() != null) {
        example = api.getComponents().getExamples().get(simpleName(example.get$ref()));
      }
      try {
        String json = Json.mapper().writeValueAsString(example.getValue());
        out.add(new NamedExample(where + " / " + entry.getKey(), schemaName, javaType(api, schemaName), json));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A named object schema is its generated class; a named array schema is a List of its items' class. */
  static Type javaType(OpenAPI api, String schemaName) {
    Schema<?> schema = api.getComponents().getSchemas().get(schemaName);
    if ("array".equals(schema.getType())) {
      return Types.newParameterizedType(List.class, modelClass(simpleName(schema.getItems().get$ref())));
    }
    return modelClass(schemaName);
  }

  static Class<?> modelClass(String name) {
    try {
      return Class.forName("io.github.hfcontacts.openapi.model." + name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no generated class for schema " + name, e);
    }
  }

  static String simpleName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private SpecExamples() {
  }
}
