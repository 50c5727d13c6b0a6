package io.github.hfcontacts.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A contact search, rendered as HappyFox's {@code q} parameter of {@code GET /users/}.
 *
 * <p><b>The grammar</b>, as HappyFox documents it (section 2 of its Contacts API article): the
 * query is a list of {@code field:value} pairs separated by single spaces, and every pair must
 * match (AND). Fields: {@code name}, {@code email}, {@code phone}, {@code updated_since},
 * {@code created_since}. The document defines no quoting or escaping, so a value that holds a space
 * would be read as two pairs, and a {@code :} could be read as another field. This class therefore
 * <em>rejects</em>, with an {@link IllegalArgumentException} naming the field and the problem,
 * any value that is empty, holds whitespace, a {@code :} or a control character, or is longer than
 * 254 characters. It never sends a query other than the one asked for. To find "Adam Smith",
 * search {@code name("adam")} (or {@code name("smith")}) and filter the results.
 *
 * <p><b>Phone</b>: HappyFox matches the digits without the leading {@code +} ({@code
 * q=phone:11231231234} finds {@code +11231231234}). The builder drops one leading {@code +} and
 * the separators people type, spaces, {@code -}, {@code .}, {@code (} and {@code )}, then requires
 * what is left to be digits only: {@code "+1 (123) 123-1234"} is sent as {@code 11231231234};
 * {@code "ext. 12"} or {@code "12+34"} are rejected.
 *
 * <p><b>Dates</b>: HappyFox does not document the format of {@code updated_since} and
 * {@code created_since}. This client sends the calendar date {@code yyyy-mm-dd}, the one format
 * HappyFox documents for dates (custom fields), and one that the grammar can carry (an ISO-8601
 * time such as {@code 10:15:30} holds {@code :}). An {@link Instant} is turned into its UTC date
 * (HappyFox timestamps are UTC), so {@code updatedSince(Instant.parse("2025-11-04T18:30:00Z"))} is
 * sent as {@code updated_since:2025-11-04}: the filter may return contacts from earlier that day,
 * never fewer than asked.
 *
 * <p>Pairs are rendered in the order name, email, phone, updated_since, created_since; setting a
 * field twice keeps the last value.
 *
 * <p>Example:
 * <pre>{@code
 * SearchQuery query = SearchQuery.builder()
 *     .name("adam")
 *     .email("adam@example.com")
 *     .phone("+11231231234")
 *     .updatedSince(LocalDate.of(2025, 1, 31))
 *     .build();
 * query.render(); // "name:adam email:adam@example.com phone:11231231234 updated_since:2025-01-31"
 * for (Contact contact : client.contacts().search(query)) { ... }
 * }</pre>
 * On the wire it is the percent-encoded query parameter
 * {@code q=name%3Aadam%20email%3Aadam%40example.com%20phone%3A11231231234%20updated_since%3A2025-01-31}
 * (space as {@code %20}, never {@code +}; a {@code +} in a value as {@code %2B}), which HappyFox
 * decodes back to the text above.
 *
 * <p>Thread safety: immutable; the {@link Builder} is not thread-safe.
 */
public final class SearchQuery {
  /** The longest value accepted for one field. */
  public static final int MAX_VALUE_LENGTH = 254;

  private final String name;
  private final String email;
  private final String phone;
  private final LocalDate updatedSince;
  private final LocalDate createdSince;

  private SearchQuery(Builder builder) {
    this.name = builder.name;
    this.email = builder.email;
    this.phone = builder.phone;
    this.updatedSince = builder.updatedSince;
    this.createdSince = builder.createdSince;
  }

