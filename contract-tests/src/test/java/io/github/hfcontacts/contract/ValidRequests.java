package io.github.hfcontacts.contract;

import io.github.hfcontacts.openapi.model.ContactGroupCreate;
import io.github.hfcontacts.openapi.model.ContactGroupUpdate;
import io.github.hfcontacts.openapi.model.ContactUpdate;
import io.github.hfcontacts.openapi.model.ContactUpsert;
import io.github.hfcontacts.openapi.model.ContactUpsertRequest;
import io.github.hfcontacts.openapi.model.GroupContactUpdate;
import io.github.hfcontacts.openapi.model.GroupContactsRemoval;
import io.github.hfcontacts.openapi.model.LoginFlag;
import io.github.hfcontacts.openapi.model.PhoneInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import retrofit2.Call;

/**
 * One valid request per operation, built with the generated interfaces and models. The tests that
 * select responses (named examples, dynamic responses, error codes) send these; the tests of
 * {@link GeneratedApiContractTest} send more variants.
 */
final class ValidRequests {

    static final long GROUP_ID = 3L;

    private static final Map<String, Function<GeneratedApi, Call<?>>> BY_OPERATION = Map.ofEntries(
            Map.entry("listContacts", api -> api.contacts.listContacts(50, 1, "name:adam email:adam@example.com")),
            Map.entry("createOrUpdateContacts", api -> api.contacts.createOrUpdateContacts(
                    ContactUpsertRequest.ofContactUpsert(newContact(1)))),
            Map.entry("getContact", api -> api.contacts.getContact("33")),
            Map.entry("updateContact", api -> api.contacts.updateContact("33",
                    new ContactUpdate().name("John Smith").email("john.smith.new@example.com"))),
            Map.entry("listContactGroups", api -> api.groups.listContactGroups()),
            Map.entry("createContactGroup", api -> api.groups.createContactGroup(
                    new ContactGroupCreate().name("test group").description("example description")
                            .taggedDomains("example.com"))),
            Map.entry("getContactGroup", api -> api.groups.getContactGroup(GROUP_ID)),
            Map.entry("updateContactGroup", api -> api.groups.updateContactGroup(GROUP_ID,
                    new ContactGroupUpdate().description("Customers of the example domains")
                            .taggedDomains("example.com,example.org"))),
            Map.entry("addContactsToGroup", api -> api.groups.addContactsToGroup(GROUP_ID,
                    List.of(new GroupContactUpdate().contact(41L).accessTickets(true), new GroupContactUpdate().contact(200L)))),
            Map.entry("removeContactsFromGroup", api -> api.groups.removeContactsFromGroup(GROUP_ID,
                    new GroupContactsRemoval().contacts(List.of(1L, 3L, 100L)))),
            Map.entry("listContactCustomFields", api -> api.customFields.listContactCustomFields()));

    private ValidRequests() {
    }

    /** A valid call of {@code operationId}; fails for an operation this class does not know yet. */
    static Call<?> call(String operationId, GeneratedApi api) {
        Function<GeneratedApi, Call<?>> factory = BY_OPERATION.get(operationId);
        if (factory == null) {
            throw new AssertionError("no valid request known for operation " + operationId
                    + ": add one to " + ValidRequests.class.getSimpleName());
        }
        return factory.apply(api);
    }

    /** A new contact with two phones, a login flag and a text custom field. */
    static ContactUpsert newContact(int n) {
        return new ContactUpsert()
                .email("contact" + n + "@example.com")
                .name("Contact " + n)
                .isLoginEnabled(LoginFlag.TRUE)
                .addPhonesItem(new PhoneInput().type("mo").number("98765432" + (n % 10)).isPrimary(true))
                .addPhonesItem(new PhoneInput().type("w").number("87654321" + (n % 10)).isPrimary(false))
                .putAdditionalProperty("c-cf-1", "example text field value");
    }

    /** {@code count} new contacts (names and emails differ). */
    static List<ContactUpsert> newContacts(int count) {
        List<ContactUpsert> out = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            out.add(newContact(i));
        }
        return out;
    }

    /** {@code count} add-to-group items. */
    static List<GroupContactUpdate> groupContactUpdates(int count) {
        List<GroupContactUpdate> out = new ArrayList<>(count);
        for (long i = 1; i <= count; i++) {
            out.add(new GroupContactUpdate().contact(i).accessTickets(i % 2 == 0));
        }
        return out;
    }
}
