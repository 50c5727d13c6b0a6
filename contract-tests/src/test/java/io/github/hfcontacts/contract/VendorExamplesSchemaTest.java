package io.github.hfcontacts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.examples.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Item 6 of the contract: every JSON example of the vendor document (HappyFox's article
 * "Contacts and Contact Groups API endpoints", 2025-11-04), kept as a fixture under
 * {@code src/test/resources/vendor-examples/}, is valid against the schema component that
 * {@code vendor-examples/index.json} assigns to it, the OpenAPI 3.0 schemas being converted to
 * JSON Schema by {@link OpenApiJsonSchemas} and checked with networknt json-schema-validator.
 * Negative cases prove that the converted schemas and the validator can fail, and positive ones
 * that {@code nullable} survived the conversion.
 */
class VendorExamplesSchemaTest {

    /**
     * The vendor document has 25 code blocks: 2 hold URLs (sections 1 and 2) and 23 hold JSON. Two
     * examples are split across two blocks (sections 1 and 13), and section 14 gives a template and
     * a truncated example for one payload: 23 JSON blocks make 20 fixtures.
     */
    static final int JSON_BLOCKS = 23;
    static final int FIXTURES = 20;

    private static final String DIR = "/vendor-examples/";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Fixture(String file, int section, List<Integer> jsonBlocks, String schema, String specExample, String repair,
            JsonNode specExampleRepairs) {
        @Override
        public String toString() {
            return file + " as " + schema;
        }
    }

    static JsonNode index() {
        return read("index.json");
    }