  /**
   * Returns a new, empty builder.
   *
   * <p>Example: {@code SearchQuery.builder().email("adam@example.com").build()}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the query as HappyFox's {@code q} parameter, before URL encoding.
   *
   * <p>Example: {@code "name:adam email:adam@example.com"}.
   *
   * @return the query text
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    append(out, "name", name);
    append(out, "email", email);
    append(out, "phone", phone);
    append(out, "updated_since", updatedSince == null ? null : format(updatedSince));
    append(out, "created_since", createdSince == null ? null : format(createdSince));
    return out.toString();
  }

  private static void append(StringBuilder out, String field, String value) {
    if (value == null) {
      return;
    }
    if (out.length() > 0) {
      out.append(' ');
    }
    out.append(field).append(':').append(value);
  }

  private static String format(LocalDate date) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SearchQuery && render().equals(((SearchQuery) other).render());
  }

  @Override
  public int hashCode() {
    return render().hashCode();
  }

  /**
   * Returns the rendered query, as {@link #render()}.
   *
   * @return e.g. {@code name:adam email:adam@example.com}
   */
  @Override
  public String toString() {
    return render();
  }

  /**
   * Builds a {@link SearchQuery}; every setter checks its value at once and throws an
   * {@link IllegalArgumentException} naming the field and the problem.
   *
   * <p>Example: {@code SearchQuery.builder().name("adam smith")} throws {@code
   * IllegalArgumentException: name "adam smith" cannot be searched: it holds whitespace (U+0020 at
   * index 4), which the query grammar reads as the start of another field:value pair}.
   *
   * <p>Thread safety: not thread-safe.
   */
  public static final class Builder {
    private String name;
    private String email;
    private String phone;
    private LocalDate updatedSince;
    private LocalDate createdSince;

    private Builder() {}

    /**
     * Matches contacts by name.
     *
     * <p>Example: {@code name("adam")} renders {@code name:adam}.
     *
     * @param name one word: no whitespace, no {@code :}
     * @return this builder
     * @throws IllegalArgumentException naming {@code name} if the grammar cannot carry it
     */
    public Builder name(String name) {
      this.name = checkValue("name", name);
      return this;
    }

    /**
     * Matches contacts by email.
     *
     * <p>Example: {@code email("adam@example.com")} renders {@code email:adam@example.com}.
     *
     * @param email no whitespace, no {@code :}
     * @return this builder
     * @throws IllegalArgumentException naming {@code email} if the grammar cannot carry it
     */
    public Builder email(String email) {
      this.email = checkValue("email", email);
      return this;
    }

    /**
     * Matches contacts by phone number; see the class description for the normalisation.
     *
     * <p>Example: {@code phone("+1 (123) 123-1234")} renders {@code phone:11231231234}.
     *
     * @param phone digits, optionally with one leading {@code +} and spaces, {@code -}, {@code .},
     *     {@code (} or {@code )} between them
     * @return this builder
     * @throws IllegalArgumentException naming {@code phone} if anything else is in it or no digit
     */
    public Builder phone(String phone) {
      Objects.requireNonNull(phone, "phone");
      String rest = phone.startsWith("+") ? phone.substring(1) : phone;
      StringBuilder digits = new StringBuilder();
      for (int i = 0; i < rest.length(); i++) {
        char c = rest.charAt(i);
        if (c >= '0' && c <= '9') {
          digits.append(c);
        } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
          int index = phone.length() - rest.length() + i;
          throw new IllegalArgumentException("phone \"" + printable(phone)
              + "\" cannot be searched: only digits, an optional leading '+' and the separators"
              + " space - . ( ) are allowed, but it holds " + describe(c) + " at index " + index);
        }
      }
      if (digits.length() == 0) {
        throw new IllegalArgumentException(
            "phone \"" + printable(phone) + "\" cannot be searched: it has no digits");
      }
      this.phone = checkValue("phone", digits.toString());
      return this;
    }

    /**
     * Matches contacts updated on or after this date; sent as {@code yyyy-mm-dd}.
     *
     * <p>Example: {@code updatedSince(LocalDate.of(2025, 1, 31))} renders
     * {@code updated_since:2025-01-31}.
     *
     * @param date the date; years 0 to 9999
     * @return this builder
     */
    public Builder updatedSince(LocalDate date) {
      this.updatedSince = checkDate("updated_since", date);
      return this;
    }

