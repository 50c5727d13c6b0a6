package io.github.hfcontacts.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hfcontacts.contract.prism.PrismMock;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The project's OpenAPI document as read by swagger-parser: the same file Prism serves
 * ({@link PrismMock#projectSpec()}), so the tests enumerate exactly what Prism mocks.
 */
final class ContractSpec {

    /** One operation of the document. */
    record Operation(String operationId, String method, String path, io.swagger.v3.oas.models.Operation model) {
        @Override
        public String toString() {
            return operationId + " (" + method + " " + path + ")";
        }
    }

    /**
     * A named example of a response: {@code Prefer: code=<status>, example=<name>} selects it.
     *
     * @param schema the name of the response's schema component (e.g. {@code ContactPage})
     * @param value  the example's value as the document gives it
     */
    record ResponseExample(String operationId, int status, String name, String schema, JsonNode value) {
        @Override
        public String toString() {
            return operationId + " " + status + " example=" + name;
        }
    }

    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    private static volatile OpenAPI openApi;

    private ContractSpec() {
    }

    /** The parsed document (references kept, not inlined). Fails on any parser message. */
    static OpenAPI openApi() {
        OpenAPI api = openApi;
        if (api == null) {
            Path spec = PrismMock.projectSpec();
            ParseOptions options = new ParseOptions();
            options.setResolve(false);
            String text;
            try {
                text = Files.readString(spec, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + spec, e);
            }
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
            if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
                throw new IllegalStateException("swagger-parser did not read " + spec.getFileName() + " cleanly: "
                        + result.getMessages());
            }
            api = result.getOpenAPI();
            openApi = api;
        }
        return api;
    }

    /** Every operation, in document order. */
    static List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        openApi().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                out.add(new Operation(op.getOperationId(), method.name(), path, op))));
        return Collections.unmodifiableList(out);
    }

    /** The operationIds, sorted. */
    static TreeSet<String> operationIds() {
        return operations().stream().map(Operation::operationId).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every named example of every response of every operation, in document order. */
    static List<ResponseExample> responseExamples() {
        OpenAPI api = openApi();
        List<ResponseExample> out = new ArrayList<>();
        for (Operation op : operations()) {
            op.model().getResponses().forEach((status, response) -> {
                ApiResponse resolved = resolveResponse(api, response);
                if (resolved.getContent() == null) {
                    return;
                }
                MediaType media = resolved.getContent().get("application/json");
                if (media == null || media.getExamples() == null) {
                    return;
                }
                String schema = schemaName(media.getSchema());
                media.getExamples().forEach((name, example) -> {
                    Example value = resolveExample(api, example);
                    out.add(new ResponseExample(op.operationId(), Integer.parseInt(status), name, schema,
                            Json.mapper().valueToTree(value.getValue())));
                });
            });
        }
        return Collections.unmodifiableList(out);
    }

    /** The 2xx status codes an operation declares (as numbers). */
    static List<Integer> successStatuses(Operation op) {
        return op.model().getResponses().keySet().stream().filter(s -> s.startsWith("2")).map(Integer::parseInt)
                .collect(Collectors.toList());
    }

    /** The schema component a 2xx response of {@code op} refers to. */
    static String successSchema(Operation op) {
        OpenAPI api = openApi();
        for (Map.Entry<String, ApiResponse> e : op.model().getResponses().entrySet()) {
            if (e.getKey().startsWith("2")) {
                MediaType media = resolveResponse(api, e.getValue()).getContent().get("application/json");
                return schemaName(media.getSchema());
            }
        }
        throw new IllegalStateException(op + " declares no 2xx response");
    }

    /**
     * When the component {@code name} is an array of a component, that component's name; empty for
     * any other schema.
     */
    static Optional<String> arrayItemComponent(String name) {
        Schema<?> schema = openApi().getComponents().getSchemas().get(name);
        if (schema == null) {
            throw new IllegalArgumentException("no schema component " + name);
        }
        boolean array = "array".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("array"));
        if (array && schema.getItems() != null && schema.getItems().get$ref() != null) {
            return Optional.of(schemaName(schema.getItems()));
        }
        return Optional.empty();
    }

    private static String schemaName(Schema<?> schema) {
        String ref = schema == null ? null : schema.get$ref();
        if (ref == null || !ref.startsWith(SCHEMA_PREFIX)) {
            throw new IllegalStateException("expected a $ref to a schema component, got " + schema);
        }
        return ref.substring(SCHEMA_PREFIX.length());
    }

    private static ApiResponse resolveResponse(OpenAPI api, ApiResponse response) {
        String ref = response.get$ref();
        return ref == null ? response : api.getComponents().getResponses().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static Example resolveExample(OpenAPI api, Example example) {
        String ref = example.get$ref();
        return ref == null ? example : api.getComponents().getExamples().get(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
