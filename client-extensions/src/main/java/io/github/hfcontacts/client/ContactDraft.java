package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.model.ContactUpdate;
import io.github.hfcontacts.openapi.model.ContactUpsert;
import io.github.hfcontacts.openapi.model.LoginFlag;
import io.github.hfcontacts.openapi.model.PhoneInput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a contact to create, update or upsert: name, email, phones, login permission and
 * custom fields. Only what is set is sent.
 *
 * <p>Example:
 * <pre>{@code
 * ContactDraft draft = ContactDraft.builder()
 *     .name("John Smith")
 *     .email("johnsmith@example.com")
 *     .phone(PhoneKind.MOBILE, "987654321", true)
 *     .loginEnabled(false)
 *     .customField(CustomFieldValue.text(4, "XHR1234"))
 *     .build();
 * }</pre>
 * is sent as {@code {"name": "John Smith", "email": "johnsmith@example.com", "phones": [{"type":
 * "mo", "number": "987654321", "is_primary": true}], "is_login_enabled": "FALSE", "c-cf-4":
 * "XHR1234"}}.
 *
 * <p><b>Custom fields left out are reset by HappyFox.</b> A draft sent to
 * {@link Contacts#upsert} or {@link Contacts#update} replaces all custom fields of the contact;
 * use {@link Contacts#updateCustomFields} or {@link Contacts#updateMerging} to keep the others.
 *
 * <p>Thread safety: immutable; the {@link Builder} is not thread-safe.
 */
public final class ContactDraft {
  private final String name;
  private final String email;
  private final List<Phone> phones;
  private final Boolean loginEnabled;
  private final Map<Long, CustomFieldValue> customFields;

  private ContactDraft(Builder builder) {
    this.name = builder.name;
    this.email = builder.email;
    this.phones = Collections.unmodifiableList(new ArrayList<>(builder.phones));
    this.loginEnabled = builder.loginEnabled;
    this.customFields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.customFields));
  }

  /**
   * Returns a new, empty builder.
   *
   * <p>Example: {@code ContactDraft.builder().name("Ann").email("ann@example.com").build()}.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this draft's fields, to derive a changed copy.
   *
   * <p>Example: {@code draft.toBuilder().loginEnabled(true).build()}.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.name = name;
    builder.email = email;
    builder.phones.addAll(phones);
    builder.loginEnabled = loginEnabled;
    builder.customFields.putAll(customFields);
    return builder;
  }

  /**
   * Returns the name, if set.
   *
   * <p>Example: {@code Optional.of("John Smith")}.
   *
   * @return the name
   */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * Returns the email, if set. For an upsert, it is the key that finds an existing contact.
   *
   * <p>Example: {@code Optional.of("johnsmith@example.com")}.
   *
   * @return the email
   */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /**
   * Returns the phones to add, in order.
   *
   * <p>Example: {@code [Phone{mo 987654321 primary}]}.
   *
   * @return an unmodifiable list
   */
  public List<Phone> phones() {
    return phones;
  }

  /**
   * Returns the login permission, if set.
   *
   * <p>Example: {@code Optional.of(false)}, sent as {@code "is_login_enabled": "FALSE"}.
   *
   * @return the permission
   */
  public Optional<Boolean> loginEnabled() {
    return Optional.ofNullable(loginEnabled);
  }

  /**
   * Returns the custom-field values, one per field id, in the order they were first set.
   *
   * <p>Example: {@code [c-cf-4=text "XHR1234"]}.
   *
   * @return an unmodifiable list
   */
  public List<CustomFieldValue> customFields() {
    return Collections.unmodifiableList(new ArrayList<>(customFields.values()));
  }

  /**
   * Returns the value of one custom field, if set.
   *
   * <p>Example: {@code customField(4)} returns {@code Optional.of(text(4, "XHR1234"))}.
   *
   * @param fieldId the field's id
   * @return the value
   */
  public Optional<CustomFieldValue> customField(long fieldId) {
    return Optional.ofNullable(customFields.get(fieldId));
  }

  /** The body of {@code POST /users/}: the email key is always present (null for phone-only). */
  ContactUpsert toUpsert() {
    ContactUpsert model = new ContactUpsert();
    if (name != null) {
      model.setName(name);
    }
    model.setEmail(email); // required key; JSON null for a contact known by phone only
    if (!phones.isEmpty()) {
      model.setPhones(phoneModels());
    }
    if (loginEnabled != null) {
      model.setIsLoginEnabled(loginEnabled ? LoginFlag.TRUE : LoginFlag.FALSE);
    }
    for (CustomFieldValue value : customFields.values()) {
      model.putAdditionalProperty(value.key(), value.wireValue());
    }
    return model;
  }

  /** The body of {@code POST /user/{id}/}, with {@code customFields} instead of this draft's. */
  ContactUpdate toUpdate(Collection<CustomFieldValue> customFieldsToSend) {
    ContactUpdate model = new ContactUpdate();
    if (name != null) {
      model.setName(name);
    }
    if (email != null) {
      model.setEmail(email);
    }
    if (!phones.isEmpty()) {
      model.setPhones(phoneModels());
    }
    if (loginEnabled != null) {
      model.setIsLoginEnabled(loginEnabled ? LoginFlag.TRUE : LoginFlag.FALSE);
    }
    for (CustomFieldValue value : customFieldsToSend) {
      model.putAdditionalProperty(value.key(), value.wireValue());
    }
    return model;
  }

  ContactUpdate toUpdate() {
    return toUpdate(customFields.values());
  }

  boolean isEmpty() {
    return name == null && email == null && phones.isEmpty() && loginEnabled == null
        && customFields.isEmpty();
  }

  private List<PhoneInput> phoneModels() {
    List<PhoneInput> models = new ArrayList<>();
    for (Phone phone : phones) {
      models.add(new PhoneInput()
          .type(phone.kind().wireValue())
          .number(phone.number())
          .isPrimary(phone.primary()));
    }
    return models;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ContactDraft)) {
      return false;
    }
    ContactDraft that = (ContactDraft) other;
    return Objects.equals(name, that.name) && Objects.equals(email, that.email)
        && phones.equals(that.phones) && Objects.equals(loginEnabled, that.loginEnabled)
        && customFields.equals(that.customFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, email, phones, loginEnabled, customFields);
  }

  /**
   * Returns the set fields.
   *
   * @return e.g. {@code ContactDraft{name=John Smith, email=johnsmith@example.com,
   *     customFields=[c-cf-4=text "XHR1234"]}}
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ContactDraft{");
    String separator = "";
    if (name != null) {
      out.append("name=").append(name);
      separator = ", ";
    }
    if (email != null) {
      out.append(separator).append("email=").append(email);
      separator = ", ";
    }
    if (!phones.isEmpty()) {
      out.append(separator).append("phones=").append(phones);
      separator = ", ";
    }
    if (loginEnabled != null) {
      out.append(separator).append("loginEnabled=").append(loginEnabled);
      separator = ", ";
    }
    if (!customFields.isEmpty()) {
      out.append(separator).append("customFields=").append(customFields.values());
    }
    return out.append('}').toString();
  }

  /**
   * One phone number of a draft.
   *
   * <p>Example: {@code Phone{mo 987654321 primary}} is sent as {@code {"type": "mo", "number":
   * "987654321", "is_primary": true}}.
   *
   * <p>Thread safety: immutable.
   */
  public static final class Phone {
    private final PhoneKind kind;
    private final String number;
    private final boolean primary;

    Phone(PhoneKind kind, String number, boolean primary) {
      this.kind = kind;
      this.number = number;
      this.primary = primary;
    }

    /**
     * Returns the kind.
     *
     * <p>Example: {@link PhoneKind#MOBILE}.
     *
     * @return the kind
     */
    public PhoneKind kind() {
      return kind;
    }

    /**
     * Returns the number as given.
     *
     * <p>Example: {@code "987654321"}.
     *
     * @return the number
     */
    public String number() {
      return number;
    }

    /**
     * Returns whether the number becomes the primary phone.
     *
     * <p>Example: {@code true}.
     *
     * @return whether primary
     */
    public boolean primary() {
      return primary;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Phone)) {
        return false;
      }
      Phone that = (Phone) other;
      return kind == that.kind && number.equals(that.number) && primary == that.primary;
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, number, primary);
    }

    /**
     * Returns the kind's wire value, the number and whether it is primary.
     *
     * @return e.g. {@code Phone{mo 987654321 primary}}
     */
    @Override
    public String toString() {
      return "Phone{" + kind.wireValue() + " " + number + (primary ? " primary" : "") + "}";
    }
  }

  /**
   * Builds a {@link ContactDraft}; every setter checks its argument at once and names it in the
   * exception.
   *
   * <p>Example: {@code ContactDraft.builder().email("ann@example.com").name("Ann").build()}.
   *
   * <p>Thread safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private String name;
    private String email;
    private final List<Phone> phones = new ArrayList<>();
    private Boolean loginEnabled;
    private final Map<Long, CustomFieldValue> customFields = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the contact's name (required by HappyFox for a new contact).
     *
     * <p>Example: {@code name("John Smith")}.
     *
     * @param name not blank, one line, at most 10,000 characters
     * @return this builder
     * @throws IllegalArgumentException naming {@code name} if it is blank, too long or holds
     *     control characters
     */
    public Builder name(String name) {
      this.name = Args.text("name", name, Args.MAX_TEXT_LENGTH);
      return this;
    }

    /**
     * Sets the contact's email: for an upsert, the key that finds an existing contact. Left unset,
     * an upsert sends {@code "email": null}, which HappyFox accepts only with a phone.
     *
     * <p>Example: {@code email("johnsmith@example.com")}.
     *
     * @param email an address with an {@code @}, no whitespace, at most 254 characters
     * @return this builder
     * @throws IllegalArgumentException naming {@code email} if it is malformed
     */
    public Builder email(String email) {
      this.email = Args.email("email", email);
      return this;
    }

    /**
     * Adds a phone number.
     *
     * <p>Example: {@code phone(PhoneKind.MOBILE, "+44 20 7946 0000", true)}.
     *
     * @param kind the kind of number
     * @param number the number as HappyFox should store it; with at least one digit, at most 40
     *     characters
     * @param primary whether it becomes the contact's primary phone
     * @return this builder
     * @throws IllegalArgumentException naming {@code number} if it is blank, too long or has no
     *     digit
     */
    public Builder phone(PhoneKind kind, String number, boolean primary) {
      Objects.requireNonNull(kind, "kind");
      phones.add(new Phone(kind, Args.phoneNumber("number", number), primary));
      return this;
    }

    /**
     * Sets whether the contact may log in to the support portal; sent as the string
     * {@code "TRUE"} or {@code "FALSE"}. HappyFox enables login for new contacts by default.
     *
     * <p>Example: {@code loginEnabled(false)} sends {@code "is_login_enabled": "FALSE"}.
     *
     * @param enabled whether login is allowed
     * @return this builder
     */
    public Builder loginEnabled(boolean enabled) {
      this.loginEnabled = enabled;
      return this;
    }

    /**
     * Sets a custom-field value; a later value for the same field replaces the earlier one.
     *
     * <p>Example: {@code customField(CustomFieldValue.choice(5, 3))}.
     *
     * @param value the value
     * @return this builder
     */
    public Builder customField(CustomFieldValue value) {
      Objects.requireNonNull(value, "value");
      customFields.put(value.fieldId(), value);
      return this;
    }

    /**
     * Sets several custom-field values, in order.
     *
     * <p>Example: {@code customFields(List.of(text(4, "XHR1234"), choice(5, 3)))}.
     *
     * @param values the values; no nulls
     * @return this builder
     */
    public Builder customFields(Collection<CustomFieldValue> values) {
      Args.noNullElements("values", values);
      for (CustomFieldValue value : values) {
        customField(value);
      }
      return this;
    }

    /**
     * Returns the draft.
     *
     * <p>Example: {@code builder.build().name()} returns what {@link #name(String)} set.
     *
     * @return the draft; an empty draft is allowed here and refused by the operations that need
     *     content
     */
    public ContactDraft build() {
      return new ContactDraft(this);
    }
  }
}