    static List<Fixture> fixtures() {
        List<Fixture> out = new ArrayList<>();
        for (JsonNode f : index().path("fixtures")) {
            List<Integer> blocks = new ArrayList<>();
            f.path("jsonBlocks").forEach(b -> blocks.add(b.asInt()));
            out.add(new Fixture(f.path("file").asText(), f.path("section").asInt(), blocks, f.path("schema").asText(),
                    f.hasNonNull("specExample") ? f.get("specExample").asText() : null,
                    f.hasNonNull("repair") ? f.get("repair").asText() : null, f.path("specExampleRepairs")));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyVendorExampleIsValidAgainstItsSchema() {
        List<Fixture> fixtures = fixtures();
        assertThat(fixtures).hasSize(FIXTURES);
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            Set<ValidationMessage> errors = OpenApiJsonSchemas.validate(f.schema(), read(f.file()));
            assertThat(errors).as("%s against %s", f.file(), f.schema()).isEmpty();
        }));
    }

    /**
     * A spec example equals the vendor example it copies, except where {@code specExampleRepairs}
     * (JSON pointer: the spec's value) lists a repair; and a spec example whose vendor example
     * needed a repair says so in its description ("Repaired:"), naming each repaired value.
     */
    @TestFactory
    Stream<DynamicTest> specExamplesEqualTheVendorExamplesTheyCopy() {
        return fixtures().stream().filter(f -> f.specExample() != null).map(f -> DynamicTest.dynamicTest(
                f.file() + " = components.examples." + f.specExample(), () -> {
                    Example example = ContractSpec.openApi().getComponents().getExamples().get(f.specExample());
                    assertThat(example).as("components.examples.%s", f.specExample()).isNotNull();
                    JsonNode expected = read(f.file()).deepCopy();
                    JsonNode repairs = f.specExampleRepairs();
                    repairs.properties().forEach(repair -> {
                        JsonPointer pointer = JsonPointer.compile(repair.getKey());
                        assertThat(expected.at(pointer).isMissingNode()).as("%s in %s", pointer, f.file()).isFalse();
                        ((ObjectNode) expected.at(pointer.head())).set(pointer.last().getMatchingProperty(), repair.getValue());
                        assertThat(example.getDescription()).as("the spec example names the repair of %s", pointer)
                                .contains(repair.getValue().asText());
                    });
                    assertThat(expected).isEqualTo(Json.mapper().valueToTree(example.getValue()));
                    if (f.repair() != null || !repairs.isEmpty()) {
                        assertThat(example.getDescription()).as("description of components.examples.%s", f.specExample())
                                .contains("Repaired:");
                    }
                }));
    }

    @Test
    void theIndexAccountsForEveryJsonBlockAndEveryFixtureFile() throws IOException {
        JsonNode index = index();
        List<Fixture> fixtures = fixtures();

        assertThat(index.path("jsonBlocks").asInt()).isEqualTo(JSON_BLOCKS);
        assertThat(index.path("codeBlocks").asInt() - index.path("urlBlocks").asInt()).isEqualTo(JSON_BLOCKS);
        List<Integer> blocks = fixtures.stream().flatMap(f -> f.jsonBlocks().stream()).sorted().collect(Collectors.toList());
        assertThat(blocks).as("every JSON block in exactly one fixture")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, JSON_BLOCKS).boxed().collect(Collectors.toList()));

        Set<String> indexed = fixtures.stream().map(Fixture::file).collect(Collectors.toCollection(TreeSet::new));
        assertThat(indexed).hasSize(fixtures.size()).hasSize(FIXTURES);
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(directory())) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("index.json"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(onDisk).as("fixture files").isEqualTo(indexed);

        for (Fixture f : fixtures) {
            assertThat(f.file()).matches(String.format("s%02d-[a-z0-9-]+\\.(request|response)\\.json", f.section()));
            assertThat(OpenApiJsonSchemas.definitions().has(f.schema())).as("schema of %s", f.file()).isTrue();
            // a fixture made of more than one block was repaired, and says how
            assertThat(f.repair() != null).as("repair note of %s", f.file()).isEqualTo(f.jsonBlocks().size() > 1);
        }
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("ContactUpdate", "{\"is_login_enabled\":true}", "type"),
                Arguments.of("ContactUpdate", "{\"is_login_enabled\":\"yes\"}", "enum"),
                Arguments.of("ContactUpdate", "{\"phones\":[{\"id\":31,\"number\":\"\"}]}", "minLength"),
                Arguments.of("ContactGroupUpdate", "{\"name\":\"renamed\",\"description\":\"x\"}", "additionalProperties"),
                Arguments.of("ContactGroupCreate", "{\"description\":\"no name\"}", "required"),
                Arguments.of("GroupContactUpdateList", items(101, "{\"contact\":%d}"), "maxItems"),
                Arguments.of("GroupContactUpdateList", "[]", "minItems"),
                Arguments.of("ContactUpsertRequest", items(101, "{\"email\":\"c%d@example.com\",\"name\":\"n\"}"), "oneOf"),
                // networknt reports a failed anyOf by the failures of its alternatives
                Arguments.of("ContactUpsert", "{\"email\":\"a@example.com\",\"c-cf-1\":{\"nested\":1}}", "type"),
                Arguments.of("ContactUpsert", "{\"name\":\"no email key\"}", "required"),
                // the c-cf-<id> key pattern, through x-custom-field-key-pattern -> propertyNames
                Arguments.of("ContactUpsert", "{\"email\":\"a@example.com\",\"c-cf-0\":\"x\"}", "propertyNames"),
                Arguments.of("ContactUpdate", "{\"c-cf-01\":\"x\"}", "propertyNames"),
                Arguments.of("ContactUpdate", "{\"nmae\":\"typo\"}", "propertyNames"),
                // no null items in arrays; primary_phone is a Phone or null
                Arguments.of("Contact", "{\"id\":1,\"name\":\"x\",\"email\":null,\"phones\":[null]}", "type"),
                Arguments.of("Contact", "{\"id\":1,\"name\":\"x\",\"email\":null,\"primary_phone\":{\"id\":3}}", "oneOf"),
                Arguments.of("Contact", "{\"id\":1,\"name\":\"x\"}", "required"),
                Arguments.of("Contact", "{\"id\":\"33\",\"name\":\"x\",\"email\":null}", "type"),
                Arguments.of("ContactGroup", "{\"id\":1,\"name\":null}", "type"),
                Arguments.of("GroupContactsRemoval", "{\"contacts\":[]}", "minItems"),
                Arguments.of("ContactCustomFieldList", "[{\"id\":4,\"name\":\"no type\"}]", "required"),
                Arguments.of("ContactPage", "{\"data\":[]}", "required"),
                Arguments.of("ErrorResponse", "{\"error\":[{\"field\":\"name\"}]}", "required"));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("invalidDocuments")
    void theValidatorRefusesWhatTheSchemaForbids(String schema, String json, String keyword) {
        Set<ValidationMessage> errors = OpenApiJsonSchemas.validate(schema, tree(json));

        assertThat(errors).as("violations of %s", schema).isNotEmpty();
        assertThat(errors).extracting(ValidationMessage::getType).contains(keyword);
    }

    static Stream<Arguments> validDocuments() {
        return Stream.of(
                Arguments.of("Contact", "{\"id\":1,\"name\":\"x\",\"email\":null,\"primary_phone\":null,\"created_at\":null}"),
                Arguments.of("Contact", "{\"id\":1,\"name\":\"x\",\"email\":\"a@example.com\",\"phones\":[],\"custom_fields\":"
                        + "[{\"id\":1,\"value\":[1,2],\"value_id\":{\"any\":true}}]}"),
                // open values and open responses: a phone kind, a field type and fields this version does not know
                Arguments.of("Contact", "{\"id\":1,\"name\":\"x\",\"email\":null,\"primary_phone\":{\"id\":3,\"type\":\"f\","
                        + "\"number\":\"1\",\"extension\":\"22\"},\"phones\":[{\"type\":\"f\",\"number\":\"1\"}],"
                        + "\"custom_fields\":[{\"id\":2,\"type\":\"multiple_select\"}],\"is_login_enabled\":true,\"brand_new\":{}}"),
                Arguments.of("ContactCustomFieldList", "[{\"id\":4,\"name\":\"Tier\",\"type\":\"rating_scale\",\"new_flag\":1}]"),
                // section 14: any component of a phone can be edited by its id, without the number
                Arguments.of("ContactUpdate", "{\"email\":\"a@example.com\",\"phones\":[{\"id\":31,\"type\":\"w\"}]}"),
                Arguments.of("ContactUpdate", "{\"c-cf-12\":\"x\",\"name\":\"n\"}"),
                Arguments.of("ContactGroup", "{\"id\":1,\"name\":\"x\",\"description\":null,\"tagged_domains\":null}"),
                Arguments.of("ContactCustomField", "{\"id\":1,\"name\":\"x\",\"type\":\"text\",\"choices\":null,\"depends_on_choice\":null}"),
                Arguments.of("ContactUpsert", "{\"email\":null,\"phones\":[{\"number\":\"11231231234\"}],\"c-cf-1\":\"text\","
                        + "\"c-cf-2\":12.5,\"c-cf-3\":[1,2],\"c-cf-4\":null}"),
                Arguments.of("ContactUpsertRequest", items(100, "{\"email\":\"c%d@example.com\"}")),
                Arguments.of("ContactUpsertResponse", "[{\"success\":false,\"email\":null,\"errors\":[{\"field\":\"name\",\"errors\":[\"x\"]}]}]"));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("validDocuments")
    void theValidatorAcceptsNullsAndLimitsTheSchemaAllows(String schema, String json) {
        assertThat(OpenApiJsonSchemas.validate(schema, tree(json))).isEmpty();
    }

    private static String items(int count, String format) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format(format, i))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String file) {
        try (InputStream in = VendorExamplesSchemaTest.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + DIR + file);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIR + file, e);
        }
    }

    private static Path directory() {
        URL url = VendorExamplesSchemaTest.class.getResource(DIR + "index.json");
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
