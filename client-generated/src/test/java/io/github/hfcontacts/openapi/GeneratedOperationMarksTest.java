package io.github.hfcontacts.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.openapi.annotation.SpecOperation;
import io.github.hfcontacts.openapi.api.ContactCustomFieldsApi;
import io.github.hfcontacts.openapi.api.ContactGroupsApi;
import io.github.hfcontacts.openapi.api.ContactsApi;
import io.swagger.v3.oas.models.Operation;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import retrofit2.http.GET;
import retrofit2.http.POST;

/**
 * Every generated method names its spec operation and carries the spec's idempotency marks in
 * {@link SpecOperation}, generated from {@code x-idempotent} and {@code x-idempotent-when}.
 */
class GeneratedOperationMarksTest {
  private static final Path GENERATED_API =
      Path.of("target/generated-sources/openapi/src/main/java/io/github/hfcontacts/openapi/api");
  private static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>();
  private static final Map<String, String> PATHS = new LinkedHashMap<>();

  @BeforeAll
  static void readSpec() {
    SpecExamples.spec().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      OPERATIONS.put(op.getOperationId(), op);
      PATHS.put(op.getOperationId(), method + " " + path);
    }));
  }

  static List<Method> generatedMethods() {
    List<Method> methods = new ArrayList<>();
    for (Class<?> api : List.of(ContactsApi.class, ContactGroupsApi.class,
        ContactCustomFieldsApi.class)) {
      methods.addAll(Arrays.asList(api.getDeclaredMethods()));
    }
    return methods;
  }

  @TestFactory
  Stream<DynamicTest> eachMethodCarriesItsSpecOperation() {
    return generatedMethods().stream().map(method -> DynamicTest.dynamicTest(method.getName(), () -> {
      SpecOperation mark = method.getAnnotation(SpecOperation.class);
      assertThat(mark).as("@SpecOperation").isNotNull();
      assertThat(mark.operationId()).isEqualTo(method.getName());
      Operation op = OPERATIONS.get(mark.operationId());
      assertThat(op).as("operation in the spec").isNotNull();
      assertThat(mark.method() + " " + mark.path()).isEqualTo(PATHS.get(mark.operationId()));
      String retrofitPath = mark.method().equals("GET")
          ? method.getAnnotation(GET.class).value() : method.getAnnotation(POST.class).value();
      assertThat("/" + retrofitPath).isEqualTo(mark.path());
      assertThat(mark.idempotent()).isEqualTo(op.getExtensions().get("x-idempotent"));
      Object when = op.getExtensions().get("x-idempotent-when");
      assertThat(Arrays.asList(mark.idempotentWhen()))
          .isEqualTo(when == null ? List.of() : when);
    }));
  }

  @Test
  void everySpecOperationHasAMethod() {
    assertThat(generatedMethods()).extracting(Method::getName)
        .containsExactlyInAnyOrderElementsOf(OPERATIONS.keySet());
  }

  @Test
  void javadocNamesTheOperationAndItsIdempotency() throws IOException {
    String contacts = Files.readString(GENERATED_API.resolve("ContactsApi.java"));
    String groups = Files.readString(GENERATED_API.resolve("ContactGroupsApi.java"));

    assertThat(contacts).contains("<p>Spec operation {@code createOrUpdateContacts}: {@code POST"
        + " /users/}.\n   * Not idempotent ({@code x-idempotent: false}), except a request for"
        + " which {@code every-item-has-email} and {@code every-phone-has-id} hold");
    assertThat(groups).contains("<p>Spec operation {@code addContactsToGroup}: {@code POST"
        + " /contact_group/{group_id}/update_contacts/}.\n   * Idempotent ({@code x-idempotent:"
        + " true})");
    assertThat(groups).contains("<p>Spec operation {@code createContactGroup}: {@code POST"
        + " /contact_groups/}.\n   * Not idempotent ({@code x-idempotent: false}): never sent"
        + " again once it may have reached HappyFox.");
  }
}
