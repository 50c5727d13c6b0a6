package io.github.hfcontacts.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.contract.prism.PrismMock;
import io.github.hfcontacts.contract.prism.PrismMockExtension;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomField;
import io.github.hfcontacts.openapi.model.ContactGroup;
import io.github.hfcontacts.openapi.model.ContactGroupCreate;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import io.github.hfcontacts.openapi.model.ContactGroupUpdate;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.model.ContactUpdate;
import io.github.hfcontacts.openapi.model.ContactUpsert;
import io.github.hfcontacts.openapi.model.ContactUpsertRequest;
import io.github.hfcontacts.openapi.model.ContactUpsertResponse;
import io.github.hfcontacts.openapi.model.GroupContactRemovalResult;
import io.github.hfcontacts.openapi.model.GroupContactUpdate;
import io.github.hfcontacts.openapi.model.GroupContactUpdateResult;
import io.github.hfcontacts.openapi.model.GroupContactsRemoval;
import io.github.hfcontacts.openapi.model.LoginFlag;
import io.github.hfcontacts.openapi.model.PhoneInput;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Item 1 of the contract: a valid request for every operation, sent through the generated Retrofit
 * interfaces, is accepted by Prism (2xx and no {@code sl-violations} header; Prism runs with
 * {@code --errors}, so any violation of the document would answer 4xx), and the answer parses
 * into the generated types. Where the wire form matters (strings for the login flag, an array for a
 * bulk upsert, {@code c-cf-<id>} keys) the test also checks the JSON the client sent.
 */
class GeneratedApiContractTest {

    @RegisterExtension
    static final PrismMockExtension PRISM = PrismMockExtension.forProjectSpec();

    private GeneratedApi api;

    @BeforeEach
    void connect(PrismMock prism) {
        api = GeneratedApi.against(prism);
    }

    // ---- contacts ----------------------------------------------------------------------------

    @Test
    @Covers("listContacts")
    void listContactsWithSizePageAndQuery() {
        ContactPage page = api.accepted(api.contacts.listContacts(50, 2, "name:adam email:adam@example.com"));

        assertThat(api.last().url()).contains("size=50").contains("page=2").contains("q=name");
        assertThat(page.getPageInfo().getPageCount()).isEqualTo(7);
        assertThat(page.getData()).extracting(Contact::getEmail).contains("john@example.com");
    }

    @Test
    @Covers("listContacts")
    void listContactsWithoutParametersAndByPhone() {
        assertThat(api.accepted(api.contacts.listContacts(null, null, null)).getData()).isNotEmpty();
        assertThat(api.last().url()).doesNotContain("?");

        api.accepted(api.contacts.listContacts(1, 1, "phone:11231231234"));
        assertThat(api.last().url()).contains("q=phone%3A11231231234").contains("size=1");
    }

    @Test
    @Covers("getContact")
    void getContactById() {
        Contact contact = api.accepted(api.contacts.getContact("33"));

        assertThat(api.last().url()).endsWith("/user/33/");
        assertThat(contact.getId()).isEqualTo(33L);
        assertThat(contact.getEmail()).isEqualTo("james@example.com");
    }

    @Test
    @Covers("getContact")
    void getContactByEmail() {
        Contact contact = api.accepted(api.contacts.getContact("james@example.com"));

        assertThat(api.last().url()).endsWith("/user/james@example.com/");
        assertThat(contact.getName()).isEqualTo("James may");
        assertThat(contact.getPrimaryPhone()).isNull();
    }

    @Test
    @Covers("createOrUpdateContacts")
    void createOrUpdateOneContact() {
        ContactUpsertResponse response = api.accepted(api.contacts.createOrUpdateContacts(
                ContactUpsertRequest.ofContactUpsert(ValidRequests.newContact(1))));

        assertThat(api.last().requestBody()).startsWith("{")
                .contains("\"is_login_enabled\":\"TRUE\"")
                .contains("\"c-cf-1\":\"example text field value\"")
                .contains("\"is_primary\":true");
        assertThat(response.isContact()).isTrue();
        assertThat(response.getContact().getEmail()).isEqualTo("jamesmay@example1.com");
    }

    @Test
    @Covers("createOrUpdateContacts")
    void createOrUpdateContactKnownByPhoneOnly() {
        // email is required but may be null when phones are given
        ContactUpsert byPhone = new ContactUpsert().email(null).name("Phone only")
                .addPhonesItem(new PhoneInput().number("11231231234").type("h"));

        api.accepted(api.contacts.createOrUpdateContacts(ContactUpsertRequest.ofContactUpsert(byPhone)));

        assertThat(api.last().requestBody()).contains("\"email\":null");
    }

    @Test
    @Covers("createOrUpdateContacts")
    void createOrUpdateAnArrayOfTwoContacts() {
        api.accepted(api.contacts.createOrUpdateContacts(
                ContactUpsertRequest.ofContactUpsertList(ValidRequests.newContacts(2))));

        assertThat(api.last().requestBody()).startsWith("[{").endsWith("}]")
                .contains("contact1@example.com").contains("contact2@example.com");
    }

    @Test
    @Covers("createOrUpdateContacts")
    void createOrUpdateTheLargestArrayAllowed() {
        api.accepted(api.contacts.createOrUpdateContacts(
                ContactUpsertRequest.ofContactUpsertList(ValidRequests.newContacts(100))));

        assertThat(api.last().requestBody()).contains("contact100@example.com");
    }

    @Test
    @Covers("updateContact")
    void updateNameAndEmail() {
        Contact contact = api.accepted(api.contacts.updateContact("33",
                new ContactUpdate().name("John Smith").email("john.smith.new@example.com")));

        assertThat(api.last().requestBody())
                .isEqualTo("{\"name\":\"John Smith\",\"email\":\"john.smith.new@example.com\"}");
        assertThat(contact.getId()).isEqualTo(33L);
    }

