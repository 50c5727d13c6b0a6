package io.github.hfcontacts.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hfcontacts.client.BulkResult;
import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.GroupMember;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.SearchQuery;
import io.github.hfcontacts.contract.prism.PrismMock;
import io.github.hfcontacts.contract.prism.PrismMockExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Item 7c of the contract: the requests Prism refuses in {@link RefusedRequestsContractTest} never
 * leave the facade. A network interceptor on the caller-supplied OkHttpClient counts the requests
 * reaching Prism:
 * <ul>
 *   <li>arguments that would make an invalid request (a group without a name, an edit with nothing
 *       but a name, a page number or id below 1, a contact without email or phone, ...) are refused
 *       with an exception naming the argument, and <b>zero</b> requests reach Prism;</li>
 *   <li>the limits of 100 items per bulk request are not refusals in the facade but splits: 101
 *       contacts or group members go out as requests of at most 100, each accepted by Prism;</li>
 *   <li>what the facade's types cannot express (a boolean login flag, a group rename, a page size
 *       other than 50) reaches Prism in its valid form only.</li>
 * </ul>
 */
class FacadeRefusesBadRequestsContractTest {

    @RegisterExtension
    static final PrismMockExtension PRISM = PrismMockExtension.forProjectSpec();

    /** A facade call that must throw before sending anything. */
    record Refusal(String name, Consumer<HappyFoxClient> call, String mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal("group create without name", c -> c.contactGroups().create(null, "example description",
                        List.of("example.com")), "name"),
                new Refusal("group create with a blank name", c -> c.contactGroups().create("  ", null, List.of()), "name"),
                new Refusal("group edit that could only be a rename", c -> c.contactGroups().edit(1, null, null), "renamed"),
                new Refusal("group id 0", c -> c.contactGroups().get(0), "groupId"),
                new Refusal("page size and number are fixed; zero pages", c -> c.contacts().list().maxPages(0), "maxPages"),
                new Refusal("contact id 0", c -> c.contacts().get(0), "contactId"),
                new Refusal("malformed email as contact key", c -> c.contacts().getByEmail("not an email"), "email"),
                new Refusal("search value with a space", c -> c.contacts().search(SearchQuery.builder().name("adam smith")
                        .build()), "name"),
                new Refusal("upsert without email or phone", c -> c.contacts()
                    .upsertResettingOmittedCustomFields(ContactDraft.builder().name("Ann").build()),
                        "draft"),
                new Refusal("update with nothing to change", c -> c.contacts()
                    .updateResettingOmittedCustomFields(33, ContactDraft.builder().build()),
                        "changes"),
                new Refusal("bulk upsert of 101 with one item lacking email and phone",
                        c -> c.contacts()
                            .upsertAllResettingOmittedCustomFields(
                                draftsWithOneInvalid(101, 57)), "drafts[57]"),
                new Refusal("bulk upsert with a null item", c -> c.contacts()
                    .upsertAllResettingOmittedCustomFields(Arrays.asList(draft(1), null)),
                        "drafts"),
                new Refusal("remove contact id 0", c -> c.contactGroups().removeContacts(1, List.of(5L, 0L)), "contactIds[1]"),
                new Refusal("add to group id 0", c -> c.contactGroups().addContacts(0, List.of(GroupMember.of(1))), "groupId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    @Covers(value = {"createContactGroup", "updateContactGroup", "getContactGroup", "listContacts", "getContact",
            "createOrUpdateContacts", "updateContact", "removeContactsFromGroup", "addContactsToGroup"},
            layer = Covers.Layer.FACADE)
    void refusedBeforeAnyRequest(Refusal refusal, PrismMock prism) {
        try (FacadeHarness facade = FacadeHarness.against(prism)) {
            assertThatThrownBy(() -> refusal.call().accept(facade.client))
                    .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
                    .hasMessageContaining(refusal.mentions());

            assertThat(facade.requestCount()).as("requests reaching Prism").isZero();
        }
    }

    @Test
    @Covers(value = "createOrUpdateContacts", layer = Covers.Layer.FACADE)
    void aBulkUpsertOf101IsSentAsRequestsOfAtMost100(PrismMock prism) {
        try (FacadeHarness facade = FacadeHarness.against(prism)
                .prefer(request -> request.method().equals("POST") ? "example=bulkResults" : null)) {
            // Prism's bulk example answers 2 results, so the facade reports both chunks as unmatched
            // answers and reads the contacts back; what counts here is what it sent
            BulkResult<ContactDraft> result = facade.client.contacts()
                .upsertAllResettingOmittedCustomFields(drafts(101));

            assertChunked(facade);
            assertThat(result.size()).isEqualTo(101);
        }
    }

