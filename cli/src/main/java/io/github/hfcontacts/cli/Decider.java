package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.CustomFieldDefinition;
import io.github.hfcontacts.client.CustomFieldValidationException;
import io.github.hfcontacts.client.CustomFieldValue;
import io.github.hfcontacts.client.CustomFieldValues;
import io.github.hfcontacts.client.CustomFields;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.Phone;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a checked row and what the plan knows of its contact into a {@link Decision}.
 *
 * <p>Read-merge-write (the default): HappyFox resets every custom field an upsert leaves out, so
 * a row for an existing contact is sent with <em>all</em> of the contact's custom fields, the
 * row's non-empty cells replacing the current values; empty cells keep them. A row that changes
 * nothing is not sent at all. A contact whose current value of a field cannot be read back, and
 * whose row does not set that field, is not written: it would lose the value.
 *
 * <p>{@code --replace}: the row is sent as it is, and HappyFox resets the custom fields it leaves
 * empty.
 */
final class Decider {
  private final ContactColumns columns;
  private final RequiredFields required;
  private final boolean replace;

  /** The check of a new contact's custom fields (required ones present) before it is sent. */
  interface RequiredFields {
    /** The problems of values that would create a contact; empty when they are fine. */
    List<String> problems(List<CustomFieldValue> values);

    /** The account's check, by {@link CustomFields#validate} against its definitions. */
    static RequiredFields of(CustomFields customFields) {
      return values -> {
        try {
          customFields.validate(values, true);
          return List.of();
        } catch (CustomFieldValidationException e) {
          return e.problems();
        }
      };
    }
  }

  Decider(ContactColumns columns, RequiredFields required, boolean replace) {
    this.columns = columns;
    this.required = required;
    this.replace = replace;
  }

  Decision decide(ParsedRow row, ContactPlan.Entry entry) {
    if (!row.valid()) {
      return Decision.invalid(row.number, row.email, row.problems);
    }
    if (entry.duplicateOf > 0) {
      return Decision.invalid(row.number, row.email, List.of("email " + row.email
          + " is also on row " + entry.duplicateOf + ": a contact may appear once per import"));
    }
    if (replace) {
      ContactDraft draft = row.draft().build();
      List<String> problems = requiredFieldProblems(draft);
      return problems.isEmpty()
          ? Decision.send(row.number, row.email, Decision.Kind.SAVE, draft, null)
          : Decision.invalid(row.number, row.email, problems);
    }
    Contact existing = entry.existing;
    if (existing == null) {
      if (row.name == null) {
        return Decision.invalid(row.number, row.email, List.of("name is required to create a"
            + " contact, and no contact has this email"));
      }
      ContactDraft draft = row.draft().build();
      List<String> problems = requiredFieldProblems(draft);
      return problems.isEmpty()
          ? Decision.send(row.number, row.email, Decision.Kind.CREATE, draft, null)
          : Decision.invalid(row.number, row.email, problems);
    }
    return merge(row, existing);
  }

  private Decision merge(ParsedRow row, Contact existing) {
    CustomFieldValues current = CustomFieldValues.from(existing);
    List<String> unsafe = new ArrayList<>();
    for (long fieldId : current.unreadableFieldIds()) {
      if (!row.fields.containsKey(fieldId) && columns.field(fieldId).isPresent()) {
        unsafe.add(columns.columnOf(fieldId) + ": the contact's current value cannot be read"
            + " back, and writing the contact without it would reset it; give the column a"
            + " value, or use --replace");
      }
    }
    if (!unsafe.isEmpty()) {
      return Decision.invalid(row.number, row.email, unsafe);
    }
    boolean changed = false;
    ContactDraft.Builder draft = ContactDraft.builder().email(row.email);
    if (row.name != null) {
      draft.name(row.name);
      changed |= !row.name.equals(existing.getName());
    }
    if (row.loginEnabled != null) {
      draft.loginEnabled(row.loginEnabled);
      changed |= !row.loginEnabled.equals(ContactColumns.loginEnabled(existing));
    }
    if (row.phone != null && !hasPhone(existing, row.phone)) {
      draft.phone(row.phoneKind, row.phone, true);
      changed = true;
    }
    for (CustomFieldDefinition field : columns.fields()) {
      CustomFieldValue wanted = row.fields.get(field.id());
      Optional<CustomFieldValue> now = current.get(field.id());
      if (wanted != null) {
        draft.customField(wanted);
        changed |= !same(wanted, now);
      } else if (now.isPresent()) {
        draft.customField(now.get());
      }
    }
    if (!changed) {
      return Decision.unchanged(row.number, row.email, existing.getId());
    }
    return Decision.send(row.number, row.email, Decision.Kind.UPDATE, draft.build(),
        existing.getId());
  }

  /**
   * Whether a contact as HappyFox holds it now already carries what the draft sends: used after
   * an interruption to tell a chunk that was applied from one that was not.
   */
  static boolean applied(ContactDraft draft, Contact now) {
    if (now == null) {
      return false;
    }
    if (draft.name().isPresent() && !draft.name().get().equals(now.getName())) {
      return false;
    }
    if (draft.loginEnabled().isPresent()
        && !draft.loginEnabled().get().equals(ContactColumns.loginEnabled(now))) {
      return false;
    }
    for (ContactDraft.Phone phone : draft.phones()) {
      if (!hasPhone(now, phone.number())) {
        return false;
      }
    }
    CustomFieldValues values = CustomFieldValues.from(now);
    for (CustomFieldValue value : draft.customFields()) {
      if (!same(value, values.get(value.fieldId()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(CustomFieldValue wanted, Optional<CustomFieldValue> now) {
    if (now.isEmpty()) {
      return wanted.isCleared();
    }
    return wanted.equals(now.get());
  }

  private static boolean hasPhone(Contact contact, String number) {
    String digits = digits(number);
    List<Phone> phones = new ArrayList<>();
    if (contact.getPhones() != null) {
      phones.addAll(contact.getPhones());
    }
    if (contact.getPrimaryPhone() != null) {
      phones.add(contact.getPrimaryPhone());
    }
    for (Phone phone : phones) {
      if (phone != null && phone.getNumber() != null
          && Objects.equals(digits(phone.getNumber()), digits)) {
        return true;
      }
    }
    return false;
  }

  private static String digits(String number) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < number.length(); i++) {
      if (Character.isDigit(number.charAt(i))) {
        digits.append(number.charAt(i));
      }
    }
    return digits.toString();
  }

  private List<String> requiredFieldProblems(ContactDraft draft) {
    List<String> problems = new ArrayList<>();
    for (String problem : required.problems(draft.customFields())) {
      problems.add(columns.describe(problem));
    }
    return problems;
  }
}
