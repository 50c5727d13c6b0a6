package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.api.ContactGroupsApi;
import io.github.hfcontacts.openapi.api.ContactsApi;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import io.github.hfcontacts.openapi.model.ContactGroupMember;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads back what HappyFox holds for bulk items whose request's outcome is unknown, and says
 * whether each was applied as sent (see {@link BulkRunner}).
 */
final class BulkReadBack {
  private BulkReadBack() {}

  /**
   * Whether the contact with the draft's email holds every field the draft sets, and no other
   * custom field (an upsert resets those it leaves out).
   */
  static BulkRunner.Verdict upsert(ContactDraft draft, CallExecutor executor, ContactsApi api) {
    String email = draft.email().orElseThrow();
    Contact contact;
    try {
      contact = executor.execute(api.getContact(email));
    } catch (NotFoundException e) {
      return BulkRunner.Verdict.notApplied("no contact has this email");
    } catch (HappyFoxException e) {
      return BulkRunner.Verdict.unknown("reading it back failed: " + e.getMessage());
    }
    String difference = difference(draft, contact);
    if (difference != null) {
      return BulkRunner.Verdict.notApplied(difference);
    }
    if (draft.loginEnabled().isPresent()) {
      Boolean held = loginFlag(contact.getIsLoginEnabled());
      if (held == null) {
        // HappyFox's documented responses do not carry the flag: what was sent cannot be seen.
        return BulkRunner.Verdict.unknown(
            "the contact's is_login_enabled cannot be read back (not in the answer)");
      }
      if (!held.equals(draft.loginEnabled().get())) {
        return BulkRunner.Verdict.notApplied("the contact's is_login_enabled differs");
      }
    }
    return BulkRunner.Verdict.applied(contact.getId());
  }

  /**
   * The login permission a contact response carries, or null when it carries none that can be
   * read: the contract leaves its form open, so the strings {@code "TRUE"}/{@code "FALSE"} (as
   * requests send them, in any case) and JSON booleans are both read.
   */
  private static Boolean loginFlag(Object answered) {
    if (answered instanceof Boolean) {
      return (Boolean) answered;
    }
    if (answered instanceof String) {
      String text = ((String) answered).trim();
      if (text.equalsIgnoreCase("TRUE")) {
        return Boolean.TRUE;
      }
      if (text.equalsIgnoreCase("FALSE")) {
        return Boolean.FALSE;
      }
    }
    return null;
  }

  /**
   * What the contact holds differently from the draft, or null when it holds the draft, apart
   * from the login permission, which a response may not carry (see {@link #loginFlag(Object)}).
   */
  static String difference(ContactDraft draft, Contact contact) {
    String email = draft.email().orElse(null);
    if (email != null && (contact.getEmail() == null
        || !normalEmail(email).equals(normalEmail(contact.getEmail())))) {
      return "the contact found has another email";
    }
    if (draft.name().isPresent() && !draft.name().get().equals(contact.getName())) {
      return "the contact's name differs";
    }
    CustomFieldValues current = CustomFieldValues.from(contact);
    for (CustomFieldValue sent : draft.customFields()) {
      Optional<CustomFieldValue> held = current.get(sent.fieldId());
      boolean same = held.map(sent::equals).orElse(sent.isCleared()
          && !current.unreadableFieldIds().contains(sent.fieldId()));
      if (!same) {
        return "the contact's " + sent.key() + " differs";
      }
    }
    for (CustomFieldValue other : current.all()) {
      if (draft.customField(other.fieldId()).isEmpty() && !other.isCleared()) {
        return "the contact's " + other.key() + " was not reset";
      }
    }
    for (Long unreadable : current.unreadableFieldIds()) {
      if (draft.customField(unreadable).isEmpty()) {
        return "the contact's " + CustomFieldValue.key(unreadable) + " was not reset";
      }
    }
    return null;
  }

  /** An email as the bulk checks compare them: trimmed, in lower case. */
  static String normalEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /** The group's members: contact id to access_tickets. */
  static Map<Long, Boolean> members(long groupId, CallExecutor executor, ContactGroupsApi api) {
    ContactGroupDetail group = executor.execute(api.getContactGroup(groupId));
    Map<Long, Boolean> members = new HashMap<>();
    if (group.getContacts() != null) {
      for (ContactGroupMember member : group.getContacts()) {
        if (member != null && member.getId() != null) {
          members.put(member.getId(), Boolean.TRUE.equals(member.getAccessTickets()));
        }
      }
    }
    return members;
  }

  static BulkRunner.Verdict added(GroupMember member, Map<Long, Boolean> members) {
    Boolean access = members.get(member.contactId());
    if (access == null) {
      return BulkRunner.Verdict.notApplied("the contact is not a member of the group");
    }
    if (access != member.accessTickets()) {
      return BulkRunner.Verdict.notApplied("the member's access_tickets is " + access);
    }
    return BulkRunner.Verdict.applied(member.contactId());
  }

  static BulkRunner.Verdict removed(long contactId, Set<Long> members) {
    return members.contains(contactId)
        ? BulkRunner.Verdict.notApplied("the contact is still a member of the group")
        : BulkRunner.Verdict.applied(contactId);
  }
}
