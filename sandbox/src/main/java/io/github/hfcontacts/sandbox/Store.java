package io.github.hfcontacts.sandbox;

import com.squareup.moshi.JsonDataException;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomField;
import io.github.hfcontacts.openapi.model.ContactCustomFieldValue;
import io.github.hfcontacts.openapi.model.ContactGroup;
import io.github.hfcontacts.openapi.model.ContactGroupCreate;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import io.github.hfcontacts.openapi.model.ContactGroupMember;
import io.github.hfcontacts.openapi.model.ContactGroupMembership;
import io.github.hfcontacts.openapi.model.ContactGroupUpdate;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.model.ContactUpdate;
import io.github.hfcontacts.openapi.model.ContactUpsert;
import io.github.hfcontacts.openapi.model.ContactUpsertResponse;
import io.github.hfcontacts.openapi.model.ContactUpsertResult;
import io.github.hfcontacts.openapi.model.CustomFieldChoice;
import io.github.hfcontacts.openapi.model.FieldError;
import io.github.hfcontacts.openapi.model.GroupContactRemovalResult;
import io.github.hfcontacts.openapi.model.GroupContactUpdate;
import io.github.hfcontacts.openapi.model.GroupContactUpdateResult;
import io.github.hfcontacts.openapi.model.GroupMembershipData;
import io.github.hfcontacts.openapi.model.GroupRemovalData;
import io.github.hfcontacts.openapi.model.LoginFlag;
import io.github.hfcontacts.openapi.model.PageInfo;
import io.github.hfcontacts.openapi.model.Phone;
import io.github.hfcontacts.openapi.model.PhoneInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The sandbox account: contacts, groups and custom-field definitions, with HappyFox's rules.
 * Every method takes one lock, so each request is applied atomically and in arrival order.
 */
final class Store {
  static final int MAX_PAGE_SIZE = 50;
  static final int DEFAULT_PAGE_SIZE = 10;
  static final int MAX_BULK_ITEMS = 100;

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
  /** The phone types HappyFox knows (vendor section 4), in the order seeding picks from. */
  static final List<String> PHONE_TYPES =
      Collections.unmodifiableList(Arrays.asList("mo", "w", "m", "h", "o"));
  private static final Set<String> GROUP_EDIT_KEYS =
      new HashSet<>(Arrays.asList("description", "tagged_domains"));
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(
          java.time.ZoneOffset.UTC);

  private static final Map<String, Object> EMPTY_VALUE = emptyValue();

  private final Object lock = new Object();
  private final Clock clock;
  private final CustomFieldRules rules;
  private final int validationStatus;
  private final List<String> phoneTypes;
  private final TreeMap<Long, StoredContact> contacts = new TreeMap<>();
  private final Map<String, Long> byEmail = new HashMap<>();
  private final TreeMap<Long, StoredGroup> groups = new TreeMap<>();
  private long nextContactId = 1;
  private long nextPhoneId = 1;
  private long nextGroupId = 1;

  Store(Clock clock, CustomFieldRules rules, int validationStatus, boolean newerServer) {
    List<String> types = new ArrayList<>(PHONE_TYPES);
    if (newerServer) {
      types.add(NewerServer.PHONE_TYPE);
    }
    this.phoneTypes = Collections.unmodifiableList(types);
    this.clock = clock;
    this.rules = rules;
    this.validationStatus = validationStatus;
  }

  CustomFieldRules rules() {
    return rules;
  }

  // ---------------------------------------------------------------- state for tests and seeding

  /** Empties the account and fills it again with {@code seeding}, atomically for requests. */
  void reseed(Runnable seeding) {
    synchronized (lock) {
      clear();
      seeding.run();
    }
  }

  private void clear() {
    synchronized (lock) {
      contacts.clear();
      byEmail.clear();
      groups.clear();
      nextContactId = 1;
      nextPhoneId = 1;
      nextGroupId = 1;
    }
  }

  int contactCount() {
    synchronized (lock) {
      return contacts.size();
    }
  }

  int groupCount() {
    synchronized (lock) {
      return groups.size();
    }
  }

