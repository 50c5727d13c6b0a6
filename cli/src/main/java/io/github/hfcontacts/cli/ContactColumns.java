package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.CustomFieldDefinition;
import io.github.hfcontacts.client.CustomFieldValue;
import io.github.hfcontacts.client.CustomFieldValues;
import io.github.hfcontacts.client.FieldType;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomFieldValue;
import io.github.hfcontacts.openapi.model.ContactGroupMembership;
import io.github.hfcontacts.openapi.model.Phone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of an export and of an import file: the contact's own fields, then one column per
 * custom field, named after the field ({@code Account Number}); a name that collides with another
 * column, or is empty, becomes {@code Name (c-cf-<id>)} or {@code c-cf-<id>}. An import also
 * accepts {@code c-cf-<id>} for any field.
 *
 * <p>Values: text as is; numbers as plain decimals; a choice by its label; multiple choices by
 * their labels separated by {@code "; "} (a JSON array in JSON Lines); dates as
 * {@code yyyy-mm-dd}; an empty field as an empty cell ({@code null} in JSON Lines).
 */
final class ContactColumns {
  static final String ID = "id";
  static final String NAME = "name";
  static final String EMAIL = "email";
  static final String PHONE = "phone";
  static final String PHONE_TYPE = "phone_type";
  static final String LOGIN_ENABLED = "login_enabled";
  static final String GROUPS = "groups";
  static final String TICKETS = "tickets_count";
  static final String PENDING_TICKETS = "pending_tickets_count";
  static final String CREATED_AT = "created_at";
  static final String UPDATED_AT = "updated_at";

  /** The contact's own columns, in export order. */
  static final List<String> STANDARD = List.of(ID, NAME, EMAIL, PHONE, PHONE_TYPE, LOGIN_ENABLED,
      GROUPS, TICKETS, PENDING_TICKETS, CREATED_AT, UPDATED_AT);
  /** Columns an import reads. */
  static final List<String> IMPORTED = List.of(NAME, EMAIL, PHONE, PHONE_TYPE, LOGIN_ENABLED);
  /** Columns an export writes that an import skips (HappyFox sets them). */
  static final List<String> READ_ONLY =
      List.of(ID, GROUPS, TICKETS, PENDING_TICKETS, CREATED_AT, UPDATED_AT);

  static final String MULTIPLE_SEPARATOR = "; ";
  private static final Pattern KEY = Pattern.compile("c-cf-([1-9][0-9]{0,17})");
  private static final Pattern LABEL =
      Pattern.compile("c-cf-([1-9][0-9]{0,17})(?: \\(\"[^\"]*\"\\))?");

  private final List<CustomFieldDefinition> fields;
  private final List<String> fieldColumns;
  private final Map<String, CustomFieldDefinition> byColumn = new HashMap<>();
  private final Map<Long, CustomFieldDefinition> byId = new LinkedHashMap<>();

  ContactColumns(List<CustomFieldDefinition> definitions) {
    this.fields = List.copyOf(definitions);
    Map<String, Integer> nameCounts = new HashMap<>();
    for (CustomFieldDefinition field : fields) {
      nameCounts.merge(normalise(field.name()), 1, Integer::sum);
    }
    List<String> columns = new ArrayList<>();
    for (CustomFieldDefinition field : fields) {
      String name = field.name().strip();
      String key = key(field.id());
      String column;
      if (name.isEmpty()) {
        column = key;
      } else if (nameCounts.get(normalise(name)) > 1 || STANDARD.contains(normalise(name))
          || KEY.matcher(normalise(name)).matches()) {
        column = name + " (" + key + ")";
      } else {
        column = name;
      }
      columns.add(column);
      byColumn.put(normalise(column), field);
      byColumn.put(key, field);
      byId.put(field.id(), field);
    }
    this.fieldColumns = Collections.unmodifiableList(columns);
  }

  /** Every column of an export, in order. */
  List<String> headers() {
    List<String> headers = new ArrayList<>(STANDARD);
    headers.addAll(fieldColumns);
    return headers;
  }

  List<CustomFieldDefinition> fields() {
    return fields;
  }

  List<String> fieldColumns() {
    return fieldColumns;
  }

