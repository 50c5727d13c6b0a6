package io.github.hfcontacts.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.client.BulkResult;
import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.ContactGroups;
import io.github.hfcontacts.client.GroupMember;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.ItemResult;
import io.github.hfcontacts.client.NotFoundException;
import io.github.hfcontacts.client.ValidationException;
import io.github.hfcontacts.openapi.model.ContactGroup;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import io.github.hfcontacts.openapi.model.ContactGroupMember;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contact groups and their membership through the proxy. */
class ContactGroupsE2eTest {

    @RegisterExtension
    static final SandboxBehindPrism E2E = SandboxBehindPrism.of(HappyFoxSandbox.builder());

    private HappyFoxClient client;
    private ContactGroups groups;

    @BeforeEach
    void client() {
        client = E2E.client();
        groups = client.contactGroups();
    }

    private List<Long> contacts(int count) {
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            drafts.add(ContactDraft.builder().name("Member " + i).email("member" + i + "@other.org").build());
        }
        BulkResult<ContactDraft> result = client.contacts()
            .upsertAllResettingOmittedCustomFields(drafts);
        assertThat(result.allSucceeded()).isTrue();
        return result.items().stream().map(item -> item.id().orElseThrow()).collect(Collectors.toList());
    }

    @Test
    void createListGetAndEditAGroupButNeverRenameIt() {
        ContactGroupDetail created = groups.create("test group", "example description", List.of("example.com"));
        groups.create("test1 group", null, List.of());

        assertThat(created.getName()).isEqualTo("test group");
        assertThat(created.getTaggedDomains()).isEqualTo("example.com");
        assertThat(groups.list()).extracting(ContactGroup::getName).containsExactly("test group", "test1 group");
        ContactGroupDetail edited = groups.edit(created.getId(), "Customers", List.of("example.com", "example.org"));
        assertThat(edited.getName()).isEqualTo("test group");
        assertThat(ContactGroups.taggedDomains(groups.get(created.getId()).getTaggedDomains()))
                .containsExactly("example.com", "example.org");
        assertThat(groups.get(created.getId()).getDescription()).isEqualTo("Customers");
        assertThatThrownBy(() -> groups.create("TEST GROUP", null, List.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> groups.get(99)).isInstanceOf(NotFoundException.class);
        assertThat(E2E.sandbox().stats().contactGroups()).isEqualTo(2);
    }

    @Test
    void addTwoHundredFiftyMembersThenRemoveOneHundredTwenty() {
        long group = groups.create("VIP", "Key accounts", List.of()).getId();
        List<Long> ids = contacts(250);
        List<GroupMember> members = ids.stream().map(id -> GroupMember.of(id, id % 2 == 0)).collect(Collectors.toList());
        long postsBefore = E2E.sandbox().stats().postRequests();

        BulkResult<GroupMember> added = groups.addContacts(group, members);

        assertThat(added.allSucceeded()).isTrue();
        assertThat(added.size()).isEqualTo(250);
        assertThat(E2E.sandbox().stats().postRequests() - postsBefore).isEqualTo(3);
        assertThat(groups.get(group).getContacts()).hasSize(250);

        BulkResult<Long> removed = groups.removeContacts(group, ids.subList(0, 120));

        assertThat(removed.allSucceeded()).isTrue();
        assertThat(removed.items()).allSatisfy(item -> assertThat(item.message())
                .hasValue("Successfully removed contact from group"));
        List<ContactGroupMember> left = groups.get(group).getContacts();
        assertThat(left).extracting(ContactGroupMember::getId).containsExactlyElementsOf(ids.subList(120, 250));
        assertThat(left).allSatisfy(m -> assertThat(m.getAccessTickets()).isEqualTo(m.getId() % 2 == 0));
        ContactGroupDetail stored = E2E.sandbox().contactGroups().get(0);
        assertThat(stored.getContacts()).hasSize(130);
        assertThat(client.contacts().get(ids.get(200)).getContactGroups()).singleElement()
                .satisfies(g -> assertThat(g.getAccessAllTicketsInGroup()).isEqualTo(ids.get(200) % 2 == 0));
        assertThat(client.contacts().get(ids.get(0)).getContactGroups()).isEmpty();
    }

    @Test
    void unknownContactsAndNonMembersAreReportedPerItem() {
        long group = groups.create("Partners", null, List.of()).getId();
        List<Long> ids = contacts(2);
        groups.addContacts(group, List.of(GroupMember.of(ids.get(0))));

        BulkResult<GroupMember> added = groups.addContacts(group, List.of(GroupMember.of(ids.get(1)), GroupMember.of(999)));
        BulkResult<Long> removed = groups.removeContacts(group, List.of(ids.get(0), 998L, ids.get(0)));

        assertThat(added.items()).extracting(ItemResult::status)
                .containsExactly(ItemResult.Status.SUCCEEDED, ItemResult.Status.REJECTED);
        assertThat(added.items().get(1).errors()).singleElement().satisfies(e -> assertThat(e.messages())
                .containsExactly("Select a valid choice. That choice is not one of the available choices."));
        assertThat(removed.items()).extracting(item -> item.message().orElse("")).containsExactly(
                "Successfully removed contact from group", "Contact does not exist", "Contact not part of the contact group");
        assertThat(E2E.sandbox().contactGroups().get(0).getContacts()).extracting(ContactGroupMember::getId)
                .containsExactly(ids.get(1));
    }

    @Test
    void aContactCreatedWithATaggedDomainJoinsTheGroup() {
        long group = groups.create("Acme", null, List.of("acme.example")).getId();

        client.contacts()
            .upsertResettingOmittedCustomFields(
                ContactDraft.builder().name("Joe").email("joe@acme.example").build());

        assertThat(groups.get(group).getContacts()).extracting(ContactGroupMember::getEmail)
                .containsExactly("joe@acme.example");
    }
}
