package io.github.hfcontacts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.client.BulkResult;
import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.CustomFieldDefinition;
import io.github.hfcontacts.client.CustomFieldValue;
import io.github.hfcontacts.client.FieldType;
import io.github.hfcontacts.client.GroupMember;
import io.github.hfcontacts.client.ItemResult;
import io.github.hfcontacts.client.Page;
import io.github.hfcontacts.client.PhoneKind;
import io.github.hfcontacts.client.SearchQuery;
import io.github.hfcontacts.contract.prism.PrismMock;
import io.github.hfcontacts.contract.prism.PrismMockExtension;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactGroup;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Item 7a of the contract: every operation of the document through the facade,
 * {@link io.github.hfcontacts.client.HappyFoxClient}, against Prism. Each test checks that every
 * request the facade sent was accepted by Prism (2xx, no {@code sl-violations}), what the facade
 * sent where the wire form matters, and what it made of Prism's answer. Prism answers the first
 * example of each response unless the test selects one with {@code Prefer} (the facade checks that
 * a bulk answer matches the items sent, so the bulk tests send the items of the selected example).
 */
class FacadeContractTest {

    @RegisterExtension
    static final PrismMockExtension PRISM = PrismMockExtension.forProjectSpec();

    private FacadeHarness facade;

    @BeforeEach
    void connect(PrismMock prism) {
        facade = FacadeHarness.against(prism);
    }

    @AfterEach
    void close() {
        facade.close();
    }

    // ---- contacts ----------------------------------------------------------------------------

