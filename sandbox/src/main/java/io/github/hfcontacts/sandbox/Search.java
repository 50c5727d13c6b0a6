package io.github.hfcontacts.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The {@code q} grammar of {@code GET /users/}: {@code field:value} terms separated by single
 * spaces, all ANDed. {@code name:} and {@code email:} match a case-insensitive part of the value;
 * {@code phone:} matches a part of a phone number's digits (HappyFox's numbers are searched
 * without the leading {@code +}, so a value with a {@code +} finds nothing);
 * {@code updated_since:} and {@code created_since:} take {@code yyyy-mm-dd} (UTC, inclusive).
 * Anything else is a 400 naming the term.
 */
final class Search {
  private Search() {}

  static Predicate<StoredContact> parse(String q) {
    Predicate<StoredContact> all = contact -> true;
    if (q == null || q.trim().isEmpty()) {
      return all;
    }
    List<Predicate<StoredContact>> terms = new ArrayList<>();
    for (String term : q.split(" ", -1)) {
      if (term.isEmpty()) {
        throw error("Search terms are separated by single spaces (an empty term was found in '"
            + q + "').");
      }
      int colon = term.indexOf(':');
      if (colon <= 0) {
        throw error("Search term '" + term + "' is not field:value (fields: name, email, phone,"
            + " updated_since, created_since); a value cannot contain a space.");
      }
      String field = term.substring(0, colon);
      String value = term.substring(colon + 1);
      if (value.isEmpty()) {
        throw error("Search term '" + term + "' has no value.");
      }
      terms.add(term(field, value));
    }
    return contact -> {
      for (Predicate<StoredContact> term : terms) {
        if (!term.test(contact)) {
          return false;
        }
      }
      return true;
    };
  }

  private static Predicate<StoredContact> term(String field, String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    switch (field) {
      case "name":
        return c -> c.name != null && c.name.toLowerCase(Locale.ROOT).contains(lower);
      case "email":
        return c -> c.email != null && c.email.toLowerCase(Locale.ROOT).contains(lower);
      case "phone":
        if (!value.matches("\\d+")) {
          // HappyFox stores numbers without the '+' for search: such a value matches nothing.
          return c -> false;
        }
        return c -> c.hasPhoneDigits(value, false);
      case "updated_since":
        Instant updated = day(field, value);
        return c -> !c.updatedAt.isBefore(updated);
      case "created_since":
        Instant created = day(field, value);
        return c -> !c.createdAt.isBefore(created);
      default:
        throw error("Unknown search field '" + field + "' (fields: name, email, phone,"
            + " updated_since, created_since).");
    }
  }

  private static Instant day(String field, String value) {
    try {
      if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("not yyyy-mm-dd", value, 0);
      }
      return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw error(field + " takes a date yyyy-mm-dd, not '" + value + "'.");
    }
  }

  private static ApiError error(String message) {
    return ApiError.badRequest("q", message);
  }
}
