package io.github.hfcontacts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.contract.prism.PrismMock;
import io.github.hfcontacts.contract.prism.PrismMockExtension;
import io.github.hfcontacts.openapi.model.ContactUpsertRequest;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Item 4 of the contract: requests the document must refuse are refused by Prism (400, the
 * document's validation response, or 422) for the documented reason: the {@code sl-violations}
 * header must name the expected rule (e.g. {@code maxItems}) at the expected place. Each case has a
 * control that differs only in the faulty detail (100 items instead of 101, {@code "TRUE"} instead
 * of {@code true}, ...) and must be accepted, so a refusal cannot come from anything else. The
 * requests go through the generated interfaces where the generated models can express them, and
 * as raw JSON where they cannot.
 */
class RefusedRequestsContractTest {

    @RegisterExtension
    static final PrismMockExtension PRISM = PrismMockExtension.forProjectSpec();

    /**
     * A request the document refuses and its valid control.
     *
     * @param rule     the JSON-schema keyword Prism must report
     * @param location where Prism must report it (prefix of the violation's location)
     * @param mentions text the violation's message must contain
     */
    record Case(String name, Function<PrismMock, GeneratedApi.Exchange> refused,
                Function<PrismMock, GeneratedApi.Exchange> control, String rule, List<String> location, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> refusedRequests() {
        return Stream.of(
                new Case("101 contacts in one bulk POST /users/ (generated interface)",
                        prism -> generated(prism, api -> api.contacts.createOrUpdateContacts(
                                ContactUpsertRequest.ofContactUpsertList(ValidRequests.newContacts(101)))),
                        prism -> generated(prism, api -> api.contacts.createOrUpdateContacts(
                                ContactUpsertRequest.ofContactUpsertList(ValidRequests.newContacts(100)))),
                        "maxItems", List.of("request", "body"), "100 items"),
                new Case("group create without name",
                        prism -> RawHttp.post(prism, "contact_groups/",
                                "{\"description\":\"example description\",\"tagged_domains\":\"example.com\"}"),
                        prism -> RawHttp.post(prism, "contact_groups/",
                                "{\"name\":\"test group\",\"description\":\"example description\",\"tagged_domains\":\"example.com\"}"),
                        "required", List.of("request", "body"), "'name'"),
                new Case("is_login_enabled as JSON boolean true on a contact edit",
                        prism -> RawHttp.post(prism, "user/33/", "{\"is_login_enabled\":true}"),
                        prism -> RawHttp.post(prism, "user/33/", "{\"is_login_enabled\":\"TRUE\"}"),
                        "type", List.of("request", "body", "is_login_enabled"), "must be string"),
                new Case("is_login_enabled as JSON boolean false on a contact create",
                        prism -> RawHttp.post(prism, "users/",
                                "{\"email\":\"jamesmay@example1.com\",\"name\":\"James\",\"is_login_enabled\":false}"),
                        prism -> RawHttp.post(prism, "users/",
                                "{\"email\":\"jamesmay@example1.com\",\"name\":\"James\",\"is_login_enabled\":\"FALSE\"}"),
                        "enum", List.of("request", "body", "is_login_enabled"), "TRUE, FALSE"),
                new Case("group edit with name (groups cannot be renamed)",
                        prism -> RawHttp.post(prism, "contact_group/1/",
                                "{\"name\":\"renamed group\",\"description\":\"example description\"}"),
                        prism -> RawHttp.post(prism, "contact_group/1/", "{\"description\":\"example description\"}"),
                        "additionalProperties", List.of("request", "body"), "'name'"),
                new Case("size=51 (generated interface)",
                        prism -> generated(prism, api -> api.contacts.listContacts(51, 1, null)),
                        prism -> generated(prism, api -> api.contacts.listContacts(50, 1, null)),
                        "maximum", List.of("request", "query", "size"), "<= 50"),
                new Case("page=0 (generated interface)",
                        prism -> generated(prism, api -> api.contacts.listContacts(10, 0, null)),
                        prism -> generated(prism, api -> api.contacts.listContacts(10, 1, null)),
                        "minimum", List.of("request", "query", "page"), ">= 1"),
                new Case("101 update_contacts items (generated interface)",
                        prism -> generated(prism, api -> api.groups.addContactsToGroup(1L,
                                ValidRequests.groupContactUpdates(101))),
                        prism -> generated(prism, api -> api.groups.addContactsToGroup(1L,
                                ValidRequests.groupContactUpdates(100))),
                        "maxItems", List.of("request", "body"), "100 items"),
                new Case("empty delete_contacts list",
                        prism -> RawHttp.post(prism, "contact_group/1/delete_contacts/", "{\"contacts\":[]}"),
                        prism -> RawHttp.post(prism, "contact_group/1/delete_contacts/", "{\"contacts\":[1]}"),
                        "minItems", List.of("request", "body", "contacts"), "fewer than 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRequests")
    @Covers({"createOrUpdateContacts", "createContactGroup", "updateContact", "updateContactGroup", "listContacts",
            "addContactsToGroup", "removeContactsFromGroup"})
    void prismRefusesWhatTheDocumentForbids(Case c, PrismMock prism) {
        GeneratedApi.Exchange refused = c.refused().apply(prism);

        assertThat(refused.status()).as("status of %s", refused).isIn(400, 422);
        assertThat(RawHttp.violations(refused)).as("violations of %s", refused).anySatisfy(v -> {
            assertThat(v.code()).isEqualTo(c.rule());
            assertThat(v.location()).startsWith(c.location().toArray(new String[0]));
            assertThat(v.message()).contains(c.mentions());
        });

        GeneratedApi.Exchange control = c.control().apply(prism);
        assertThat(control.status()).as("control %s", control).isBetween(200, 299);
        assertThat(control.violations()).as("control %s", control).isNull();
    }

    private static GeneratedApi.Exchange generated(PrismMock prism, Function<GeneratedApi, retrofit2.Call<?>> call) {
        GeneratedApi api = GeneratedApi.against(prism);
        api.execute(call.apply(api));
        return api.last();
    }
}