    @Test
    @Covers(value = "addContactsToGroup", layer = Covers.Layer.FACADE)
    void addingContactsToAGroupIsSentAsRequestsOfAtMost100(PrismMock prism) {
        try (FacadeHarness facade = FacadeHarness.against(prism)) {
            List<GroupMember> members = LongStream.rangeClosed(1, 101).mapToObj(GroupMember::of).collect(Collectors.toList());

            BulkResult<GroupMember> result = facade.client.contactGroups().addContacts(1, members);

            assertChunked(facade);
            assertThat(result.size()).isEqualTo(101);
        }
    }

    @Test
    @Covers(value = "removeContactsFromGroup", layer = Covers.Layer.FACADE)
    void removingContactsFromAGroupIsSentAsRequestsOfAtMost100(PrismMock prism) {
        try (FacadeHarness facade = FacadeHarness.against(prism)) {
            List<Long> ids = LongStream.rangeClosed(1, 101).boxed().collect(Collectors.toList());

            facade.client.contactGroups().removeContacts(1, ids);

            assertChunked(facade, body -> body.path("contacts"));
        }
    }

    @Test
    @Covers(value = {"createOrUpdateContacts", "updateContact"}, layer = Covers.Layer.FACADE)
    void theLoginFlagAlwaysGoesOutAsAString(PrismMock prism) {
        try (FacadeHarness facade = FacadeHarness.against(prism)) {
            facade.client.contacts()
                .upsertResettingOmittedCustomFields(
                    ContactDraft.builder().email("ann@example.com").name("Ann")
                        .loginEnabled(false).build());
            facade.client.contacts()
                .updateResettingOmittedCustomFields(
                    33, ContactDraft.builder().loginEnabled(true).build());
            facade.client.contacts().setLoginEnabled(33, false);

            facade.assertAllAccepted();
            // setLoginEnabled reads the contact first (to send its custom fields back): only the writes carry the flag
            assertThat(facade.exchanges()).filteredOn(e -> e.method().equals("POST"))
                    .extracting(e -> ModelTypes.tree(e.requestBody()).get("is_login_enabled"))
                    .allSatisfy(flag -> assertThat(flag.isTextual()).as("%s is a string", flag).isTrue())
                    .extracting(JsonNode::asText).containsExactly("FALSE", "TRUE", "FALSE");
        }
    }

    @Test
    @Covers(value = "updateContactGroup", layer = Covers.Layer.FACADE)
    void aGroupEditNeverCarriesAName(PrismMock prism) {
        try (FacadeHarness facade = FacadeHarness.against(prism)) {
            facade.client.contactGroups().edit(1, "new description", null);
            facade.client.contactGroups().edit(1, null, List.of("example.com"));
            facade.client.contactGroups().edit(1, null, List.of());

            facade.assertAllAccepted();
            assertThat(facade.exchanges()).extracting(e -> fieldNames(ModelTypes.tree(e.requestBody())))
                    .containsExactly(List.of("description"), List.of("tagged_domains"), List.of("tagged_domains"));
        }
    }

    @Test
    @Covers(value = "listContacts", layer = Covers.Layer.FACADE)
    void listingUsesPageSize50AndPagesFrom1(PrismMock prism) {
        try (FacadeHarness facade = FacadeHarness.against(prism)) {
            facade.client.contacts().list().maxPages(3).stream().count();

            facade.assertAllAccepted();
            assertThat(facade.exchanges()).extracting(GeneratedApi.Exchange::url)
                    .allSatisfy(url -> assertThat(url).contains("size=50"))
                    .extracting(url -> url.replaceAll(".*[?&]page=(\\d+).*", "$1")).containsExactly("1", "2", "3");
        }
    }

    /** Every request was accepted, and the 101 items went out as 100, then 1: the body is their array. */
    private static void assertChunked(FacadeHarness facade) {
        assertChunked(facade, body -> body);
    }

    /** The same, with the items' array found in each request body by {@code items}. */
    private static void assertChunked(FacadeHarness facade, UnaryOperator<JsonNode> items) {
        facade.assertAllAccepted();
        List<Integer> sizes = new ArrayList<>();
        for (GeneratedApi.Exchange exchange : facade.exchanges()) {
            if (!exchange.method().equals("POST")) {
                continue; // read-backs of items whose answer did not match them
            }
            JsonNode array = items.apply(ModelTypes.tree(exchange.requestBody()));
            assertThat(array.isArray()).as("bulk items of %s", exchange).isTrue();
            sizes.add(array.size());
        }
        assertThat(sizes).as("items per request").containsExactly(100, 1);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static ContactDraft draft(int n) {
        return ContactDraft.builder().email("contact" + n + "@example.com").name("Contact " + n).build();
    }

    private static List<ContactDraft> drafts(int count) {
        List<ContactDraft> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(draft(i));
        }
        return out;
    }

    private static List<ContactDraft> draftsWithOneInvalid(int count, int invalidIndex) {
        List<ContactDraft> out = drafts(count);
        out.set(invalidIndex, ContactDraft.builder().name("No email, no phone").build());
        return out;
    }
}
