package io.github.hfcontacts.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.client.BulkResult;
import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.Contacts;
import io.github.hfcontacts.client.CustomFieldValue;
import io.github.hfcontacts.client.CustomFieldValues;
import io.github.hfcontacts.client.ItemResult;
import io.github.hfcontacts.client.NotFoundException;
import io.github.hfcontacts.client.PhoneKind;
import io.github.hfcontacts.client.SearchQuery;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every contacts operation of the facade against the sandbox, through Prism's validating proxy. */
class ContactsE2eTest {

    @RegisterExtension
    static final SandboxBehindPrism E2E = SandboxBehindPrism.of(HappyFoxSandbox.builder());

    private Contacts contacts;

    @BeforeEach
    void client() {
        contacts = E2E.client().contacts();
    }

    /** Every custom field of the sandbox's default definitions set, one of each type. */
    private static List<CustomFieldValue> allFields(int n) {
        return List.of(
                CustomFieldValue.text(4, "ACC" + n),
                CustomFieldValue.choice(5, 2),
                CustomFieldValue.number(6, new BigDecimal("12.50")),
                CustomFieldValue.multipleChoice(7, List.of(11L, 13L)),
                CustomFieldValue.date(8, LocalDate.of(2026, 1, 31)),
                CustomFieldValue.text(9, "VAT" + n));
    }