    @Test
    @Covers(value = "listContacts", layer = Covers.Layer.FACADE)
    void listContactsPageByPage() {
        List<Page<Contact>> pages = new ArrayList<>();
        facade.client.contacts().list().maxPages(2).pages().forEach(pages::add);

        facade.assertAllAccepted();
        assertThat(facade.exchanges()).extracting(GeneratedApi.Exchange::url)
                .allSatisfy(url -> assertThat(url).contains("size=50"))
                .anySatisfy(url -> assertThat(url).endsWith("page=1"))
                .anySatisfy(url -> assertThat(url).endsWith("page=2"));
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).pageCount()).hasValue(7);
        assertThat(pages.get(0).items()).extracting(Contact::getEmail).containsExactly("john@example.com");
    }

    @Test
    @Covers(value = "listContacts", layer = Covers.Layer.FACADE)
    void searchContacts() {
        SearchQuery query = SearchQuery.builder().name("adam").email("adam@example.com").phone("+1 (123) 123-1234").build();

        List<Contact> found = new ArrayList<>();
        facade.client.contacts().search(query).maxPages(1).forEach(found::add);

        GeneratedApi.Exchange exchange = facade.single();
        facade.assertAllAccepted();
        assertThat(exchange.url()).contains("q=name%3Aadam%20email%3Aadam%40example.com%20phone%3A11231231234");
        assertThat(found).isNotEmpty();
    }

    @Test
    @Covers(value = "getContact", layer = Covers.Layer.FACADE)
    void getContactById() {
        Contact contact = facade.client.contacts().get(33);

        facade.assertAllAccepted();
        assertThat(facade.single().url()).endsWith("/user/33/");
        assertThat(contact.getEmail()).isEqualTo("james@example.com");
    }

    @Test
    @Covers(value = "getContact", layer = Covers.Layer.FACADE)
    void getContactByEmail() {
        Contact contact = facade.client.contacts().getByEmail("james@example.com");

        facade.assertAllAccepted();
        assertThat(facade.single().url()).endsWith("/user/james@example.com/");
        assertThat(contact.getId()).isEqualTo(33L);
    }

    @Test
    @Covers(value = "createOrUpdateContacts", layer = Covers.Layer.FACADE)
    void upsertOneContact() {
        ContactDraft draft = ContactDraft.builder().name("dasdasd").email("jamesmay@example1.com")
                .phone(PhoneKind.MOBILE, "987654321", true).phone(PhoneKind.MOBILE, "876543219", false)
                .loginEnabled(true).customField(CustomFieldValue.text(1, "example text field value")).build();

        Contact contact = facade.client.contacts().upsertResettingOmittedCustomFields(draft);

        facade.assertAllAccepted();
        assertThat(facade.single().requestBody()).startsWith("{")
                .contains("\"is_login_enabled\":\"TRUE\"").contains("\"c-cf-1\":\"example text field value\"");
        assertThat(contact.getId()).isEqualTo(34L);
    }

    @Test
    @Covers(value = "createOrUpdateContacts", layer = Covers.Layer.FACADE)
    void upsertContactsInBulk() {
        facade.prefer("example=bulkResults");
        List<ContactDraft> drafts = List.of(
                ContactDraft.builder().email("johnsmith@example.com").name("John Smith")
                        .customField(CustomFieldValue.text(4, "XHR1234")).build(),
                ContactDraft.builder().email("nathen@example.com").name("Nathan")
                        .customField(CustomFieldValue.text(4, "LDA5000")).build());

        BulkResult<ContactDraft> result = facade.client.contacts()
            .upsertAllResettingOmittedCustomFields(drafts);

        facade.assertAllAccepted();
        assertThat(facade.single().requestBody()).startsWith("[{").contains("\"c-cf-4\":\"LDA5000\"");
        assertThat(result.allSucceeded()).as("%s", result).isTrue();
        assertThat(result.items()).extracting(r -> r.id().getAsLong()).containsExactly(14L, 15L);
    }

    @Test
    @Covers(value = "updateContact", layer = Covers.Layer.FACADE)
    void updateNameAndEmail() {
        Contact contact = facade.client.contacts().updateResettingOmittedCustomFields(33,
                ContactDraft.builder().name("John Smith").email("john.smith.new@example.com").build());

        facade.assertAllAccepted();
        assertThat(ModelTypes.tree(facade.single().requestBody()))
                .isEqualTo(ModelTypes.tree("{\"name\":\"John Smith\",\"email\":\"john.smith.new@example.com\"}"));
        assertThat(contact.getId()).isEqualTo(33L);
    }

    @Test
    @Covers(value = "updateContact", layer = Covers.Layer.FACADE)
    void enableAndDisableLogin() {
        facade.client.contacts().setLoginEnabled(33, true);
        facade.client.contacts().setLoginEnabled(33, false);

        facade.assertAllAccepted();
        // each call reads contact 33 (custom field 13 "A", empty) and sends that field back with the flag,
        // since HappyFox resets the custom fields an update leaves out
        assertThat(facade.exchanges()).extracting(GeneratedApi.Exchange::method)
                .containsExactly("GET", "POST", "GET", "POST");
        assertThat(facade.exchanges()).filteredOn(e -> e.method().equals("POST"))
                .extracting(e -> ModelTypes.tree(e.requestBody()))
                .containsExactly(ModelTypes.tree("{\"is_login_enabled\":\"TRUE\",\"c-cf-13\":null}"),
                        ModelTypes.tree("{\"is_login_enabled\":\"FALSE\",\"c-cf-13\":null}"));
    }

    @Test
    @Covers(value = {"getContact", "updateContact"}, layer = Covers.Layer.FACADE)
    void updateCustomFieldsKeepsTheOthers() {
        // reads contact 33 (custom field 13 "A", empty) and sends it back with the change
        facade.client.contacts().updateCustomFields(33, List.of(CustomFieldValue.text(4, "LDA5000")));

        facade.assertAllAccepted();
        List<GeneratedApi.Exchange> exchanges = facade.exchanges();
        assertThat(exchanges).extracting(GeneratedApi.Exchange::method).containsExactly("GET", "POST");
        assertThat(ModelTypes.tree(exchanges.get(1).requestBody()))
                .isEqualTo(ModelTypes.tree("{\"c-cf-13\":null,\"c-cf-4\":\"LDA5000\"}"));
    }

    @Test
    @Covers(value = "updateContact", layer = Covers.Layer.FACADE)
    void updatePrimaryPhone() {
        // Prism's only example for GET /user/{contact}/ has no primary phone, so the read step is
        // answered here with the document's updatedContact example (primary phone 31, type w);
        // the write goes to Prism.
        String contactWithPrimaryPhone = ContractSpec.responseExamples().stream()
                .filter(e -> e.name().equals("updatedContact")).findFirst().orElseThrow().value().toString();
        facade.answerLocally(request -> request.method().equals("GET"), contactWithPrimaryPhone);

        facade.client.contacts().updatePrimaryPhone(33, "5550001111");

        facade.assertAllAccepted();
        GeneratedApi.Exchange write = facade.single();
        assertThat(write.method()).isEqualTo("POST");
        assertThat(ModelTypes.tree(write.requestBody())).isEqualTo(ModelTypes.tree(
                "{\"email\":\"john.smith.new@example.com\",\"phones\":[{\"id\":31,\"type\":\"w\",\"number\":\"5550001111\"}]}"));
    }

    // ---- contact groups ----------------------------------------------------------------------

    @Test
    @Covers(value = "listContactGroups", layer = Covers.Layer.FACADE)
    void listContactGroups() {
        List<ContactGroup> groups = facade.client.contactGroups().list();

        facade.assertAllAccepted();
        assertThat(groups).extracting(ContactGroup::getId).containsExactly(1L, 2L);
    }

    @Test
    @Covers(value = "createContactGroup", layer = Covers.Layer.FACADE)
    void createContactGroup() {
        ContactGroupDetail group = facade.client.contactGroups()
                .create("test group", "example description", List.of("example.com", "acme.com"));

        facade.assertAllAccepted();
        assertThat(ModelTypes.tree(facade.single().requestBody())).isEqualTo(ModelTypes.tree(
                "{\"name\":\"test group\",\"description\":\"example description\",\"tagged_domains\":\"example.com,acme.com\"}"));
        assertThat(group.getId()).isEqualTo(1L);
    }

    @Test
    @Covers(value = "getContactGroup", layer = Covers.Layer.FACADE)
    void getContactGroup() {
        ContactGroupDetail group = facade.client.contactGroups().get(1);

        facade.assertAllAccepted();
        assertThat(facade.single().url()).endsWith("/contact_group/1/");
        assertThat(group.getName()).isEqualTo("test group");
    }

    @Test
    @Covers(value = "updateContactGroup", layer = Covers.Layer.FACADE)
    void editContactGroup() {
        facade.prefer("example=editedGroup");

        ContactGroupDetail group = facade.client.contactGroups()
                .edit(1, "Customers of the example domains", List.of("example.com", "example.org"));

        facade.assertAllAccepted();
        assertThat(ModelTypes.tree(facade.single().requestBody())).isEqualTo(ModelTypes.tree(
                "{\"description\":\"Customers of the example domains\",\"tagged_domains\":\"example.com,example.org\"}"));
        assertThat(group.getTaggedDomains()).isEqualTo("example.com,example.org");
    }

    @Test
    @Covers(value = "addContactsToGroup", layer = Covers.Layer.FACADE)
    void addContactsToGroup() {
        BulkResult<GroupMember> result = facade.client.contactGroups()
                .addContacts(1, List.of(GroupMember.of(1, true), GroupMember.of(200)));

        facade.assertAllAccepted();
        assertThat(ModelTypes.tree(facade.single().requestBody())).isEqualTo(ModelTypes.tree(
                "[{\"contact\":1,\"access_tickets\":true},{\"contact\":200,\"access_tickets\":false}]"));
        assertThat(result.items()).extracting(ItemResult::status)
                .containsExactly(ItemResult.Status.SUCCEEDED, ItemResult.Status.REJECTED);
        assertThat(result.items().get(1).errors()).extracting(e -> e.field()).containsExactly("contact");
    }

    @Test
    @Covers(value = "removeContactsFromGroup", layer = Covers.Layer.FACADE)
    void removeContactsFromGroup() {
        BulkResult<Long> result = facade.client.contactGroups().removeContacts(1, List.of(1L, 3L, 100L));

        facade.assertAllAccepted();
        assertThat(facade.single().requestBody()).isEqualTo("{\"contacts\":[1,3,100]}");
        assertThat(result.items()).extracting(ItemResult::status).containsExactly(ItemResult.Status.SUCCEEDED,
                ItemResult.Status.REJECTED, ItemResult.Status.REJECTED);
        assertThat(result.items().get(2).message()).hasValue("Contact does not exist");
    }

    // ---- contact custom fields ---------------------------------------------------------------

    @Test
    @Covers(value = "listContactCustomFields", layer = Covers.Layer.FACADE)
    void listContactCustomFieldDefinitions() {
        List<CustomFieldDefinition> definitions = facade.client.customFields().definitions();

        facade.assertAllAccepted();
        assertThat(definitions).extracting(CustomFieldDefinition::id).containsExactly(4L, 5L);
        assertThat(definitions.get(1).type()).isEqualTo(FieldType.CHOICE);
        assertThat(definitions.get(1).choices()).hasSize(4);
    }
}