    @ParameterizedTest
    @EnumSource(LoginFlag.class)
    @Covers("updateContact")
    void updateLoginFlagAsString(LoginFlag flag) {
        api.accepted(api.contacts.updateContact("james@example.com", new ContactUpdate().isLoginEnabled(flag)));

        assertThat(api.last().requestBody()).isEqualTo("{\"is_login_enabled\":\"" + flag.getValue() + "\"}");
    }

    @Test
    @Covers("updateContact")
    void updatePrimaryPhone() {
        // vendor section 14: the contact's email and the primary phone's id with the new number
        Contact contact = api.accepted(api.contacts.updateContact("33", new ContactUpdate()
                .email("georgen@happyfox-test.com")
                .addPhonesItem(new PhoneInput().type("w").id(31L).number("5551234567"))));

        assertThat(api.last().requestBody()).contains("\"id\":31").contains("\"number\":\"5551234567\"");
        assertThat(contact).isNotNull();
    }

    @Test
    @Covers("updateContact")
    void updateCustomFieldsOfEveryValueFormat() {
        ContactUpdate update = new ContactUpdate()
                .putAdditionalProperty("c-cf-1", "text value")
                .putAdditionalProperty("c-cf-2", new BigDecimal("12.50"))
                .putAdditionalProperty("c-cf-3", 7L)
                .putAdditionalProperty("c-cf-4", Arrays.asList(1L, 2L))
                .putAdditionalProperty("c-cf-5", "2025-11-04")
                .putAdditionalProperty("c-cf-6", null);

        api.accepted(api.contacts.updateContact("33", update));

        assertThat(api.last().requestBody()).contains("\"c-cf-2\":12.50").contains("\"c-cf-4\":[1,2]")
                .contains("\"c-cf-6\":null");
    }

    // ---- contact groups ----------------------------------------------------------------------

    @Test
    @Covers("listContactGroups")
    void listContactGroups() {
        List<ContactGroup> groups = api.accepted(api.groups.listContactGroups());

        assertThat(groups).extracting(ContactGroup::getName).containsExactly("test group", "test1 group");
    }

    @Test
    @Covers("createContactGroup")
    void createContactGroup() {
        ContactGroupDetail group = api.accepted(api.groups.createContactGroup(new ContactGroupCreate()
                .name("test group").description("example description").taggedDomains("example.com,acme.com")));

        assertThat(api.last().requestBody()).contains("\"tagged_domains\":\"example.com,acme.com\"");
        assertThat(group.getName()).isEqualTo("test group");
    }

    @Test
    @Covers("createContactGroup")
    void createContactGroupWithANameOnly() {
        api.accepted(api.groups.createContactGroup(new ContactGroupCreate().name("Resellers")));

        assertThat(api.last().requestBody()).isEqualTo("{\"name\":\"Resellers\"}");
    }

    @Test
    @Covers("getContactGroup")
    void getContactGroup() {
        ContactGroupDetail group = api.accepted(api.groups.getContactGroup(1L));

        assertThat(api.last().url()).endsWith("/contact_group/1/");
        assertThat(group.getId()).isEqualTo(1L);
        assertThat(group.getContacts()).isEmpty();
    }

    @Test
    @Covers("updateContactGroup")
    void updateContactGroup() {
        ContactGroupDetail group = api.accepted(api.groups.updateContactGroup(1L, new ContactGroupUpdate()
                .description("Customers of the example domains").taggedDomains("example.com,example.org")));

        assertThat(group.getName()).isEqualTo("test group");
    }

    @Test
    @Covers("updateContactGroup")
    void updateContactGroupDescriptionOnly() {
        api.accepted(api.groups.updateContactGroup(1L, new ContactGroupUpdate().description("Only the description")));

        assertThat(api.last().requestBody()).isEqualTo("{\"description\":\"Only the description\"}");
    }

    @Test
    @Covers("addContactsToGroup")
    void addContactsToGroup() {
        List<GroupContactUpdateResult> results = api.accepted(api.groups.addContactsToGroup(1L, List.of(
                new GroupContactUpdate().contact(41L).accessTickets(true), new GroupContactUpdate().contact(200L))));

        assertThat(api.last().requestBody()).isEqualTo("[{\"contact\":41,\"access_tickets\":true},{\"contact\":200}]");
        assertThat(results).extracting(GroupContactUpdateResult::getSuccess).containsExactly(true, false);
    }

    @Test
    @Covers("addContactsToGroup")
    void addTheLargestBatchAllowedToAGroup() {
        api.accepted(api.groups.addContactsToGroup(1L, ValidRequests.groupContactUpdates(100)));

        assertThat(api.last().requestBody()).contains("{\"contact\":100,");
    }

    @Test
    @Covers("removeContactsFromGroup")
    void removeContactsFromGroup() {
        List<GroupContactRemovalResult> results = api.accepted(api.groups.removeContactsFromGroup(1L,
                new GroupContactsRemoval().contacts(List.of(1L, 3L, 100L))));

        assertThat(api.last().requestBody()).isEqualTo("{\"contacts\":[1,3,100]}");
        assertThat(results).hasSize(3);
        assertThat(results.get(2).getData().getMessage()).isEqualTo("Contact does not exist");
    }

    // ---- contact custom fields ---------------------------------------------------------------

    @Test
    @Covers("listContactCustomFields")
    void listContactCustomFields() {
        List<ContactCustomField> fields = api.accepted(api.customFields.listContactCustomFields());

        assertThat(fields).extracting(ContactCustomField::getName).containsExactly("Account Number", "Region ID");
        assertThat(fields.get(1).getChoices()).hasSize(4);
    }
}