  /**
   * Adds a contact as is, with the next id and indexed by email: no validation, no automatic group
   * membership (seeding, and the create step of an upsert).
   */
  StoredContact addContact(String name, String email, Instant created, Instant updated) {
    synchronized (lock) {
      StoredContact contact = new StoredContact(nextContactId++, created);
      contact.name = name;
      contact.email = email;
      contact.updatedAt = updated;
      contacts.put(contact.id, contact);
      if (email != null) {
        byEmail.put(email.toLowerCase(Locale.ROOT), contact.id);
      }
      return contact;
    }
  }

  StoredPhone seedPhone(StoredContact contact, String type, String number, boolean primary) {
    synchronized (lock) {
      StoredPhone phone = new StoredPhone(nextPhoneId++, type, number);
      contact.phones.add(phone);
      if (primary || contact.primaryPhoneId == null) {
        contact.primaryPhoneId = phone.id;
      }
      return phone;
    }
  }

  StoredGroup seedGroup(String name, String description, String taggedDomains) {
    synchronized (lock) {
      StoredGroup group = new StoredGroup(nextGroupId++, name, description, taggedDomains);
      groups.put(group.id, group);
      return group;
    }
  }

  List<Contact> allContacts() {
    synchronized (lock) {
      List<Contact> all = new ArrayList<>();
      for (StoredContact contact : contacts.values()) {
        all.add(toModel(contact));
      }
      return all;
    }
  }

  List<ContactGroupDetail> allGroups() {
    synchronized (lock) {
      List<ContactGroupDetail> all = new ArrayList<>();
      for (StoredGroup group : groups.values()) {
        all.add(toDetail(group));
      }
      return all;
    }
  }

  // ---------------------------------------------------------------- contacts: reads

  Contact getContact(String ref) {
    synchronized (lock) {
      return toModel(find(ref));
    }
  }

  ContactPage listContacts(int size, int page, String q) {
    Predicate<StoredContact> filter = Search.parse(q);
    synchronized (lock) {
      List<StoredContact> matching = new ArrayList<>();
      for (StoredContact contact : contacts.values()) {
        if (filter.test(contact)) {
          matching.add(contact);
        }
      }
      int total = matching.size();
      int pageCount = (total + size - 1) / size;
      long from = (long) (page - 1) * size;
      List<Contact> data = new ArrayList<>();
      for (long i = from; i < Math.min(total, from + size); i++) {
        data.add(toModel(matching.get((int) i)));
      }
      PageInfo info = new PageInfo()
          .count(data.size())
          .pageCount(pageCount)
          .startIndex(data.isEmpty() ? 0 : (int) from + 1)
          .endIndex(data.isEmpty() ? 0 : (int) from + data.size())
          .lastIndex(total);
      return new ContactPage().pageInfo(info).data(data);
    }
  }

  private StoredContact find(String ref) {
    StoredContact contact = null;
    if (ref.matches("[0-9]{1,18}")) {
      contact = contacts.get(Long.parseLong(ref));
    } else if (ref.contains("@")) {
      contact = byEmailOrNull(ref);
    }
    if (contact == null) {
      throw ApiError.notFound("Contact " + ref + " does not exist.");
    }
    return contact;
  }

  // ---------------------------------------------------------------- contacts: upsert

  /** {@code POST /users/}: one object (the contact, or a validation error) or a list of results. */
  ContactUpsertResponse upsert(Object body) {
    synchronized (lock) {
      if (body instanceof Map) {
        Outcome outcome = upsertItem(body);
        if (outcome.errors != null) {
          throw outcome.errors.toError(validationStatus);
        }
        return ContactUpsertResponse.ofContact(toModel(outcome.contact));
      }
      if (!(body instanceof List)) {
        throw ApiError.badRequest(ApiError.NON_FIELD,
            "Expected a contact object or a list of at most 100 contact objects.");
      }
      List<?> items = (List<?>) body;
      if (items.isEmpty() || items.size() > MAX_BULK_ITEMS) {
        throw ApiError.badRequest(ApiError.NON_FIELD, "A list must hold 1 to " + MAX_BULK_ITEMS
            + " contacts; it holds " + items.size() + ".");
      }
      List<ContactUpsertResult> results = new ArrayList<>();
      for (Object item : items) {
        Outcome outcome = upsertItem(item);
        ContactUpsertResult result = new ContactUpsertResult().email(echoEmail(item));
        if (outcome.errors == null) {
          result.success(true).id(outcome.contact.id);
        } else {
          result.success(false).errors(outcome.errors.toModels());
        }
        results.add(result);
      }
      return ContactUpsertResponse.ofContactUpsertResultList(results);
    }
  }

