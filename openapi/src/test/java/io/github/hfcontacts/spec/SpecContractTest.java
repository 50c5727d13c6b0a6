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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
  void valuesTheServerMayExtendAreStringsListingTheirKnownValues() {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    Map<String, List<String>> open = Map.of(
        "PhoneType", List.of("mo", "w", "m", "h", "o"),
        "CustomFieldType", List.of("text", "choice", "number", "date", "multiple_choice"));
    open.forEach((name, values) -> {
      Schema schema = schemas.get(name);
      assertThat(schema.getType()).as(name).isEqualTo("string");
      assertThat(schema.getEnum()).as(name + " has no closed enum").isNull();
      assertThat(schema.getExtensions()).as(name).containsEntry("x-extensible-enum", values);
      values.forEach(v -> assertThat(schema.getDescription()).as(name + " names " + v).contains("`" + v + "`"));
    });
    // which literals are the vendor document's and which are guesses
    assertThat(schemas.get("CustomFieldType").getDescription())
        .contains("`text` and `choice` (dropdown): **from the vendor document**")
        .contains("`number` and `date`: **guessed**", "`multiple_choice`: **guessed**");
  }

  @Test
  void everyExtensibleValueIsAnOpenStringAndEveryClosedEnumSaysWhyItCannotGrow() {
    List<String> closed = new ArrayList<>();
    allSchemas().forEach((where, schema) -> {
      Map<String, Object> extensions = schema.getExtensions() == null ? Map.of() : schema.getExtensions();
      if (extensions.containsKey("x-extensible-enum")) {
        assertThat(extensions.get("x-extensible-enum")).as(where + " x-extensible-enum").isInstanceOf(List.class);
        assertThat(schema.getEnum()).as(where + " closed enum next to x-extensible-enum").isNull();
        assertThat(schema.getType()).as(where).isEqualTo("string");
      }
      if (hasClosedEnum(schema)) {
        closed.add(where);
        assertThat((String) extensions.get("x-closed-enum")).as(where + " x-closed-enum").isNotBlank();
      }
    });
    assertThat(closed).containsExactly("LoginFlag");
  }

  @Test
  void noClosedEnumReachesAResponse() {
    Set<String> reached = responseComponents();
    assertThat(reached).contains("Contact", "Phone", "PhoneType", "CustomFieldType", "ErrorResponse", "FieldError")
        .doesNotContain("LoginFlag", "ContactUpsert", "PhoneInput");
    allSchemas().forEach((where, schema) -> {
      if (reached.contains(componentOf(where))) {
        assertThat(hasClosedEnum(schema)).as(where + " reaches a response with a closed enum").isFalse();
      }
    });
  }

  @Test
  void everyObjectAResponseReachesIsOpenToNewFields() {
    Set<String> reached = responseComponents();
    List<String> objects = new ArrayList<>();
    allSchemas().forEach((where, schema) -> {
      if (reached.contains(componentOf(where)) && schema.getProperties() != null) {
        objects.add(where);
        Object additional = schema.getAdditionalProperties();
        assertThat(Boolean.TRUE.equals(additional) || additional instanceof Schema)
            .as(where + " additionalProperties: true").isTrue();
      }
    });
    assertThat(objects).hasSizeGreaterThanOrEqualTo(18).contains("Contact", "Phone", "PageInfo", "ErrorResponse");
  }

  @Test
  void noArrayAdmitsNullItemsAndOnlyPrimaryPhoneIsPhoneOrNull() {
    allSchemas().forEach((where, schema) -> {
      if (schema.getItems() != null) {
        Schema items = resolve(schema.getItems());
        assertThat(admitsNull(items)).as(where + " items admit null").isFalse();
        for (List<Schema> alternatives : Arrays.asList(items.getOneOf(), items.getAnyOf())) {
          if (alternatives != null) {
            alternatives.forEach(a -> assertThat(admitsNull(resolve(a))).as(where + " items alternative admits null")
                .isFalse());
          }
        }
      }
    });
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    assertThat(schemas.get("Phone").getNullable()).as("Phone itself").isNotEqualTo(Boolean.TRUE);
    Schema primary = (Schema) schemas.get("Contact").getProperties().get("primary_phone");
    List<Schema> alternatives = primary.getOneOf();
    assertThat(alternatives).hasSize(2);
    assertThat(alternatives.get(0).get$ref()).isEqualTo("#/components/schemas/Phone");
    Schema nullOnly = alternatives.get(1);
    // not nullable: Prism would then skip validating the response (see noNullableSchemaListsNullInItsEnum)
    assertThat(nullOnly.getNullable()).isNull();
    assertThat(nullOnly.getEnum()).containsExactly((Object) null);
  }

  @Test
  void noNullableSchemaListsNullInItsEnum() {
    // Prism appends null to the enum of a nullable schema, so [null] becomes [null, null], and then
    // silently stops validating the whole response: the null-only schema is {enum: [null]} instead.
    allSchemas().forEach((where, schema) -> {
      if (Boolean.TRUE.equals(schema.getNullable()) && schema.getEnum() != null) {
        assertThat(schema.getEnum()).as(where + " enum of a nullable schema").doesNotContainNull();
      }
    });
  }

  @Test
  void theDefaultsTheVendorDocumentStatesArePresent() {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    // applied on creation only: x-create-defaults, and deliberately no `default` (generators would send it)
    assertThat(schemas.get("PhoneInput").getExtensions()).containsEntry("x-create-defaults", Map.of("type", "o"));
    assertThat(schemas.get("ContactUpsert").getExtensions())
        .containsEntry("x-create-defaults", Map.of("is_login_enabled", "TRUE"));
    assertThat(((Schema) schemas.get("PhoneInput").getProperties().get("type")).getDefault()).isNull();
    assertThat(((Schema) schemas.get("ContactUpsert").getProperties().get("is_login_enabled")).getDefault()).isNull();
    // applied whenever absent: default
    assertThat(((Schema) schemas.get("GroupContactUpdate").getProperties().get("access_tickets")).getDefault())
        .isEqualTo(false);
    assertThat(api.getComponents().getParameters().get("PageSize").getSchema().getDefault()).isEqualTo(10);
    assertThat(api.getComponents().getParameters().get("PageNumber").getSchema().getDefault()).isEqualTo(1);
  }

  @Test
  void aPhoneEditNeedsNoNumberAndEmailIsTheOnlyRequiredUpsertKey() {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    assertThat(schemas.get("PhoneInput").getRequired()).as("PhoneInput.required").isNull();
    assertThat(schemas.get("PhoneInput").getDescription()).contains("any component", "needs `number`");
    assertThat(schemas.get("ContactUpsert").getRequired()).containsExactly("email");
    assertThat(schemas.get("ContactUpsert").getDescription()).contains("`phones` must hold at least one");
  }

  @Test
  void theLoginStateIsMarkedAsNotReturnedByTheDocumentedResponses() {
    Schema login = (Schema) api.getComponents().getSchemas().get("Contact").getProperties().get("is_login_enabled");
    assertThat(login.getDescription()).contains("Not returned by any response of the vendor document");
    assertThat(login.get$ref()).as("no closed type for a field no response shows").isNull();
    assertThat(login.getType()).isNull();
  }

  @Test
  void theStatedChoicesListEveryDepartureFromTheVendorDocument() {
    String description = api.getInfo().getDescription();
    assertThat(description).contains(
        "## Where this contract departs from the vendor document, and its guesses",
        "`/api/1.1/users/?q=...`", "`/api/json/1.1/user/<id>/`", "`/api/json/users/`",
        "**`page_count`.**", "**Custom-field types.**", "**Defaults.**", "**Editing a phone.**",
        "**Email or phones.**", "**Editing a group.**", "**Creating a group.**", "**`tagged_domains`**",
        "**Payload formats.**", "JSON only", "**`is_login_enabled` in responses.**", "**Repaired examples.**",
        "`georgen@happyfox-test`", "**Not shown by the vendor document**",
        "**Limit of OpenAPI 3.0.3**", "`propertyNames`");
    assertThat(api.getPaths().get("/users/").getPost().getRequestBody().getContent()).containsOnlyKeys("application/json");
  }

  @Test
  void everyExampleSaysWhereItComesFromAndWhatWasRepaired() {
    api.getComponents().getExamples().forEach((name, example) -> {
      String summary = example.getSummary();
      String description = example.getDescription() == null ? "" : example.getDescription();
      assertThat(summary).as(name + " summary").isNotBlank();
      boolean vendor = summary.matches(".*\\(vendor section \\d+[^)]*\\)$");
      boolean constructed = description.startsWith("Constructed for this contract: not in the vendor document");
      assertThat(vendor ^ constructed).as(name + ": either the vendor's (summary names the section) or constructed").isTrue();
      if (summary.contains("repaired")) {
        assertThat(description).as(name + " says what was repaired").contains("Repaired:");
      }
    });
  }

  @Test
  void pathItemsHaveNoUndocumentedParameters() {
    for (PathItem item : api.getPaths().values()) {
      if (item.getParameters() != null) {
        item.getParameters().forEach(p -> assertThat(p.get$ref()).startsWith("#/components/parameters/"));
      }
    }
  }

  /** Every schema of components.schemas, nested ones included, keyed by where it is ("Contact.phones.items"). */
  static Map<String, Schema> allSchemas() {
    Map<String, Schema> out = new LinkedHashMap<>();
    api.getComponents().getSchemas().forEach((name, schema) -> collect(name, schema, out));
    return out;
  }

  private static void collect(String where, Schema schema, Map<String, Schema> out) {
    if (schema == null || out.containsKey(where)) {
      return;
    }
    out.put(where, schema);
    if (schema.getProperties() != null) {
      ((Map<String, Schema>) schema.getProperties()).forEach((name, p) -> collect(where + "." + name, p, out));
    }
    collect(where + ".items", schema.getItems(), out);
    if (schema.getAdditionalProperties() instanceof Schema) {
      collect(where + ".additionalProperties", (Schema) schema.getAdditionalProperties(), out);
    }
    for (String keyword : List.of("allOf", "oneOf", "anyOf")) {
      List<Schema> members = keyword.equals("allOf") ? schema.getAllOf()
          : keyword.equals("oneOf") ? schema.getOneOf() : schema.getAnyOf();
      if (members != null) {
        for (int i = 0; i < members.size(); i++) {
          collect(where + "." + keyword + "[" + i + "]", members.get(i), out);
        }
      }
    }
  }

  static String componentOf(String where) {
    int dot = where.indexOf('.');
    return dot < 0 ? where : where.substring(0, dot);
  }

  static boolean admitsNull(Schema schema) {
    return Boolean.TRUE.equals(schema.getNullable()) || (schema.getEnum() != null && schema.getEnum().contains(null));
  }

  static boolean hasClosedEnum(Schema schema) {
    return schema.getEnum() != null && schema.getEnum().stream().anyMatch(Objects::nonNull);
  }

  static Schema resolve(Schema schema) {
    Schema current = schema;
    while (current != null && current.get$ref() != null) {
      current = api.getComponents().getSchemas().get(simpleName(current.get$ref()));
    }
    return current;
  }

  static String simpleName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  /** The components that a response body reaches through any chain of $refs. */
  static Set<String> responseComponents() {
    Deque<String> pending = new ArrayDeque<>();
    List<ApiResponse> responses = new ArrayList<>(api.getComponents().getResponses().values());
    operations().values().forEach(op -> responses.addAll(op.getResponses().values()));
    for (ApiResponse response : responses) {
      if (response.getContent() != null) {
        response.getContent().values().forEach(media -> pending.add(simpleName(media.getSchema().get$ref())));
      }
    }
    Set<String> reached = new TreeSet<>();
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (!reached.add(name)) {
        continue;
      }
      Map<String, Schema> nested = new LinkedHashMap<>();
      collect(name, api.getComponents().getSchemas().get(name), nested);
      nested.values().stream().map(Schema::get$ref).filter(Objects::nonNull)
          .forEach(ref -> pending.add(simpleName(ref)));
    }
    return reached;
  }
}
