package io.github.hfcontacts.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * Maps a schema component of the document to the Java type the generator made of it, and checks
 * parsed values against it: a component {@code X} is the class {@code ...openapi.model.X}; an
 * array component of items {@code Y} is {@code List<Y>}.
 */
final class ModelTypes {

    static final String MODEL_PACKAGE = "io.github.hfcontacts.openapi.model.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelTypes() {
    }

    /** The generated class of a component. */
    static Class<?> modelClass(String component) {
        try {
            return Class.forName(MODEL_PACKAGE + component);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the generator made no class for schema component " + component, e);
        }
    }

    /** The Java type the generated client uses for a component (for Moshi). */
    static Type javaType(String component) {
        Optional<String> item = ContractSpec.arrayItemComponent(component);
        return item.isPresent() ? Types.newParameterizedType(List.class, modelClass(item.get())) : modelClass(component);
    }

    /** Fails unless {@code value} is of the type the generated client uses for {@code component}. */
    static void assertOfType(Object value, String component) {
        if (value == null) {
            throw new AssertionError("nothing parsed for " + component);
        }
        Optional<String> item = ContractSpec.arrayItemComponent(component);
        if (item.isPresent()) {
            Class<?> itemClass = modelClass(item.get());
            if (!(value instanceof List)) {
                throw new AssertionError(component + " should parse to a List<" + itemClass.getSimpleName() + ">, got "
                        + value.getClass().getName());
            }
            for (Object element : (List<?>) value) {
                if (element != null && !itemClass.isInstance(element)) {
                    throw new AssertionError(component + " element should be a " + itemClass.getSimpleName() + ", got "
                            + element.getClass().getName());
                }
            }
        } else if (!modelClass(component).isInstance(value)) {
            throw new AssertionError(component + " should parse to a " + modelClass(component).getName() + ", got "
                    + value.getClass().getName());
        }
    }

    /** {@code value} written back to JSON by the generated client's Moshi, as a tree. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static JsonNode writtenBack(Object value, String component) {
        String json = ((com.squareup.moshi.JsonAdapter) GeneratedApi.MOSHI.adapter(javaType(component))).toJson(value);
        return tree(json);
    }

    /** Parses JSON text with Jackson. */
    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