  private static String echoEmail(Object item) {
    if (item instanceof Map) {
      Object email = ((Map<?, ?>) item).get("email");
      return email instanceof String ? (String) email : null;
    }
    return null;
  }

  private static final class Outcome {
    final StoredContact contact;
    final FieldErrors errors;

    Outcome(StoredContact contact, FieldErrors errors) {
      this.contact = contact;
      this.errors = errors;
    }
  }

  @SuppressWarnings("unchecked")
  private Outcome upsertItem(Object item) {
    FieldErrors errors = new FieldErrors();
    if (!(item instanceof Map)) {
      errors.add(ApiError.NON_FIELD, "Expected a contact object.");
      return new Outcome(null, errors);
    }
    Map<String, Object> raw = (Map<String, Object>) item;
    // Required keys are checked on the plain JSON first, whatever the model's decoder does.
    if (!raw.containsKey("email")) {
      errors.add("email", FieldErrors.REQUIRED);
      return new Outcome(null, errors);
    }
    ContactUpsert in;
    try {
      in = Json.decode(raw, ContactUpsert.class);
    } catch (JsonDataException e) {
      errors.add(Json.fieldOf(e), Json.messageOf(e));
      return new Outcome(null, errors);
    }
    List<PhoneInput> phones = in.getPhones() == null ? Collections.emptyList() : in.getPhones();
    String email = in.getEmail();
    if (email == null) {
      if (phones.isEmpty()) {
        errors.add("email", "This field is required: an email, or null with phones.");
      }
    } else if (!EMAIL.matcher(email).matches()) {
      errors.add("email", "Enter a valid email address.");
    }
    if (!errors.isEmpty()) {
      return new Outcome(null, errors);
    }
    StoredContact existing = email != null ? byEmailOrNull(email) : byPhones(phones);
    boolean creating = existing == null;
    String name = in.getName();
    if (raw.containsKey("name") ? name == null || name.trim().isEmpty() : creating) {
      errors.add("name", FieldErrors.REQUIRED);
    }
    Boolean login = loginFlag(raw, in.getIsLoginEnabled(), errors);
    checkPhones(phones, existing, errors);
    Map<Long, Object> values = rules.read(raw, errors, creating);
    if (!errors.isEmpty()) {
      return new Outcome(null, errors);
    }
    StoredContact contact = existing;
    if (creating) {
      Instant created = now();
      contact = addContact(name, email, created, created);
      joinTaggedGroups(contact);
    }
    if (name != null) {
      contact.name = name;
    }
    if (login != null) {
      contact.loginEnabled = login;
    }
    applyPhones(contact, phones);
    replaceCustomFields(contact, values);
    contact.updatedAt = now();
    return new Outcome(contact, null);
  }

  private StoredContact byEmailOrNull(String email) {
    Long id = byEmail.get(email.toLowerCase(Locale.ROOT));
    return id == null ? null : contacts.get(id);
  }