    private static List<ContactDraft> drafts(int count, String nameSuffix) {
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            drafts.add(ContactDraft.builder().name("Contact " + i + nameSuffix)
                    .email("contact" + i + "@example.com")
                    .phone(PhoneKind.MOBILE, "+1555" + String.format("%07d", i), true)
                    .customFields(allFields(i)).build());
        }
        return drafts;
    }

    private static List<Long> ids(BulkResult<ContactDraft> result) {
        return result.items().stream().map(item -> item.id().orElseThrow()).collect(Collectors.toList());
    }

    @Test
    void bulkUpsertOf250ThenTheSameAgainCreatesNoDuplicates() {
        BulkResult<ContactDraft> first = contacts
            .upsertAllResettingOmittedCustomFields(drafts(250, ""));

        assertThat(first.allSucceeded()).as("%s", first.failures()).isTrue();
        assertThat(first.size()).isEqualTo(250);
        assertThat(E2E.sandbox().stats().contacts()).isEqualTo(250);
        assertThat(E2E.sandbox().stats().postRequests()).isEqualTo(3);

        BulkResult<ContactDraft> second = contacts
            .upsertAllResettingOmittedCustomFields(drafts(250, " again"));

        assertThat(second.allSucceeded()).isTrue();
        assertThat(ids(second)).isEqualTo(ids(first));
        assertThat(new HashSet<>(ids(first))).hasSize(250);
        assertThat(E2E.sandbox().stats().contacts()).isEqualTo(250);
        assertThat(E2E.sandbox().stats().postRequests()).isEqualTo(6);
        assertThat(E2E.sandbox().contacts()).allSatisfy(c -> assertThat(c.getName()).endsWith(" again"));
        assertThat(E2E.sandbox().stats().rateLimited()).isZero();
    }

    @Test
    void pagingVisitsEveryContactExactlyOnce() {
        contacts.upsertAllResettingOmittedCustomFields(drafts(137, ""));
        long getsBefore = E2E.sandbox().stats().getRequests();

        List<Long> seen = new ArrayList<>();
        for (Contact contact : contacts.list()) {
            seen.add(contact.getId());
        }

        Set<Long> stored = E2E.sandbox().contacts().stream().map(Contact::getId).collect(Collectors.toSet());
        assertThat(seen).hasSize(137).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(stored);
        assertThat(E2E.sandbox().stats().getRequests() - getsBefore).isEqualTo(3);
    }

    @Test
    void searchByEachFieldFindsWhatTheSandboxHolds() {
        contacts.upsertAllResettingOmittedCustomFields(drafts(60, ""));
        contacts
            .upsertResettingOmittedCustomFields(
                ContactDraft.builder().name("Adam Smith").email("adam@example.org")
                .phone(PhoneKind.WORK, "+11231231234", true).build());

        assertThat(names(SearchQuery.builder().name("adam").build())).containsExactly("Adam Smith");
        assertThat(names(SearchQuery.builder().email("adam@example.org").build())).containsExactly("Adam Smith");
        assertThat(names(SearchQuery.builder().phone("+1 123-123-1234").build())).containsExactly("Adam Smith");
        assertThat(names(SearchQuery.builder().name("Contact").email("example.com").build())).hasSize(60);
        assertThat(names(SearchQuery.builder().email("contact1").build()))
                .hasSize(11).allSatisfy(name -> assertThat(name).startsWith("Contact 1"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(names(SearchQuery.builder().updatedSince(today.minusDays(1)).build())).hasSize(61);
        assertThat(names(SearchQuery.builder().createdSince(today.plusDays(1)).build())).isEmpty();
        assertThat(names(SearchQuery.builder().name("adam").email("example.com").build())).isEmpty();
    }

    private List<String> names(SearchQuery query) {
        return contacts.search(query).stream().map(Contact::getName).collect(Collectors.toList());
    }

    @Test
    void getByIdAndByEmailAndUnknownOnes() {
        Contact created = contacts
            .upsertResettingOmittedCustomFields(ContactDraft.builder().name("James May")
                .email("james+tag@example.com").build());

        assertThat(contacts.get(created.getId()).getEmail()).isEqualTo("james+tag@example.com");
        assertThat(contacts.getByEmail("JAMES+tag@example.com").getId()).isEqualTo(created.getId());
        assertThatThrownBy(() -> contacts.get(9999)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> contacts.getByEmail("nobody@example.com")).isInstanceOf(NotFoundException.class);
    }

    private Contact withAllFields() {
        return contacts
            .upsertResettingOmittedCustomFields(
                ContactDraft.builder().name("Keeper").email("keeper@example.com")
                .phone(PhoneKind.WORK, "+15550001111", true).customFields(allFields(1)).build());
    }

    private static List<CustomFieldValue> stored(Contact contact) {
        return CustomFieldValues.from(contact).all();
    }

    @Test
    void updateSendsExactlyTheDraftSoHappyFoxResetsTheOtherCustomFields() {
        Contact contact = withAllFields();

        Contact updated = contacts
            .updateResettingOmittedCustomFields(
                contact.getId(), ContactDraft.builder().name("Renamed").build());

        assertThat(updated.getName()).isEqualTo("Renamed");
        assertThat(stored(updated)).allSatisfy(value -> assertThat(value.isCleared()).isTrue());
        assertThat(stored(E2E.sandbox().contacts().get(0))).allSatisfy(value -> assertThat(value.isCleared()).isTrue());
    }

    @Test
    void readMergeWriteKeepsEveryCustomField() {
        Contact contact = withAllFields();

        Contact merged = contacts.updateMerging(contact.getId(), ContactDraft.builder().name("Merged")
                .customField(CustomFieldValue.choice(5, 3)).build());
        Contact changed = contacts.updateCustomFields(contact.getId(), List.of(CustomFieldValue.text(4, "NEW")));

        assertThat(merged.getName()).isEqualTo("Merged");
        List<CustomFieldValue> expected = new ArrayList<>(allFields(1));
        expected.set(1, CustomFieldValue.choice(5, 3));
        expected.set(0, CustomFieldValue.text(4, "NEW"));
        assertThat(stored(changed)).containsExactlyElementsOf(expected);
        assertThat(stored(E2E.sandbox().contacts().get(0))).containsExactlyElementsOf(expected);
    }

    @Test
    void loginFlagKeepsEveryCustomField() {
        Contact contact = withAllFields();

        Contact disabled = contacts.setLoginEnabled(contact.getId(), false);

        assertThat(disabled.getIsLoginEnabled()).isEqualTo("FALSE");
        assertThat(stored(disabled)).containsExactlyElementsOf(allFields(1));
        assertThat(contacts.setLoginEnabled(contact.getId(), true).getIsLoginEnabled()).isEqualTo("TRUE");
        assertThat(stored(E2E.sandbox().contacts().get(0))).containsExactlyElementsOf(allFields(1));
    }

    @Test
    void primaryPhoneChangesItsNumberAndKeepsEveryCustomField() {
        Contact contact = withAllFields();
        long phoneId = contact.getPrimaryPhone().getId();

        Contact changed = contacts.updatePrimaryPhone(contact.getId(), "5551234567");
        Contact kind = contacts.updatePrimaryPhone(contact.getId(), "5557654321", PhoneKind.MOBILE);

        assertThat(changed.getPrimaryPhone().getId()).isEqualTo(phoneId);
        assertThat(changed.getPrimaryPhone().getNumber()).isEqualTo("5551234567");
        assertThat(changed.getPrimaryPhone().getType()).isEqualTo("w");
        assertThat(kind.getPrimaryPhone().getType()).isEqualTo("mo");
        assertThat(kind.getPhones()).hasSize(1);
        assertThat(stored(kind)).containsExactlyElementsOf(allFields(1));
        assertThat(E2E.sandbox().contacts().get(0).getPrimaryPhone().getNumber()).isEqualTo("5557654321");
    }

    @Test
    void bulkItemsRejectedByTheServerAreReportedPerItem() {
        List<ContactDraft> drafts = new ArrayList<>(drafts(3, ""));
        drafts.add(1, ContactDraft.builder().email("nameless@example.com").build());

        BulkResult<ContactDraft> result = contacts.upsertAllResettingOmittedCustomFields(drafts);

        assertThat(result.items()).extracting(ItemResult::status).containsExactly(ItemResult.Status.SUCCEEDED,
                ItemResult.Status.REJECTED, ItemResult.Status.SUCCEEDED, ItemResult.Status.SUCCEEDED);
        assertThat(result.items().get(1).errors()).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("name"));
        assertThat(E2E.sandbox().stats().contacts()).isEqualTo(3);
    }
}
