package io.github.hfcontacts.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.github.hfcontacts.contract.prism.PrismMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema components of the OpenAPI 3.0 document as JSON Schema (draft 7), validated with
 * networknt json-schema-validator. The conversion:
 * <ul>
 *   <li>{@code nullable: true} adds {@code "null"} to {@code type} (and {@code null} to an
 *       {@code enum}); a nullable schema without {@code type} becomes {@code anyOf: [it, null]};</li>
 *   <li>{@code $ref: '#/components/schemas/X'} becomes {@code $ref: '#/definitions/X'}, every
 *       component being copied under {@code definitions}; any other {@code $ref} is refused;</li>
 *   <li>{@code x-custom-field-key-pattern} (the key form of the dynamic {@code c-cf-<id>} keys,
 *       which OpenAPI 3.0.3 cannot express) becomes {@code propertyNames}: a key is a declared
 *       property or matches the pattern, so {@code c-cf-0} and misspelled keys are refused;</li>
 *   <li>the keywords JSON Schema does not have are dropped: {@code example}, the other {@code x-*}
 *       extensions, {@code nullable}, {@code discriminator}, {@code xml}, {@code externalDocs},
 *       {@code deprecated};</li>
 *   <li>everything else is copied: property names are never touched, and {@code enum} and
 *       {@code default} values are data.</li>
 * </ul>
 */
final class OpenApiJsonSchemas {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";
    private static final String KEY_PATTERN = "x-custom-field-key-pattern";
    private static final Set<String> DROPPED = Set.of("example", "nullable", "discriminator", "xml", "externalDocs",
            "deprecated");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private static volatile ObjectNode definitions;
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private OpenApiJsonSchemas() {
    }

    /** The validator of the component {@code name}. */
    static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> FACTORY.getSchema(jsonSchema(n)));
    }

    /** Validates {@code instance} against the component {@code name}: the violations, none when valid. */
    static Set<ValidationMessage> validate(String name, JsonNode instance) {
        return schema(name).validate(instance);
    }

    /** The draft-7 document for the component {@code name}: a {@code $ref} to it, with every component. */
    static ObjectNode jsonSchema(String name) {
        ObjectNode defs = definitions();
        if (!defs.has(name)) {
            throw new IllegalArgumentException("no schema component " + name + " in the document");
        }
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("$ref", "#/definitions/" + name);
        root.set("definitions", defs.deepCopy());
        return root;
    }

    /** Every schema component, converted. */
    static ObjectNode definitions() {
        ObjectNode defs = definitions;
        if (defs == null) {
            Path spec = PrismMock.projectSpec();
            JsonNode document;
            try {
                document = new ObjectMapper(new YAMLFactory()).readTree(spec.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + spec, e);
            }
            JsonNode components = document.path("components").path("schemas");
            if (!components.isObject() || components.isEmpty()) {
                throw new IllegalStateException("no components.schemas in " + spec);
            }
            defs = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = components.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> component = it.next();
                defs.set(component.getKey(), convert(component.getValue(), component.getKey()));
            }
            definitions = defs;
        }
        return defs;
    }

    /** Converts one OpenAPI 3.0 schema object (see the class comment). */
    static JsonNode convert(JsonNode schema, String where) {
        if (!schema.isObject()) {
            return schema; // boolean schemas (e.g. additionalProperties: false)
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("x-") || DROPPED.contains(key)) {
                continue;
            }
            switch (key) {
                case "$ref":
                    String ref = value.asText();
                    if (!ref.startsWith(COMPONENT_PREFIX)) {
                        throw new IllegalArgumentException(where + ": unsupported $ref " + ref);
                    }
                    out.put("$ref", "#/definitions/" + ref.substring(COMPONENT_PREFIX.length()));
                    break;
                case "properties":
                    ObjectNode properties = NODES.objectNode();
                    value.properties().forEach(p -> properties.set(p.getKey(),
                            convert(p.getValue(), where + "." + p.getKey())));
                    out.set(key, properties);
                    break;
                case "items":
                case "additionalProperties":
                case "not":
                    out.set(key, convert(value, where + "." + key));
                    break;
                case "allOf":
                case "anyOf":
                case "oneOf":
                    ArrayNode alternatives = NODES.arrayNode();
                    int i = 0;
                    for (JsonNode alternative : value) {
                        alternatives.add(convert(alternative, where + "." + key + "[" + i++ + "]"));
                    }
                    out.set(key, alternatives);
                    break;
                default:
                    out.set(key, value.deepCopy());
                    break;
            }
        }
        if (schema.hasNonNull(KEY_PATTERN)) {
            out.set("propertyNames", propertyNames(schema));
        }
        if (schema.path("nullable").asBoolean(false)) {
            return nullable(out);
        }
        return out;
    }

    /** Keys allowed by a schema with dynamic keys: its declared properties, or the documented pattern. */
    private static ObjectNode propertyNames(JsonNode schema) {
        ObjectNode names = NODES.objectNode();
        ArrayNode anyOf = names.putArray("anyOf");
        ArrayNode declared = anyOf.addObject().putArray("enum");
        schema.path("properties").fieldNames().forEachRemaining(declared::add);
        anyOf.addObject().put("pattern", schema.get(KEY_PATTERN).asText());
        return names;
    }

    private static JsonNode nullable(ObjectNode schema) {
        if (schema.has("type")) {
            JsonNode type = schema.get("type");
            ArrayNode types = NODES.arrayNode();
            if (type.isArray()) {
                types.addAll((ArrayNode) type);
            } else {
                types.add(type.asText());
            }
            types.add("null");
            schema.set("type", types);
            JsonNode values = schema.get("enum");
            if (values != null && !values.toString().contains("null")) {
                ((ArrayNode) values).addNull();
            }
            return schema;
        }
        ObjectNode wrapper = NODES.objectNode();
        ArrayNode anyOf = wrapper.putArray("anyOf");
        anyOf.add(schema);
        anyOf.addObject().put("type", "null");
        return wrapper;
    }
}
