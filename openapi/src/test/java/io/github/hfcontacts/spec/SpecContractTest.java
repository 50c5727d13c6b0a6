package io.github.hfcontacts.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks that the contract parses cleanly and that every operation carries what the issue requires.
 * swagger-models exposes its schemas as raw {@code Schema} maps, hence the suppressed warnings.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class SpecContractTest {
  static final Path SPEC = Path.of("happyfox-contacts.yaml");
  static OpenAPI api;
  static SwaggerParseResult result;

  @BeforeAll
  static void parse() throws IOException {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    result = new OpenAPIV3Parser().readContents(Files.readString(SPEC), null, options);
    api = result.getOpenAPI();
  }

  static Map<String, Operation> operations() {
    Map<String, Operation> ops = new LinkedHashMap<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap()
        .forEach((method, op) -> ops.put(method + " " + path, op)));
    return ops;
  }

  @Test
  void parsesWithoutErrorsOrWarnings() {
    assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
    assertThat(api.getOpenapi()).isEqualTo("3.0.3");
  }

  @Test
  void publishesTheSpecAsAJarResource() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/io/github/hfcontacts/spec/happyfox-contacts.yaml")) {
      assertThat(in).as("classpath resource").isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(SPEC));
    }
  }

  @Test
  void hasTheElevenOperationsOfTheVendorDocument() {
    assertThat(operations().keySet()).containsExactlyInAnyOrder(
        "GET /users/", "POST /users/", "GET /user/{contact}/", "POST /user/{contact}/",
        "GET /contact_groups/", "POST /contact_groups/", "GET /contact_group/{group_id}/",
        "POST /contact_group/{group_id}/", "POST /contact_group/{group_id}/update_contacts/",
        "POST /contact_group/{group_id}/delete_contacts/", "GET /user_custom_fields/");
  }

  @Test
  void serversCoverUsEuAndCustomDomainsOverHttpsWithBasicAuth() {
    assertThat(api.getServers()).extracting(s -> s.getUrl()).containsExactly(
        "https://{account}.happyfox.com/api/1.1/json",
        "https://{account}.happyfox.net/api/1.1/json",
        "https://{domain}/api/1.1/json");
    assertThat(api.getComponents().getSecuritySchemes().get("happyfoxBasic").getScheme()).isEqualTo("basic");
    assertThat(api.getSecurity()).hasSize(1);
  }

  @TestFactory
  Stream<DynamicTest> everyOperationIsDocumentedWithExamplesAndErrors() {
    return operations().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
      Operation op = entry.getValue();
      String key = entry.getKey();
      assertThat(op.getOperationId()).as("operationId").isNotBlank();
      assertThat(op.getTags()).as("tags").hasSize(1);
      assertThat(op.getSummary()).as("summary").isNotBlank();
      assertThat(op.getDescription()).as("description").isNotBlank();
      Map<String, ApiResponse> responses = op.getResponses();
      assertThat(responses).as("responses").containsKeys("200", "401", "403", "429", "500", "502", "503", "504");
      if (key.startsWith("POST")) {
        assertThat(responses).as("POST validation failure").containsKey("400");
        MediaType body = op.getRequestBody().getContent().get("application/json");
        assertThat(body.getSchema().get$ref()).as("request schema is a named component").isNotNull();
        assertThat(body.getExamples()).as("named request examples").isNotEmpty();
      }
      if (key.contains("{")) {
        assertThat(responses).as("404 for a path parameter").containsKey("404");
      }
      MediaType ok = responses.get("200").getContent().get("application/json");
      assertThat(ok.getSchema().get$ref()).as("response schema is a named component").isNotNull();
      assertThat(ok.getExamples()).as("named response examples").isNotEmpty();
    }));
  }

  /** Clients retry an ambiguous failure only of what the contract marks idempotent. */
  @TestFactory
  Stream<DynamicTest> everyOperationIsMarkedIdempotentOrNotWithItsReason() {
    List<String> conditions = List.of("every-item-has-email", "every-phone-has-id");
    return operations().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
      Operation op = entry.getValue();
      Map<String, Object> extensions = op.getExtensions() == null ? Map.of() : op.getExtensions();
      assertThat(extensions.get("x-idempotent")).as("x-idempotent").isInstanceOf(Boolean.class);
      boolean idempotent = (Boolean) extensions.get("x-idempotent");
      assertThat(op.getDescription()).as("the reason, in the description")
          .contains(idempotent ? "**Idempotent" : "dempotent")
          .contains("`x-idempotent: " + idempotent);
      if (entry.getKey().startsWith("GET")) {
        assertThat(idempotent).as("a read is idempotent").isTrue();
      }
      Object when = extensions.get("x-idempotent-when");
      if (when != null) {
        assertThat(idempotent).as("conditions only refine a false mark").isFalse();
        assertThat((List<Object>) when).isNotEmpty().allMatch(conditions::contains);
      }
    }));
  }

  @Test
  void idempotencyMarksFollowWhatAReplayDoes() {
    Map<String, Operation> ops = operations();
    Map<String, String> marks = new LinkedHashMap<>();
    ops.forEach((key, op) -> marks.put(op.getOperationId(),
        op.getExtensions().get("x-idempotent") + " " + op.getExtensions().getOrDefault("x-idempotent-when", "")));
    assertThat(marks).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("listContacts", "true "),
        Map.entry("createOrUpdateContacts", "false [every-item-has-email, every-phone-has-id]"),
        Map.entry("getContact", "true "),
        Map.entry("updateContact", "false [every-phone-has-id]"),
        Map.entry("listContactGroups", "true "),
        Map.entry("createContactGroup", "false "),
        Map.entry("getContactGroup", "true "),
        Map.entry("updateContactGroup", "true "),
        Map.entry("addContactsToGroup", "true "),
        Map.entry("removeContactsFromGroup", "true "),
        Map.entry("listContactCustomFields", "true ")));
  }

  @Test
  void sharedErrorResponsesCarryTheirBodiesAndHeaders() {
    Map<String, ApiResponse> responses = api.getComponents().getResponses();
    assertThat(responses.get("BadRequest").getContent().get("application/json").getSchema().get$ref())
        .endsWith("/ErrorResponse");
    assertThat(responses.get("BadRequest").getContent().get("application/json").getExamples()).hasSize(2);
    assertThat(responses.get("TooManyRequests").getHeaders()).containsKey("Retry-After");
    assertThat(responses.get("Unauthorized").getHeaders()).containsKey("WWW-Authenticate");
    assertThat(responses.get("TooManyRequests").getDescription()).contains("10 minutes");
  }

  @Test
  void descriptionsCarryTheVendorRules() {
    Map<String, Operation> ops = operations();
    assertThat(ops.get("POST /users/").getDescription())
        .contains("at most 100", "upsert by email", "\"TRUE\"", "left out of the")
        .contains("reset");
    assertThat(ops.get("GET /users/").getDescription()).contains("at most 50", "leading `+`");
    assertThat(ops.get("POST /contact_group/{group_id}/").getDescription()).contains("cannot be");
    assertThat(ops.get("POST /contact_group/{group_id}/update_contacts/").getDescription()).contains("At most 100");
    assertThat(api.getInfo().getDescription()).contains("blocked for the next 10 minutes", "https", "c-cf-<id>");
  }

  @Test
  void pagingAndBulkLimitsAreInTheSchemas() {
    Map<String, Parameter> parameters = api.getComponents().getParameters();
    assertThat(parameters.get("PageSize").getSchema().getMaximum()).isEqualByComparingTo("50");
    assertThat(parameters.get("PageSize").getSchema().getDefault()).isEqualTo(10);
    assertThat(parameters.get("PageNumber").getSchema().getMinimum()).isEqualByComparingTo("1");
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    assertThat(schemas.get("ContactUpsertBatch").getMaxItems()).isEqualTo(100);
    assertThat(schemas.get("GroupContactUpdateList").getMaxItems()).isEqualTo(100);
    assertThat(schemas.get("LoginFlag").getEnum()).containsExactly("TRUE", "FALSE");
    assertThat(schemas.get("ContactGroupUpdate").getProperties()).doesNotContainKey("name");
  }

  @Test
  void customFieldKeysAreDocumentedWhereverAdditionalPropertiesAreAllowed() {
    List<String> open = new ArrayList<>();
    api.getComponents().getSchemas().forEach((name, schema) -> {
      Object additional = schema.getAdditionalProperties();
      if (additional instanceof Schema) {
        open.add(name);
        assertThat(schema.getExtensions()).as(name).containsEntry("x-custom-field-key-pattern", "^c-cf-[1-9][0-9]*$");
        assertThat(schema.getDescription()).as(name).contains("c-cf-<id>");
      }
    });
    assertThat(open).containsExactlyInAnyOrder("ContactUpsert", "ContactUpdate");
  }

  @Test
  void everyPropertyHasASnakeCaseNameADescriptionAndNoInlineObject() {
    api.getComponents().getSchemas().forEach((name, schema) -> {
      if (schema.getProperties() == null) {
        return;
      }
      assertThat(schema.getDescription()).as(name + " description").isNotBlank();
      Map<String, Schema> properties = schema.getProperties();
      properties.forEach((property, propertySchema) -> {
        assertThat(property).as(name + "." + property).matches("[a-z][a-z0-9_]*");
        if (propertySchema.get$ref() == null) {
          assertThat(propertySchema.getDescription()).as(name + "." + property + " description").isNotBlank();
          assertThat(propertySchema.getProperties()).as(name + "." + property + " inline object").isNull();
          if (propertySchema.getItems() != null && propertySchema.getItems().getType() == null) {
            assertThat(propertySchema.getItems().get$ref()).as(name + "." + property + " items").isNotNull();
          }
        }
      });
    });
  }

  @Test
  void extensibleEnumsAreMarked() {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    assertThat(schemas.get("PhoneType").getExtensions()).containsEntry("x-extensible-enum", true);
    assertThat(schemas.get("CustomFieldType").getExtensions()).containsEntry("x-extensible-enum", true);
  }

  @Test
  void pathItemsHaveNoUndocumentedParameters() {
    for (PathItem item : api.getPaths().values()) {
      if (item.getParameters() != null) {
        item.getParameters().forEach(p -> assertThat(p.get$ref()).startsWith("#/components/parameters/"));
      }
    }
  }
}
