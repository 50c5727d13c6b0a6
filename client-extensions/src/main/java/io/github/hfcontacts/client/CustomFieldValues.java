package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomFieldValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The custom-field values of one contact, read back into {@link CustomFieldValue}s from the
 * contact's {@code custom_fields}.
 *
 * <p>How a response item becomes a value: {@code text} reads {@code value} as text;
 * {@code number} reads {@code value} (a JSON number or a numeric string) as a number;
 * {@code date} reads {@code value} ({@code yyyy-mm-dd}, or a timestamp starting with it) as a date;
 * {@code choice} reads {@code value_id} as the choice id; multiple choice reads {@code value_id}
 * (a list of ids) as the choice ids. An item whose type this version does not know is read as
 * multiple choice when its {@code value_id} is a list (the document does not show that type's
 * literal). An empty field ({@code value} and {@code value_id} null) reads as
 * {@link CustomFieldValue#cleared(long)}. Any other item is <em>unreadable</em>: it is listed by
 * {@link #unreadableFieldIds()}, with its {@link #unreadableReason(long)}, and has no value here;
 * so is a number outside the bounds of {@link CustomFieldValue#number(long, java.math.BigDecimal)}
 * (such as {@code 1e999999999}), which is checked without arithmetic on its exponent.
 *
 * <p>Example:
 * <pre>{@code
 * Contact contact = client.contacts().get(33);
 * CustomFieldValues fields = CustomFieldValues.from(contact);
 * String account = fields.get(4).map(CustomFieldValue::asText).orElse("");
 * long region = fields.get(5).orElseThrow().asChoice();
 * }</pre>
 *
 * <p>Thread safety: immutable.
 */
public final class CustomFieldValues {
  private final Map<Long, CustomFieldValue> values;
  private final Map<Long, String> names;
  /** Why each unreadable field could not be read, in the order of the response. */
  private final Map<Long, String> reasons;

  private CustomFieldValues(Map<Long, CustomFieldValue> values, Map<Long, String> names,
      Map<Long, String> reasons) {
    this.values = values;
    this.names = names;
    this.reasons = reasons;
  }

  /**
   * Reads the custom-field values of a contact as HappyFox answered it.
   *
   * <p>Example: for {@code "custom_fields": [{"id": 5, "type": "choice", "value": "APAC",
   * "value_id": 3}]}, {@code from(contact).get(5)} returns {@code Optional.of(choice(5, 3))}.
   *
   * @param contact a contact from {@link Contacts}
   * @return the values; empty when the contact has no {@code custom_fields}
   */
  public static CustomFieldValues from(Contact contact) {
    Objects.requireNonNull(contact, "contact");
    Map<Long, CustomFieldValue> values = new LinkedHashMap<>();
    Map<Long, String> names = new LinkedHashMap<>();
    Map<Long, String> reasons = new LinkedHashMap<>();
    List<ContactCustomFieldValue> items = contact.getCustomFields();
    if (items != null) {
      for (ContactCustomFieldValue item : items) {
        if (item == null || item.getId() == null || item.getId() <= 0) {
          continue;
        }
        long id = item.getId();
        if (item.getName() != null) {
          names.put(id, item.getName());
        }
        FieldType type = FieldType.fromWireValue(item.getType());
        CustomFieldValue value =
            CustomFieldValue.read(id, type, item.getValue(), item.getValueId());
        if (value == null) {
          values.remove(id);
          reasons.put(id, CustomFieldValue.whyUnreadable(type, item.getValue(), item.getValueId()));
        } else {
          values.put(id, value);
          reasons.remove(id);
        }
      }
    }
    return new CustomFieldValues(
        Collections.unmodifiableMap(values),
        Collections.unmodifiableMap(names),
        Collections.unmodifiableMap(reasons));
  }

  /**
   * Returns the value of one field.
   *
   * <p>Example: {@code fields.get(4)} returns {@code Optional.of(text(4, "XHR1234"))}, or
   * {@code Optional.of(cleared(4))} when the field is empty.
   *
   * @param fieldId the field's id
   * @return the value, or empty when the contact does not carry the field or it is unreadable
   */
  public Optional<CustomFieldValue> get(long fieldId) {
    return Optional.ofNullable(values.get(fieldId));
  }

  /**
   * Returns every readable value, in the order of the response.
   *
   * <p>Example: {@code [c-cf-4=text "XHR1234", c-cf-5=choice 3]}.
   *
   * @return an unmodifiable list
   */
  public List<CustomFieldValue> all() {
    return Collections.unmodifiableList(new ArrayList<>(values.values()));
  }

  /**
   * Returns the ids of the fields whose value could not be read (see the class description).
   *
   * <p>Example: {@code [9]} when field 9 has {@code "type": "date", "value": "04/11/2025"}.
   *
   * @return an unmodifiable set, usually empty
   */
  public Set<Long> unreadableFieldIds() {
    return reasons.keySet();
  }

  /**
   * Returns why a field's value could not be read, for a field of {@link #unreadableFieldIds()}.
   *
   * <p>Example: {@code Optional.of("1E+999999999 has more than 18 digits before the decimal
   * point")} for {@code {"id": 6, "type": "number", "value": 1e999999999}}.
   *
   * @param fieldId the field's id
   * @return the reason, or empty when the field is readable or absent
   */
  public Optional<String> unreadableReason(long fieldId) {
    return Optional.ofNullable(reasons.get(fieldId));
  }

  /**
   * Returns the field's name as the contact response gave it.
   *
   * <p>Example: {@code Optional.of("Account Number")} for field 4.
   *
   * @param fieldId the field's id
   * @return the name, or empty when not given
   */
  public Optional<String> name(long fieldId) {
    return Optional.ofNullable(names.get(fieldId));
  }

  /**
   * Returns the values keyed by field id.
   *
   * @return e.g. {@code CustomFieldValues{[c-cf-4=text "XHR1234", c-cf-5=choice 3]}}
   */
  @Override
  public String toString() {
    return "CustomFieldValues{" + values.values() + (reasons.isEmpty() ? "" : ", unreadable "
        + reasons.keySet()) + "}";
  }
}
