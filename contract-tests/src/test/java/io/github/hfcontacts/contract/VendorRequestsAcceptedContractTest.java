package io.github.hfcontacts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.contract.prism.PrismMock;
import io.github.hfcontacts.contract.prism.PrismMockExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request example of the vendor document (the {@code *.request.json} fixtures of
 * {@code vendor-examples/}), sent as raw JSON to the operation it documents, is accepted by Prism
 * running the contract: a 2xx answer and no {@code sl-violations}. So the contract never refuses a
 * payload HappyFox's own document shows, however it is tightened.
 */
class VendorRequestsAcceptedContractTest {

    @RegisterExtension
    static final PrismMockExtension PRISM = PrismMockExtension.forProjectSpec();

    /** The path each request schema is posted to (ids as in the vendor's examples). */
    private static final Map<String, String> PATH_BY_SCHEMA = Map.of(
            "ContactUpsertRequest", "users/",
            "ContactUpdate", "user/33/",
            "ContactGroupCreate", "contact_groups/",
            "GroupContactUpdateList", "contact_group/1/update_contacts/",
            "GroupContactsRemoval", "contact_group/1/delete_contacts/");

    static List<VendorExamplesSchemaTest.Fixture> requestFixtures() {
        return VendorExamplesSchemaTest.fixtures().stream().filter(f -> f.file().endsWith(".request.json"))
                .collect(Collectors.toList());
    }

    static Stream<Arguments> vendorRequests() {
        return requestFixtures().stream().map(f -> Arguments.of(f.file(), f.schema()));
    }

    @Test
    void everyVendorRequestExampleHasItsOperation() {
        assertThat(requestFixtures()).hasSize(10);
        assertThat(requestFixtures()).extracting(VendorExamplesSchemaTest.Fixture::schema)
                .allSatisfy(schema -> assertThat(PATH_BY_SCHEMA).containsKey(schema));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("vendorRequests")
    void prismAcceptsTheVendorsRequest(String file, String schema, PrismMock prism) {
        String json = VendorExamplesSchemaTest.read(file).toString();

        GeneratedApi.Exchange exchange = RawHttp.post(prism, PATH_BY_SCHEMA.get(schema), json);

        assertThat(exchange.status()).as("%s", exchange).isBetween(200, 299);
        assertThat(RawHttp.violations(exchange)).as("%s", exchange).isEmpty();
    }

    @Test
    void prismAcceptsAPhoneEditWithoutTheNumber(PrismMock prism) {
        // vendor section 14: "the same method can be used to update any component of the phone number field"
        GeneratedApi.Exchange exchange = RawHttp.post(prism, "user/33/",
                "{\"email\":\"georgen@happyfox-test.com\",\"phones\":[{\"id\":31,\"type\":\"mo\"}]}");

        assertThat(exchange.status()).as("%s", exchange).isBetween(200, 299);
        assertThat(RawHttp.violations(exchange)).as("%s", exchange).isEmpty();
    }
}
