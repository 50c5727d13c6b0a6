package io.github.hfcontacts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hfcontacts.contract.prism.PrismMock;
import io.github.hfcontacts.contract.prism.PrismMockExtension;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomField;
import io.github.hfcontacts.openapi.model.ContactGroup;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.model.ContactUpsertResponse;
import io.github.hfcontacts.openapi.model.ContactUpsertResult;
import io.github.hfcontacts.openapi.model.ErrorResponse;
import io.github.hfcontacts.openapi.model.GroupContactRemovalResult;
import io.github.hfcontacts.openapi.model.GroupContactUpdateResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Item 2 of the contract: every named example of every response of every operation (read from the
 * document with swagger-parser, so a new example is covered without editing this class) is selected
 * with {@code Prefer: code=<status>, example=<name>}, sent through the generated interfaces with a
 * valid request, and parsed by the generated client into the type of the response's schema. For
 * each example the test checks that Prism served the example (the body equals the document's value),
 * that the parsed value is of the generated type, that writing it back with the client's Moshi gives
 * the same JSON (nothing lost or invented), and, for the examples listed in {@link #VALUE_CHECKS},
 * a few values.
 */
class NamedExampleResponsesContractTest {

    @RegisterExtension
    static final PrismMockExtension PRISM = PrismMockExtension.forProjectSpec();

    /** A few values per example name, on the parsed (typed) value. */
    private static final Map<String, Consumer<Object>> VALUE_CHECKS = Map.ofEntries(
            Map.entry("contactListPage", v -> {
                ContactPage page = (ContactPage) v;
                assertThat(page.getPageInfo().getPageCount()).isEqualTo(7);
                assertThat(page.getPageInfo().getLastIndex()).isEqualTo(62);
                Contact john = page.getData().get(0);
                assertThat(john.getEmail()).isEqualTo("john@example.com");
                assertThat(john.getPrimaryPhone().getType()).isEqualTo("m");
                assertThat(john.getCustomFields().get(0).getType()).isEqualTo("text");
            }),
            Map.entry("contactDetail", v -> {
                Contact contact = (Contact) v;
                assertThat(contact.getId()).isEqualTo(33L);
                assertThat(contact.getPrimaryPhone()).isNull();
                assertThat(contact.getContactGroups().get(0).getTaggedDomains()).isEqualTo("example.com,acme.com");
            }),
            Map.entry("createdContact", v -> {
                ContactUpsertResponse response = (ContactUpsertResponse) v;
                assertThat(response.isContact()).isTrue();
                assertThat(response.getContact().getPhones()).hasSize(2);
                assertThat(response.getContact().getCustomFields().get(0).getValue()).isEqualTo("example text field value");
            }),
            Map.entry("bulkResults", v -> {
                ContactUpsertResponse response = (ContactUpsertResponse) v;
                assertThat(response.isContactUpsertResultList()).isTrue();
                assertThat(response.getContactUpsertResultList()).extracting(ContactUpsertResult::getId)
                        .containsExactly(14L, 15L);
            }),
            Map.entry("updatedContact", v -> {
                Contact contact = (Contact) v;
                assertThat(contact.getPrimaryPhone().getType()).isEqualTo("w");
                assertThat(contact.getPrimaryPhone().getNumber()).isEqualTo("5551234567");
            }),
            Map.entry("contactGroups", v -> {
                @SuppressWarnings("unchecked")
                List<ContactGroup> groups = (List<ContactGroup>) v;
                assertThat(groups).extracting(ContactGroup::getTaggedDomains).containsExactly("example.com", "");
            }),
            Map.entry("createdGroup", v -> assertThat(((ContactGroupDetail) v).getName()).isEqualTo("test group")),
            Map.entry("groupDetail", v -> assertThat(((ContactGroupDetail) v).getContacts()).isEmpty()),
            Map.entry("editedGroup", v -> assertThat(((ContactGroupDetail) v).getTaggedDomains())
                    .isEqualTo("example.com,example.org")),
            Map.entry("perItemResults", v -> {
                @SuppressWarnings("unchecked")
                List<GroupContactUpdateResult> results = (List<GroupContactUpdateResult>) v;
                assertThat(results.get(0).getData().getAccessTickets()).isTrue();
                assertThat(results.get(1).getSuccess()).isFalse();
                assertThat(results.get(1).getErrors().get(0).getField()).isEqualTo("contact");
            }),
            Map.entry("perContactResults", v -> {
                @SuppressWarnings("unchecked")
                List<GroupContactRemovalResult> results = (List<GroupContactRemovalResult>) v;
                assertThat(results).extracting(GroupContactRemovalResult::getSuccess).containsExactly(true, false, false);
                assertThat(results.get(1).getData().getMessage()).isEqualTo("Contact not part of the contact group");
            }),
            Map.entry("customFields", v -> {
                @SuppressWarnings("unchecked")
                List<ContactCustomField> fields = (List<ContactCustomField>) v;
                assertThat(fields.get(0).getChoices()).isNull();
                assertThat(fields.get(1).getType()).isEqualTo("choice");
                assertThat(fields.get(1).getChoices()).hasSize(4);
            }),
            Map.entry("nameRequired", v -> {
                ErrorResponse error = (ErrorResponse) v;
                assertThat(error.getError().get(0).getField()).isEqualTo("name");
                assertThat(error.getError().get(0).getErrors()).containsExactly("This field is required.");
            }),
            Map.entry("customFieldRequired", v ->
                    assertThat(((ErrorResponse) v).getError().get(0).getField()).isEqualTo("c-cf-13")));

    @TestFactory
    Stream<DynamicTest> everyNamedResponseExampleParsesIntoTheGeneratedTypes() {
        List<ContractSpec.ResponseExample> examples = ContractSpec.responseExamples();
        assertThat(examples).isNotEmpty();
        return examples.stream().map(example -> DynamicTest.dynamicTest(example.toString(), () -> check(example)));
    }

    @Test
    void everyOperationHasANamedExampleForEachSuccessResponse() {
        Set<String> withExamples = ContractSpec.responseExamples().stream().filter(e -> e.status() / 100 == 2)
                .map(ContractSpec.ResponseExample::operationId).collect(Collectors.toSet());

        assertThat(withExamples).containsExactlyInAnyOrderElementsOf(ContractSpec.operationIds());
    }

    @Test
    void everyValueCheckNamesAnExampleOfTheDocument() {
        Set<String> names = ContractSpec.responseExamples().stream().map(ContractSpec.ResponseExample::name)
                .collect(Collectors.toSet());

        assertThat(names).containsAll(VALUE_CHECKS.keySet());
    }

    private static void check(ContractSpec.ResponseExample example) throws IOException {
        PrismMock prism = PRISM.mock();
        GeneratedApi api = GeneratedApi.against(prism, "code=" + example.status() + ", example=" + example.name());
        retrofit2.Response<?> response = api.execute(ValidRequests.call(example.operationId(), api));
        GeneratedApi.Exchange exchange = api.last();

        assertThat(response.code()).as("status of %s", exchange).isEqualTo(example.status());
        assertThat(exchange.violations()).as("Prism found the request invalid: %s", exchange).isNull();
        assertThat(ModelTypes.tree(exchange.responseBody())).as("Prism served the example: %s", exchange)
                .isEqualTo(example.value());

        Object parsed;
        if (response.isSuccessful()) {
            parsed = response.body();
        } else {
            try (ResponseBody errorBody = response.errorBody()) {
                parsed = GeneratedApi.MOSHI.adapter(ModelTypes.javaType(example.schema())).fromJson(errorBody.source());
            }
        }
        ModelTypes.assertOfType(parsed, example.schema());
        JsonNode written = ModelTypes.writtenBack(parsed, example.schema());
        assertThat(written).as("the generated client writes back what it read").isEqualTo(example.value());

        Consumer<Object> values = VALUE_CHECKS.get(example.name());
        if (values != null) {
            values.accept(parsed);
        }
    }
}