  Optional<CustomFieldDefinition> field(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The column name of a custom field, for messages ({@code Region ID}). */
  String columnOf(long fieldId) {
    int index = 0;
    for (CustomFieldDefinition field : fields) {
      if (field.id() == fieldId) {
        return fieldColumns.get(index);
      }
      index++;
    }
    return key(fieldId);
  }

  /**
   * Names columns instead of wire keys in a message from the client or from HappyFox:
   * {@code c-cf-5 ("Region ID"): ...} becomes {@code Region ID: ...}.
   */
  String describe(String message) {
    Matcher matcher = LABEL.matcher(message);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      long id;
      try {
        id = Long.parseLong(matcher.group(1));
      } catch (NumberFormatException e) {
        continue;
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(
          byId.containsKey(id) ? columnOf(id) : matcher.group()));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** What an import does with a column. */
  enum Role {
    IMPORTED, READ_ONLY, CUSTOM_FIELD, UNKNOWN
  }

  /** A column of an import file, bound to what it means. */
  static final class Binding {
    final String header;
    final Role role;
    final String standard;
    final CustomFieldDefinition field;

    Binding(String header, Role role, String standard, CustomFieldDefinition field) {
      this.header = header;
      this.role = role;
      this.standard = standard;
      this.field = field;
    }
  }

  /** Binds an import column by name (case and surrounding spaces ignored). */
  Binding bind(String header) {
    String normalised = normalise(header);
    if (IMPORTED.contains(normalised)) {
      return new Binding(header, Role.IMPORTED, normalised, null);
    }
    if (READ_ONLY.contains(normalised)) {
      return new Binding(header, Role.READ_ONLY, normalised, null);
    }
    CustomFieldDefinition field = byColumn.get(normalised);
    if (field != null) {
      return new Binding(header, Role.CUSTOM_FIELD, null, field);
    }
    return new Binding(header, Role.UNKNOWN, null, null);
  }

  /** Explains an unknown column, listing what would be accepted. */
  String unknownColumnMessage(String header) {
    StringBuilder message = new StringBuilder("column \"").append(header).append("\" is neither a"
        + " contact column (").append(String.join(", ", IMPORTED)).append(") nor a custom field");
    if (fieldColumns.isEmpty()) {
      message.append(" (the account has no contact custom fields)");
    } else {
      message.append(" (the account's: ");
      for (int i = 0; i < fieldColumns.size(); i++) {
        if (i > 0) {
          message.append(", ");
        }
        message.append('"').append(fieldColumns.get(i)).append('"');
        if (i == 11 && fieldColumns.size() > 12) {
          message.append(", ... ").append(fieldColumns.size() - 12).append(" more");
          break;
        }
      }
      message.append(')');
    }
    return message.toString();
  }

  /** The wire key of a custom field: {@code c-cf-4}. */
  static String key(long fieldId) {
    return "c-cf-" + fieldId;
  }

  static String normalise(String header) {
    String stripped = header.strip();
    if (!stripped.isEmpty() && stripped.charAt(0) == '\uFEFF') {
      stripped = stripped.substring(1).strip();
    }
    return stripped.toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------- export

  /** The cells of one contact, in {@link #headers()} order: strings, lists, numbers or null. */
  List<Object> values(Contact contact) {
    List<Object> row = new ArrayList<>(STANDARD.size() + fields.size());
    Phone primary = primaryPhone(contact);
    row.add(contact.getId());
    row.add(contact.getName());
    row.add(contact.getEmail());
    row.add(primary == null ? null : primary.getNumber());
    row.add(primary == null || primary.getType() == null ? null : String.valueOf(primary.getType()));
    row.add(loginEnabled(contact));
    row.add(groupNames(contact));
    row.add(contact.getTicketsCount());
    row.add(contact.getPendingTicketsCount());
    row.add(contact.getCreatedAt());
    row.add(contact.getUpdatedAt());
    CustomFieldValues values = CustomFieldValues.from(contact);
    Map<Long, ContactCustomFieldValue> raw = new HashMap<>();
    if (contact.getCustomFields() != null) {
      for (ContactCustomFieldValue item : contact.getCustomFields()) {
        if (item != null && item.getId() != null) {
          raw.put(item.getId(), item);
        }
      }
    }
    for (CustomFieldDefinition field : fields) {
      Optional<CustomFieldValue> value = values.get(field.id());
      if (value.isPresent()) {
        row.add(exportValue(field, value.get(), raw.get(field.id())));
      } else {
        ContactCustomFieldValue item = raw.get(field.id());
        // Unreadable as its type: keep what HappyFox showed rather than lose it.
        row.add(item == null || item.getValue() == null ? null : String.valueOf(item.getValue()));
      }
    }
    return row;
  }

  private static Phone primaryPhone(Contact contact) {
    if (contact.getPrimaryPhone() != null && contact.getPrimaryPhone().getNumber() != null) {
      return contact.getPrimaryPhone();
    }
    if (contact.getPhones() != null) {
      for (Phone phone : contact.getPhones()) {
        if (phone != null && phone.getNumber() != null) {
          return phone;
        }
      }
    }
    return null;
  }

  static Boolean loginEnabled(Contact contact) {
    if (contact.getIsLoginEnabled() == null) {
      return null;
    }
    String flag = String.valueOf(contact.getIsLoginEnabled());
    if (flag.equalsIgnoreCase("TRUE")) {
      return Boolean.TRUE;
    }
    if (flag.equalsIgnoreCase("FALSE")) {
      return Boolean.FALSE;
    }
    return null;
  }

  private static List<String> groupNames(Contact contact) {
    List<String> names = new ArrayList<>();
    if (contact.getContactGroups() != null) {
      for (ContactGroupMembership group : contact.getContactGroups()) {
        if (group != null && group.getName() != null) {
          names.add(group.getName());
        }
      }
    }
    return names;
  }

  private static Object exportValue(
      CustomFieldDefinition field, CustomFieldValue value, ContactCustomFieldValue raw) {
    if (value.isCleared()) {
      return null;
    }
    switch (value.type().orElse(FieldType.UNKNOWN)) {
      case TEXT:
        return value.asText();
      case NUMBER:
        return value.asNumber();
      case CHOICE:
        return field.choice(value.asChoice()).map(CustomFieldDefinition.Choice::text)
            .orElse(raw != null && raw.getValue() != null ? String.valueOf(raw.getValue())
                : String.valueOf(value.asChoice()));
      case MULTIPLE_CHOICE:
        List<String> labels = new ArrayList<>();
        for (long id : value.asChoices()) {
          labels.add(field.choice(id).map(CustomFieldDefinition.Choice::text)
              .orElse(String.valueOf(id)));
        }
        return labels;
      case DATE:
        return value.asDate().toString();
      default:
        return raw == null ? null : raw.getValue();
    }
  }

  /** One cell as CSV text. */
  static String csvText(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof List) {
      List<String> parts = new ArrayList<>();
      for (Object part : (List<?>) value) {
        parts.add(String.valueOf(part));
      }
      return String.join(MULTIPLE_SEPARATOR, parts);
    }
    return String.valueOf(value);
  }

  // ---------------------------------------------------------------- import

  /**
   * Reads one custom-field cell. {@code cell} is a String (CSV, or a JSON scalar), a List of
   * Strings (a JSON array) or {@link Cells#NULL} (JSON null: clear the field).
   *
   * @return the value, or {@code null} when the cell is empty (keep the field as it is)
   * @throws IllegalArgumentException with a reason fit for the report
   */
  CustomFieldValue parse(CustomFieldDefinition field, Object cell) {
    if (cell == Cells.NULL) {
      return CustomFieldValue.cleared(field.id());
    }
    if (cell instanceof String && ((String) cell).isBlank()) {
      return null;
    }
    String column = columnOf(field.id());
    try {
      switch (field.type()) {
        case TEXT:
          return CustomFieldValue.text(field.id(), scalar(column, cell));
        case NUMBER:
          return CustomFieldValue.number(field.id(), number(column, scalar(column, cell)));
        case CHOICE:
          return CustomFieldValue.choice(field.id(), choice(column, field, scalar(column, cell)));
        case MULTIPLE_CHOICE:
          List<Long> ids = new ArrayList<>();
          for (String label : labels(cell)) {
            long id = choice(column, field, label);
            if (ids.contains(id)) {
              throw new IllegalArgumentException(
                  column + ": \"" + label + "\" is given twice");
            }
            ids.add(id);
          }
          return CustomFieldValue.multipleChoice(field.id(), ids);
        case DATE:
          return CustomFieldValue.date(field.id(), date(column, scalar(column, cell)));
        default:
          throw new IllegalArgumentException(column + ": the field's type is not one this tool"
              + " knows, so its values cannot be checked; leave the column empty");
      }
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new IllegalArgumentException(message.startsWith(column + ":") ? message
          : column + ": " + message.replace(key(field.id()) + ": ", ""), e);
    }
  }

  private static String scalar(String column, Object cell) {
    if (cell instanceof String) {
      return (String) cell;
    }
    throw new IllegalArgumentException(column + ": a list is not allowed for this field");
  }

  private static BigDecimal number(String column, String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(column + ": \"" + text + "\" is not a number", e);
    }
  }

  private static LocalDate date(String column, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          column + ": \"" + text + "\" is not a date as yyyy-mm-dd", e);
    }
  }

  private static long choice(String column, CustomFieldDefinition field, String label) {
    String wanted = label.strip();
    Optional<CustomFieldDefinition.Choice> byText = field.choiceByText(wanted);
    if (byText.isPresent()) {
      return byText.get().id();
    }
    if (wanted.matches("[1-9][0-9]{0,17}") && field.choice(Long.parseLong(wanted)).isPresent()) {
      return Long.parseLong(wanted);
    }
    List<String> known = new ArrayList<>();
    for (CustomFieldDefinition.Choice choice : field.choices()) {
      known.add(choice.text());
    }
    throw new IllegalArgumentException(column + ": \"" + label + "\" is not one of its choices ("
        + String.join(", ", known) + ")");
  }

  private static List<String> labels(Object cell) {
    List<String> labels = new ArrayList<>();
    if (cell instanceof List) {
      for (Object item : (List<?>) cell) {
        labels.add(String.valueOf(item));
      }
      return labels;
    }
    for (String part : ((String) cell).split(";", -1)) {
      if (!part.isBlank()) {
        labels.add(part.strip());
      }
    }
    return labels;
  }
}
