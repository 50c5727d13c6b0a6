package io.github.hfcontacts.polyglot;

import com.squareup.moshi.Moshi;
import io.github.hfcontacts.client.BulkResult;
import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.CustomFieldDefinition;
import io.github.hfcontacts.client.CustomFieldValue;
import io.github.hfcontacts.client.FieldError;
import io.github.hfcontacts.client.FieldType;
import io.github.hfcontacts.client.GroupMember;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.ItemResult;
import io.github.hfcontacts.client.ValidationException;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conformance program of the project's facade, {@link HappyFoxClient}, for the steps where the
 * facade answers the wire's shapes: contacts and groups are the generated models (written back
 * with the project's Moshi), bulk upserts are reported per item as the facade reports them, and a
 * 400 is a {@link ValidationException} with its field errors. The other steps are run (the
 * scenario's state depends on them) but reported as not applicable, with the reason.
 *
 * <p>Arguments: scenario file, results file, API base URL, API key, auth code.
 */
public final class FacadeConformance {
  private static final Moshi MOSHI = HappyFoxMoshi.create();

  private final HappyFoxClient client;
  private Map<Long, FieldType> fieldTypes;

  private FacadeConformance(HappyFoxClient client) {
    this.client = client;
  }

  /**
   * Runs every step and writes the results file.
   *
   * @param args scenario file, results file, API base URL, API key, auth code
   */
  public static void main(String[] args) {
    try (HappyFoxClient client = HappyFoxClient.builder().baseUrl(args[2])
        .allowInsecureHttpForLoopback().credentials(args[3], args[4]).build()) {
      JvmProgram.run(args[0], args[1], new FacadeConformance(client)::perform);
    }
  }

  private void perform(Map<?, ?> step, Map<?, ?> params, Map<String, Object> result) {
    Object body = step.get("body");
    switch ((String) step.get("operation")) {
      case "listContactCustomFields":
        client.customFields().definitions();
        result.put("not_applicable", "the facade answers typed definitions"
            + " (CustomFieldDefinition): a type it does not know is FieldType.UNKNOWN by design");
        return;
      case "listContacts":
        client.contacts().list().stream().count();
        result.put("not_applicable", "the facade pages lazily (contacts().list()) and keeps no"
            + " page_info");
        return;
      case "getContact":
        result.put("observed", contact(client.contacts().getByEmail((String) params.get("contact"))));
        return;
      case "createOrUpdateContacts":
        if (body instanceof List) {
          List<ContactDraft> drafts = new ArrayList<>();
          for (Object one : (List<?>) body) {
            drafts.add(draft((Map<?, ?>) one));
          }
          result.put("observed", items(client.contacts()
              .upsertAllResettingOmittedCustomFields(drafts)));
          return;
        }
        try {
          result.put("observed", contact(client.contacts()
              .upsertResettingOmittedCustomFields(draft((Map<?, ?>) body))));
        } catch (ValidationException e) {
          if (!step.containsKey("expect_error")) {
            throw e;
          }
          Map<String, Object> observed = new LinkedHashMap<>();
          observed.put("status", e.statusCode().isPresent() ? e.statusCode().getAsInt() : null);
          observed.put("body", Map.of("error", fieldErrors(e.fieldErrors())));
          result.put("observed", observed);
        }
        return;
      case "updateContact":
        long id = client.contacts().getByEmail((String) params.get("contact")).getId();
        result.put("observed", contact(client.contacts()
            .updateResettingOmittedCustomFields(id, draft((Map<?, ?>) body))));
        return;
      case "addContactsToGroup":
        List<GroupMember> members = new ArrayList<>();
        for (Object one : (List<?>) body) {
          Map<?, ?> member = (Map<?, ?>) one;
          members.add(GroupMember.of(((Number) member.get("contact")).longValue(),
              Boolean.TRUE.equals(member.get("access_tickets"))));
        }
        client.contactGroups().addContacts(JvmProgram.groupId(params), members);
        result.put("not_applicable", "the facade reports each member as succeeded or rejected"
            + " (BulkResult), not the server's data objects; group-read checks the membership");
        return;
      case "getContactGroup":
        result.put("observed", MOSHI.adapter(ContactGroupDetail.class)
            .toJsonValue(client.contactGroups().get(JvmProgram.groupId(params))));
        return;
      case "removeContactsFromGroup":
        List<Long> ids = new ArrayList<>();
        for (Object one : (List<?>) ((Map<?, ?>) body).get("contacts")) {
          ids.add(((Number) one).longValue());
        }
        client.contactGroups().removeContacts(JvmProgram.groupId(params), ids);
        result.put("not_applicable", "the facade reports each id as succeeded or rejected"
            + " (BulkResult), not the server's data objects");
        return;
      default:
        throw new IllegalArgumentException("unknown operation " + step.get("operation"));
    }
  }

  private static Object contact(Contact contact) {
    return MOSHI.adapter(Contact.class).toJsonValue(contact);
  }

  /** A draft as code builds it: typed custom-field values, by the account's field types. */
  private ContactDraft draft(Map<?, ?> json) {
    ContactDraft.Builder draft = ContactDraft.builder();
    for (Map.Entry<?, ?> entry : json.entrySet()) {
      String key = (String) entry.getKey();
      Object value = entry.getValue();
      if (key.equals("name")) {
        draft.name((String) value);
      } else if (key.equals("email")) {
        draft.email((String) value);
      } else if (key.startsWith("c-cf-")) {
        draft.customField(customField(Long.parseLong(key.substring(5)), value));
      } else {
        throw new IllegalArgumentException("the program does not send " + key);
      }
    }
    return draft.build();
  }

  private CustomFieldValue customField(long fieldId, Object value) {
    if (fieldTypes == null) {
      fieldTypes = new LinkedHashMap<>();
      for (CustomFieldDefinition definition : client.customFields().definitions()) {
        fieldTypes.put(definition.id(), definition.type());
      }
    }
    switch (fieldTypes.getOrDefault(fieldId, FieldType.UNKNOWN)) {
      case NUMBER:
        return CustomFieldValue.number(fieldId, new BigDecimal(value.toString()));
      case CHOICE:
        return CustomFieldValue.choice(fieldId, ((Number) value).longValue());
      case MULTIPLE_CHOICE:
        List<Long> choices = new ArrayList<>();
        for (Object choice : (List<?>) value) {
          choices.add(((Number) choice).longValue());
        }
        return CustomFieldValue.multipleChoice(fieldId, choices);
      case DATE:
        return CustomFieldValue.date(fieldId, LocalDate.parse((String) value));
      default:
        // text, and a type the facade does not know (a string value is sent as text)
        return CustomFieldValue.text(fieldId, (String) value);
    }
  }

  private static List<Object> items(BulkResult<ContactDraft> bulk) {
    List<Object> items = new ArrayList<>();
    for (ItemResult<ContactDraft> item : bulk.items()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("email", item.input().email().orElse(null));
      one.put("success", item.succeeded());
      if (item.id().isPresent()) {
        one.put("id", item.id().getAsLong());
      }
      if (!item.errors().isEmpty()) {
        one.put("errors", fieldErrors(item.errors()));
      }
      items.add(one);
    }
    return items;
  }

  private static List<Object> fieldErrors(List<FieldError> errors) {
    List<Object> out = new ArrayList<>();
    for (FieldError error : errors) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("field", error.field());
      one.put("errors", error.messages());
      out.add(one);
    }
    return out;
  }
}