  /** A contact without email is matched by one of its phone numbers (digits only). */
  private StoredContact byPhones(List<PhoneInput> phones) {
    for (PhoneInput phone : phones) {
      if (phone.getNumber() == null) {
        continue;
      }
      String digits = StoredPhone.digits(phone.getNumber());
      if (digits.isEmpty()) {
        continue;
      }
      for (StoredContact contact : contacts.values()) {
        if (contact.email == null && contact.hasPhoneDigits(digits, true)) {
          return contact;
        }
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- contacts: edit one

  /** {@code POST /user/{contact}/}: edits the contact; custom fields left out are reset. */
  @SuppressWarnings("unchecked")
  Contact update(String ref, Object body) {
    synchronized (lock) {
      StoredContact contact = find(ref);
      if (!(body instanceof Map)) {
        throw ApiError.badRequest(ApiError.NON_FIELD, "Expected a contact object.");
      }
      Map<String, Object> raw = (Map<String, Object>) body;
      ContactUpdate in;
      try {
        in = Json.decode(raw, ContactUpdate.class);
      } catch (JsonDataException e) {
        throw ApiError.badRequest(Json.fieldOf(e), Json.messageOf(e));
      }
      FieldErrors errors = new FieldErrors();
      List<PhoneInput> phones = in.getPhones() == null ? Collections.emptyList() : in.getPhones();
      if (raw.containsKey("name") && (in.getName() == null || in.getName().trim().isEmpty())) {
        errors.add("name", FieldErrors.REQUIRED);
      }
      String email = in.getEmail();
      if (raw.containsKey("email")) {
        if (email == null) {
          // the contract: an edit cannot remove an email (null is only for phone-only upserts)
          errors.add("email", FieldErrors.NOT_NULL);
        } else if (!EMAIL.matcher(email).matches()) {
          errors.add("email", "Enter a valid email address.");
        } else {
          StoredContact other = byEmailOrNull(email);
          if (other != null && other != contact) {
            errors.add("email", "A contact with this email address already exists.");
          }
        }
      }
      for (PhoneInput phone : phones) {
        if (phone.getId() != null && (!raw.containsKey("email") || email == null)) {
          errors.add("email", "This field is required to edit a phone number by its id.");
          break;
        }
      }
      Boolean login = loginFlag(raw, in.getIsLoginEnabled(), errors);
      checkPhones(phones, contact, errors);
      Map<Long, Object> values = rules.read(raw, errors, false);
      if (!errors.isEmpty()) {
        throw errors.toError(validationStatus);
      }
      if (in.getName() != null) {
        contact.name = in.getName();
      }
      if (email != null) {
        if (contact.email != null) {
          byEmail.remove(contact.email.toLowerCase(Locale.ROOT));
        }
        contact.email = email;
        byEmail.put(email.toLowerCase(Locale.ROOT), contact.id);
      }
      if (login != null) {
        contact.loginEnabled = login;
      }
      applyPhones(contact, phones);
      replaceCustomFields(contact, values);
      contact.updatedAt = now();
      return toModel(contact);
    }
  }

  // ---------------------------------------------------------------- contacts: shared rules

  /**
   * The login flag a request sets, or null when it leaves it out. Any value other than the two
   * strings already failed in {@link Json#decode}; only an explicit null is left to refuse.
   */
  private static Boolean loginFlag(Map<String, Object> raw, LoginFlag flag, FieldErrors errors) {
    if (flag != null) {
      return flag == LoginFlag.TRUE;
    }
    if (raw.containsKey("is_login_enabled")) {
      errors.add("is_login_enabled",
          "Must be the string \"TRUE\" or \"FALSE\" (not a JSON boolean), was null.");
    }
    return null;
  }

  private void checkPhones(List<PhoneInput> phones, StoredContact contact, FieldErrors errors) {
    for (int i = 0; i < phones.size(); i++) {
      PhoneInput phone = phones.get(i);
      String label = "Phone " + (i + 1) + ": ";
      if (phone == null) {
        errors.add("phones", label + "expected an object.");
        continue;
      }
      String type = phone.getType();
      if (type != null && !phoneTypes.contains(type)) {
        errors.add("phones", label + "Select a valid choice. " + type
            + " is not one of the available choices (" + String.join(", ", phoneTypes) + ").");
      }
      // A new phone needs its number; an edit by id may change the type alone (vendor
      // section 14: "any component of the phone number field").
      boolean numberSent = phone.getNumber() != null || phone.getId() == null;
      if (numberSent && (phone.getNumber() == null || phone.getNumber().trim().isEmpty())) {
        errors.add("phones", label + "number: " + FieldErrors.REQUIRED);
      }
      if (phone.getId() != null && (contact == null || contact.phone(phone.getId()) == null)) {
        errors.add("phones", label + "no phone number with id " + phone.getId()
            + " belongs to this contact.");
      }
    }
  }

  private void applyPhones(StoredContact contact, List<PhoneInput> phones) {
    for (PhoneInput input : phones) {
      String type = input.getType();
      StoredPhone phone;
      if (input.getId() != null) {
        phone = contact.phone(input.getId());
        if (input.getNumber() != null) {
          phone.number = input.getNumber();
        }
        if (type != null) {
          phone.type = type;
        }
      } else {
        phone = new StoredPhone(nextPhoneId++, type == null ? "o" : type, input.getNumber());
        contact.phones.add(phone);
      }
      if (Boolean.TRUE.equals(input.getIsPrimary())) {
        contact.primaryPhoneId = phone.id;
      }
    }
    if (contact.primaryPhone() == null) {
      contact.primaryPhoneId = contact.phones.isEmpty() ? null : contact.phones.get(0).id;
    }
  }

  /** HappyFox resets every custom field that a write leaves out. */
  private static void replaceCustomFields(StoredContact contact, Map<Long, Object> values) {
    contact.customValues.clear();
    for (Map.Entry<Long, Object> value : values.entrySet()) {
      if (value.getValue() != null) {
        contact.customValues.put(value.getKey(), value.getValue());
      }
    }
  }

  private void joinTaggedGroups(StoredContact contact) {
    if (contact.email == null) {
      return;
    }
    String domain = contact.email.substring(contact.email.lastIndexOf('@') + 1)
        .toLowerCase(Locale.ROOT);
    for (StoredGroup group : groups.values()) {
      if (group.domains().contains(domain)) {
        group.members.putIfAbsent(contact.id, Boolean.FALSE);
      }
    }
  }

  // ---------------------------------------------------------------- groups

  List<ContactGroup> listGroups() {
    synchronized (lock) {
      List<ContactGroup> list = new ArrayList<>();
      for (StoredGroup group : groups.values()) {
        list.add(new ContactGroup().id(group.id).name(group.name).description(group.description)
            .taggedDomains(group.taggedDomains));
      }
      return list;
    }
  }

  ContactGroupDetail getGroup(long id) {
    synchronized (lock) {
      return toDetail(findGroup(id));
    }
  }

  ContactGroupDetail createGroup(Object body) {
    synchronized (lock) {
      if (!(body instanceof Map)) {
        throw ApiError.badRequest(ApiError.NON_FIELD, "Expected a contact group object.");
      }
      Object rawName = ((Map<?, ?>) body).get("name");
      if (!(rawName instanceof String) || ((String) rawName).trim().isEmpty()) {
        throw ApiError.of(validationStatus, "name", FieldErrors.REQUIRED);
      }
      ContactGroupCreate in;
      try {
        in = Json.decode(body, ContactGroupCreate.class);
      } catch (JsonDataException e) {
        throw ApiError.badRequest(Json.fieldOf(e), Json.messageOf(e));
      }
      String name = in.getName();
      for (StoredGroup group : groups.values()) {
        if (group.name.equalsIgnoreCase(name.trim())) {
          throw ApiError.of(validationStatus, "name",
              "Contact group with this name already exists.");
        }
      }
      StoredGroup group = new StoredGroup(nextGroupId++, name.trim(),
          in.getDescription() == null ? "" : in.getDescription(),
          in.getTaggedDomains() == null ? "" : in.getTaggedDomains());
      groups.put(group.id, group);
      return toDetail(group);
    }
  }

  ContactGroupDetail updateGroup(long id, Object body) {
    synchronized (lock) {
      StoredGroup group = findGroup(id);
      if (!(body instanceof Map)) {
        throw ApiError.badRequest(ApiError.NON_FIELD, "Expected a contact group object.");
      }
      FieldErrors errors = new FieldErrors();
      for (Object key : ((Map<?, ?>) body).keySet()) {
        if ("name".equals(key)) {
          errors.add("name", "A contact group cannot be renamed: only description and"
              + " tagged_domains can be edited.");
        } else if (!GROUP_EDIT_KEYS.contains(key)) {
          errors.add(String.valueOf(key), "Unknown field: only description and tagged_domains"
              + " can be edited.");
        }
      }
      if (!errors.isEmpty()) {
        throw errors.toError(validationStatus);
      }
      ContactGroupUpdate in;
      try {
        in = Json.decode(body, ContactGroupUpdate.class);
      } catch (JsonDataException e) {
        throw ApiError.badRequest(Json.fieldOf(e), Json.messageOf(e));
      }
      if (in.getDescription() != null) {
        group.description = in.getDescription();
      }
      if (in.getTaggedDomains() != null) {
        group.taggedDomains = in.getTaggedDomains();
      }
      return toDetail(group);
    }
  }

  List<GroupContactUpdateResult> addToGroup(long id, Object body) {
    synchronized (lock) {
      StoredGroup group = findGroup(id);
      if (!(body instanceof List)) {
        throw ApiError.badRequest(ApiError.NON_FIELD,
            "Expected a list of at most 100 {\"contact\": id, \"access_tickets\": bool} items.");
      }
      List<?> items = (List<?>) body;
      if (items.isEmpty() || items.size() > MAX_BULK_ITEMS) {
        throw ApiError.badRequest(ApiError.NON_FIELD, "A list must hold 1 to " + MAX_BULK_ITEMS
            + " items; it holds " + items.size() + ".");
      }
      List<GroupContactUpdateResult> results = new ArrayList<>();
      for (Object item : items) {
        results.add(addOne(group, item));
      }
      return results;
    }
  }

  private GroupContactUpdateResult addOne(StoredGroup group, Object item) {
    GroupContactUpdateResult result = new GroupContactUpdateResult().success(false);
    if (!(item instanceof Map)) {
      return result.addErrorsItem(fieldError(ApiError.NON_FIELD, "Expected an object."));
    }
    if (((Map<?, ?>) item).get("contact") == null) {
      return result.addErrorsItem(fieldError("contact", FieldErrors.REQUIRED));
    }
    GroupContactUpdate in;
    try {
      in = Json.decode(item, GroupContactUpdate.class);
    } catch (JsonDataException e) {
      return result.addErrorsItem(fieldError(Json.fieldOf(e), Json.messageOf(e)));
    }
    if (!contacts.containsKey(in.getContact())) {
      return result.addErrorsItem(fieldError("contact", CustomFieldRules.INVALID_CHOICE));
    }
    boolean access = Boolean.TRUE.equals(in.getAccessTickets());
    group.members.put(in.getContact(), access);
    return result.success(true)
        .data(new GroupMembershipData().contact(in.getContact()).accessTickets(access));
  }

  List<GroupContactRemovalResult> removeFromGroup(long id, Object body) {
    synchronized (lock) {
      StoredGroup group = findGroup(id);
      Object ids = body instanceof Map ? ((Map<?, ?>) body).get("contacts") : null;
      if (!(ids instanceof List)) {
        throw ApiError.badRequest("contacts", FieldErrors.REQUIRED + " Send {\"contacts\": [ids]}.");
      }
      List<Long> contactIds = new ArrayList<>();
      for (Object raw : (List<?>) ids) {
        Long contactId = raw instanceof Long ? (Long) raw
            : raw instanceof BigDecimal ? exactLong((BigDecimal) raw) : null;
        if (contactId == null || contactId < 1) {
          throw ApiError.badRequest("contacts", "A valid integer is required, not " + raw + ".");
        }
        contactIds.add(contactId);
      }
      if (contactIds.isEmpty()) {
        throw ApiError.badRequest("contacts", "The list of contacts must not be empty.");
      }
      List<GroupContactRemovalResult> results = new ArrayList<>();
      for (Long contactId : contactIds) {
        String message;
        boolean removed = false;
        if (!contacts.containsKey(contactId)) {
          message = "Contact does not exist";
        } else if (group.members.remove(contactId) == null) {
          message = "Contact not part of the contact group";
        } else {
          message = "Successfully removed contact from group";
          removed = true;
        }
        results.add(new GroupContactRemovalResult().success(removed)
            .data(new GroupRemovalData().message(message).contact(contactId)));
      }
      return results;
    }
  }

  private static Long exactLong(BigDecimal value) {
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  private StoredGroup findGroup(long id) {
    StoredGroup group = groups.get(id);
    if (group == null) {
      throw ApiError.notFound("Contact group " + id + " does not exist.");
    }
    return group;
  }

  private static FieldError fieldError(String field, String message) {
    return new FieldError().field(field).addErrorsItem(message);
  }

  // ---------------------------------------------------------------- custom fields

  List<ContactCustomField> customFieldDefinitions() {
    List<ContactCustomField> list = new ArrayList<>();
    int order = 1;
    for (SandboxCustomField field : rules.fields()) {
      ContactCustomField model = new ContactCustomField()
          .id(field.id())
          .name(field.name())
          .type(field.type().wireName())
          .required(field.isRequired())
          .order(order++)
          .visibleToStaffOnly(field.isVisibleToStaffOnly())
          .dependsOnChoice(field.dependsOnChoice());
      if (field.type().hasChoices()) {
        List<CustomFieldChoice> choices = new ArrayList<>();
        for (Map.Entry<Long, String> choice : field.choices().entrySet()) {
          List<Object> dependants = new ArrayList<>();
          for (SandboxCustomField other : rules.fields()) {
            if (choice.getKey().equals(other.dependsOnChoice())) {
              dependants.add(other.id());
            }
          }
          choices.add(new CustomFieldChoice().id(choice.getKey()).text(choice.getValue())
              .dependantFields(dependants));
        }
        model.choices(choices);
      } else {
        model.choices(null);
      }
      list.add(model);
    }
    return list;
  }

  // ---------------------------------------------------------------- models

  private Contact toModel(StoredContact contact) {
    Contact model = new Contact()
        .id(contact.id)
        .name(contact.name)
        .email(contact.email)
        .createdAt(TIMESTAMP.format(contact.createdAt))
        .updatedAt(TIMESTAMP.format(contact.updatedAt))
        .pendingTicketsCount(contact.pendingTicketsCount)
        .ticketsCount(contact.ticketsCount)
        .isLoginEnabled((contact.loginEnabled ? LoginFlag.TRUE : LoginFlag.FALSE).getValue());
    List<Phone> phones = new ArrayList<>();
    for (StoredPhone phone : contact.phones) {
      phones.add(phone(phone));
    }
    model.phones(phones);
    StoredPhone primary = contact.primaryPhone();
    model.primaryPhone(primary == null ? null : phone(primary));
    List<ContactGroupMembership> memberships = new ArrayList<>();
    for (StoredGroup group : groups.values()) {
      Boolean access = group.members.get(contact.id);
      if (access != null) {
        memberships.add(new ContactGroupMembership().id(group.id).name(group.name)
            .description(group.description).taggedDomains(group.taggedDomains)
            .accessAllTicketsInGroup(access));
      }
    }
    model.contactGroups(memberships);
    List<ContactCustomFieldValue> values = new ArrayList<>();
    for (SandboxCustomField field : rules.fields()) {
      values.add(customFieldValue(field, contact.customValues.get(field.id())));
    }
    model.customFields(values);
    return model;
  }

  private static Phone phone(StoredPhone phone) {
    return new Phone().id(phone.id).type(phone.type).number(phone.number);
  }

  private static ContactCustomFieldValue customFieldValue(SandboxCustomField field, Object value) {
    // value and value_id are written as explicit nulls when empty, as in the vendor's examples
    // (value_id is null for fields without choices); an "any value" property of the generated
    // models keeps an explicit null only when read from JSON.
    ContactCustomFieldValue model = Json.decodeValue(EMPTY_VALUE, ContactCustomFieldValue.class);
    model.id(field.id())
        .name(field.name())
        .type(field.type().wireName())
        .visibleToStaffOnly(field.isVisibleToStaffOnly());
    if (value == null) {
      return model;
    }
    switch (field.type()) {
      case CHOICE:
        return model.value(field.choices().get(value)).valueId(value);
      case MULTIPLE_CHOICE:
        List<Object> texts = new ArrayList<>();
        for (Object id : (List<?>) value) {
          texts.add(field.choices().get(id));
        }
        return model.value(texts).valueId(new ArrayList<>((List<?>) value));
      default:
        return model.value(value).valueId(null);
    }
  }

  private ContactGroupDetail toDetail(StoredGroup group) {
    List<ContactGroupMember> members = new ArrayList<>();
    for (Map.Entry<Long, Boolean> member : group.members.entrySet()) {
      StoredContact contact = contacts.get(member.getKey());
      if (contact != null) {
        members.add(new ContactGroupMember().id(contact.id).name(contact.name)
            .email(contact.email).accessTickets(member.getValue()));
      }
    }
    return new ContactGroupDetail().id(group.id).name(group.name).description(group.description)
        .taggedDomains(group.taggedDomains).contacts(members);
  }

  private static Map<String, Object> emptyValue() {
    Map<String, Object> empty = new HashMap<>();
    // "id" is required by the model; the caller overwrites it with the field's id.
    empty.put("id", 1L);
    empty.put("value", null);
    empty.put("value_id", null);
    return Collections.unmodifiableMap(empty);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