    /**
     * Matches contacts updated on or after the UTC date of this instant (see the class
     * description).
     *
     * <p>Example: {@code updatedSince(Instant.parse("2025-01-31T23:30:00Z"))} renders
     * {@code updated_since:2025-01-31}.
     *
     * @param instant the instant
     * @return this builder
     */
    public Builder updatedSince(Instant instant) {
      Objects.requireNonNull(instant, "instant");
      return updatedSince(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * Matches contacts created on or after this date; sent as {@code yyyy-mm-dd}.
     *
     * <p>Example: {@code createdSince(LocalDate.of(2024, 12, 1))} renders
     * {@code created_since:2024-12-01}.
     *
     * @param date the date; years 0 to 9999
     * @return this builder
     */
    public Builder createdSince(LocalDate date) {
      this.createdSince = checkDate("created_since", date);
      return this;
    }

    /**
     * Matches contacts created on or after the UTC date of this instant.
     *
     * <p>Example: {@code createdSince(Instant.parse("2024-12-01T00:00:00Z"))} renders
     * {@code created_since:2024-12-01}.
     *
     * @param instant the instant
     * @return this builder
     */
    public Builder createdSince(Instant instant) {
      Objects.requireNonNull(instant, "instant");
      return createdSince(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * Returns the query.
     *
     * <p>Example: {@code SearchQuery.builder().name("adam").build().render()} returns
     * {@code "name:adam"}.
     *
     * @return the query
     * @throws IllegalArgumentException if no field was set (list all contacts with
     *     {@link Contacts#list()} instead)
     */
    public SearchQuery build() {
      if (name == null && email == null && phone == null && updatedSince == null
          && createdSince == null) {
        throw new IllegalArgumentException(
            "a search query needs at least one field; use Contacts.list() to list all contacts");
      }
      return new SearchQuery(this);
    }

    private static LocalDate checkDate(String field, LocalDate date) {
      Objects.requireNonNull(date, field);
      if (date.getYear() < 0 || date.getYear() > 9999) {
        throw new IllegalArgumentException(
            field + " " + date + " cannot be searched: the year must have four digits");
      }
      return date;
    }

    private static String checkValue(String field, String value) {
      Objects.requireNonNull(value, field);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(field + " cannot be searched: the value is empty,"
            + " which the query grammar cannot carry");
      }
      if (value.length() > MAX_VALUE_LENGTH) {
        throw new IllegalArgumentException(field + " cannot be searched: the value has "
            + value.length() + " characters, more than " + MAX_VALUE_LENGTH);
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        String problem = null;
        if (Character.isISOControl(c)) {
          problem = "a control character (" + describe(c) + " at index " + i
              + "), which the query grammar cannot carry";
        } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
          problem = "whitespace (" + describe(c) + " at index " + i
              + "), which the query grammar reads as the start of another field:value pair";
        } else if (c == ':') {
          problem = "':' (at index " + i
              + "), which the query grammar could read as another field:value separator";
        }
        if (problem != null) {
          throw new IllegalArgumentException(
              field + " \"" + printable(value) + "\" cannot be searched: it holds " + problem);
        }
      }
      return value;
    }

    private static String describe(char c) {
      String code = String.format("U+%04X", (int) c);
      return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
          ? code : "'" + c + "' (" + code + ")";
    }

    /** The value for a message, with control characters shown as escapes. */
    private static String printable(String value) {
      StringBuilder out = new StringBuilder();
      int limit = Math.min(value.length(), 80);
      for (int i = 0; i < limit; i++) {
        char c = value.charAt(i);
        if (Character.isISOControl(c)) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      if (value.length() > limit) {
        out.append("...");
      }
      return out.toString();
    }
  }
}
