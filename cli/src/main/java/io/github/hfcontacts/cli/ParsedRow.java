package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.CustomFieldValue;
import io.github.hfcontacts.client.PhoneKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One import row checked and typed: the email (the upsert key), the contact's own fields the row
 * sets, its custom-field values (only non-empty cells; a JSON null clears) and every problem
 * found. A row with problems is never sent.
 */
final class ParsedRow {
  // Practical address syntax: dot-atom local part, dotted domain with a TLD of 2+ letters.
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+"
          + "[\\p{L}][\\p{L}\\p{N}-]{0,62}");

  final long number;
  final String email;
  final String name;
  final String phone;
  final PhoneKind phoneKind;
  final Boolean loginEnabled;
  final Map<Long, CustomFieldValue> fields;
  final List<String> problems;

  private ParsedRow(long number, String email, String name, String phone, PhoneKind phoneKind,
      Boolean loginEnabled, Map<Long, CustomFieldValue> fields, List<String> problems) {
    this.number = number;
    this.email = email;
    this.name = name;
    this.phone = phone;
    this.phoneKind = phoneKind;
    this.loginEnabled = loginEnabled;
    this.fields = Collections.unmodifiableMap(fields);
    this.problems = Collections.unmodifiableList(problems);
  }

  boolean valid() {
    return problems.isEmpty();
  }

  /** The email as HappyFox matches it: case does not matter. */
  String emailKey() {
    return email == null ? null : email.toLowerCase(Locale.ROOT);
  }

  /** A copy of this row with one more problem (found when planning). */
  ParsedRow withProblem(String problem) {
    List<String> more = new ArrayList<>(problems);
    more.add(problem);
    return new ParsedRow(number, email, name, phone, phoneKind, loginEnabled,
        new LinkedHashMap<>(fields), more);
  }

  /** The draft that sends exactly this row (the row's cells, nothing more). */
  ContactDraft.Builder draft() {
    ContactDraft.Builder draft = ContactDraft.builder().email(email);
    if (name != null) {
      draft.name(name);
    }
    if (phone != null) {
      draft.phone(phoneKind, phone, true);
    }
    if (loginEnabled != null) {
      draft.loginEnabled(loginEnabled);
    }
    draft.customFields(fields.values());
    return draft;
  }

  /** Checks and types one row. */
  static ParsedRow parse(InputRow row, ContactColumns columns) {
    List<String> problems = new ArrayList<>();
    if (row.problem != null) {
      problems.add("the row " + row.problem);
      return new ParsedRow(row.number, null, null, null, null, null, new LinkedHashMap<>(),
          problems);
    }
    String email = null;
    String name = null;
    String phone = null;
    PhoneKind kind = PhoneKind.OTHER;
    Boolean login = null;
    Map<Long, CustomFieldValue> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Object> cell : row.cells.entrySet()) {
      ContactColumns.Binding binding = columns.bind(cell.getKey());
      Object value = cell.getValue();
      switch (binding.role) {
        case READ_ONLY:
          break;
        case UNKNOWN:
          problems.add(columns.unknownColumnMessage(cell.getKey()));
          break;
        case CUSTOM_FIELD:
          try {
            CustomFieldValue parsed = columns.parse(binding.field, value);
            if (parsed != null) {
              fields.put(binding.field.id(), parsed);
            }
          } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
          }
          break;
        default:
          String text = standardText(binding.standard, value, problems);
          if (text == null) {
            break;
          }
          switch (binding.standard) {
            case ContactColumns.EMAIL:
              email = text;
              break;
            case ContactColumns.NAME:
              name = text;
              break;
            case ContactColumns.PHONE:
              phone = text;
              break;
            case ContactColumns.PHONE_TYPE:
              PhoneKind parsedKind = phoneKind(text);
              if (parsedKind == null) {
                problems.add("phone_type: \"" + text + "\" is not one of mo, w, m, h, o (mobile,"
                    + " work, main, home, other)");
              } else {
                kind = parsedKind;
              }
              break;
            case ContactColumns.LOGIN_ENABLED:
              login = flag(text);
              if (login == null) {
                problems.add("login_enabled: \"" + text + "\" is not true or false");
              }
              break;
            default:
              break;
          }
      }
    }
    if (email == null) {
      problems.add("email is missing: it is the key that finds or creates the contact");
    } else if (email.length() > 254 || !EMAIL.matcher(email).matches()
        || email.indexOf('@') > 64) {
      problems.add("email: \"" + email + "\" is not a valid address");
    }
    if (name != null) {
      String given = name;
      check(problems, "name", () -> ContactDraft.builder().name(given));
    }
    if (phone != null) {
      String number = phone;
      PhoneKind phoneKind = kind;
      check(problems, "phone", () -> ContactDraft.builder().phone(phoneKind, number, true));
    }
    return new ParsedRow(row.number, email, name, phone, kind, login, fields, problems);
  }

  private static String standardText(String column, Object value, List<String> problems) {
    if (value == Cells.NULL) {
      if (!column.equals(ContactColumns.PHONE_TYPE) && !column.equals(ContactColumns.PHONE)) {
        problems.add(column + ": cannot be cleared (null)");
      }
      return null;
    }
    if (value instanceof List) {
      problems.add(column + ": a list is not allowed here");
      return null;
    }
    String text = ((String) value).strip();
    return text.isEmpty() ? null : text;
  }

  private static void check(List<String> problems, String column, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      problems.add(message.startsWith(column) ? message.replaceFirst("^" + column + " ",
          column + ": ") : column + ": " + message);
    }
  }

  static Boolean flag(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
        return Boolean.TRUE;
      case "false":
      case "no":
      case "0":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  private static PhoneKind phoneKind(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (PhoneKind kind : PhoneKind.values()) {
      if (kind.wireValue().equals(lower) || kind.name().toLowerCase(Locale.ROOT).equals(lower)) {
        return kind;
      }
    }
    return null;
  }
}
