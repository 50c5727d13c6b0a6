package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.api.ContactCustomFieldsApi;
import io.github.hfcontacts.openapi.model.ContactCustomField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's contact custom-field definitions ({@code GET /user_custom_fields/}), cached per
 * client, and the checks of custom-field values against them. Obtained from
 * {@link HappyFoxClient#customFields()}.
 *
 * <p>The cache is filled by the first call that needs it ({@link #definitions()}, {@link
 * #validate}, or a validating {@link Contacts}) and then kept until {@link #refresh()}; fields
 * added in HappyFox's admin after that are unknown to the client until the next refresh.
 *
 * <p>Example:
 * <pre>{@code
 * CustomFields fields = client.customFields();
 * for (CustomFieldDefinition field : fields.definitions()) {
 *   System.out.println(field.id() + " " + field.name() + " " + field.type());
 * }
 * fields.validate(List.of(CustomFieldValue.choice(5, 3)), true); // throws if 5 has no choice 3
 * fields.refresh(); // after an admin changed the fields
 * }</pre>
 *
 * <p>Thread safety: safe for concurrent use. Concurrent first uses share one request; a
 * {@link #refresh()} replaces the cache atomically.
 */
public final class CustomFields {
  private final ContactCustomFieldsApi api;
  private final CallExecutor executor;
  private final Object loadLock = new Object();
  private volatile Map<Long, CustomFieldDefinition> cache;

  CustomFields(ContactCustomFieldsApi api, CallExecutor executor) {
    this.api = api;
    this.executor = executor;
  }

  /**
   * Returns the cached definitions, fetching them on first use.
   *
   * <p>Example: {@code [CustomFieldDefinition{4 "Account Number" TEXT required},
   * CustomFieldDefinition{5 "Region ID" CHOICE, choices [...]}]}, in the server's order.
   *
   * @return an unmodifiable list
   * @throws HappyFoxException if the first fetch fails (nothing is cached then)
   */
  public List<CustomFieldDefinition> definitions() {
    return Collections.unmodifiableList(new ArrayList<>(cached().values()));
  }

  /**
   * Returns the cached definition of one field, fetching the definitions on first use.
   *
   * <p>Example: {@code definition(5).map(CustomFieldDefinition::name)} returns
   * {@code Optional.of("Region ID")}.
   *
   * @param fieldId the field's id
   * @return the definition, or empty when the account has no such field
   * @throws HappyFoxException if the first fetch fails
   */
  public Optional<CustomFieldDefinition> definition(long fieldId) {
    return Optional.ofNullable(cached().get(fieldId));
  }

  /**
   * Fetches the definitions again and replaces the cache; the old cache stays if this fails.
   *
   * <p>Example: {@code client.customFields().refresh()} sends {@code GET /user_custom_fields/}.
   *
   * @return the new definitions, unmodifiable
   * @throws HappyFoxException if the fetch fails
   */
  public List<CustomFieldDefinition> refresh() {
    Map<Long, CustomFieldDefinition> fresh = fetch();
    synchronized (loadLock) {
      cache = fresh;
    }
    return Collections.unmodifiableList(new ArrayList<>(fresh.values()));
  }

  /**
   * Checks values against the cached definitions (fetching them on first use) and throws, naming
   * every problem, before anything is sent.
   *
   * <p>Checks: the field id exists; the value's type is the field's type (a cleared value fits any
   * type; a field of {@link FieldType#UNKNOWN} type accepts any value); every choice id is one of the
   * field's choices; and when {@code creating}, every required field has a value that is not
   * cleared (a dependant field only when the choice it depends on is picked).
   *
   * <p>Example: {@code validate(List.of(CustomFieldValue.text(9, "x")), false)} throws
   * {@code CustomFieldValidationException} with the problem {@code c-cf-9: no contact custom
   * field has id 9} when field 9 does not exist.
   *
   * @param values the values to send
   * @param creating whether the values create a contact (then required fields must be present)
   * @throws CustomFieldValidationException naming each problem
   * @throws HappyFoxException if the definitions must be fetched and that fails
   */
  public void validate(Collection<CustomFieldValue> values, boolean creating) {
    Args.noNullElements("values", values);
    List<String> problems = problems(values, creating);
    if (!problems.isEmpty()) {
      throw new CustomFieldValidationException(
          "custom fields do not match their definitions", problems);
    }
  }

  List<String> problems(Collection<CustomFieldValue> values, boolean creating) {
    Map<Long, CustomFieldDefinition> definitions = cached();
    List<String> problems = new ArrayList<>();
    Map<Long, CustomFieldValue> byId = new LinkedHashMap<>();
    for (CustomFieldValue value : values) {
      byId.put(value.fieldId(), value);
      CustomFieldDefinition definition = definitions.get(value.fieldId());
      if (definition == null) {
        problems.add(value.key() + ": no contact custom field has id " + value.fieldId());
        continue;
      }
      if (value.isCleared() || definition.type() == FieldType.UNKNOWN) {
        continue;
      }
      FieldType type = value.type().orElseThrow();
      if (type != definition.type()) {
        problems.add(definition.label() + ": " + definition.type().label()
            + " field, but the value is " + value.describeType() + " value");
        continue;
      }
      if (type == FieldType.CHOICE) {
        checkChoice(definition, value.asChoice(), problems);
      } else if (type == FieldType.MULTIPLE_CHOICE) {
        for (long choiceId : value.asChoices()) {
          checkChoice(definition, choiceId, problems);
        }
      }
    }
    if (creating) {
      for (CustomFieldDefinition definition : definitions.values()) {
        if (!definition.required() || !shown(definition, byId)) {
          continue;
        }
        CustomFieldValue value = byId.get(definition.id());
        if (value == null || value.isCleared()) {
          problems.add(definition.label() + ": required when a contact is created, but "
              + (value == null ? "missing" : "cleared"));
        }
      }
    }
    return problems;
  }

  /** A dependant field is shown (and so required) only when its choice is picked. */
  private static boolean shown(
      CustomFieldDefinition definition, Map<Long, CustomFieldValue> values) {
    if (definition.dependsOnChoice().isEmpty()) {
      return true;
    }
    long choice = definition.dependsOnChoice().getAsLong();
    for (CustomFieldValue value : values.values()) {
      Optional<FieldType> type = value.type();
      if (type.isPresent() && type.get() == FieldType.CHOICE && value.asChoice() == choice) {
        return true;
      }
      if (type.isPresent() && type.get() == FieldType.MULTIPLE_CHOICE
          && value.asChoices().contains(choice)) {
        return true;
      }
    }
    return false;
  }

  private static void checkChoice(
      CustomFieldDefinition definition, long choiceId, List<String> problems) {
    if (definition.choice(choiceId).isEmpty()) {
      problems.add(definition.label() + ": choice " + choiceId + " is not one of its choices "
          + definition.choices());
    }
  }

  private Map<Long, CustomFieldDefinition> cached() {
    Map<Long, CustomFieldDefinition> current = cache;
    if (current != null) {
      return current;
    }
    synchronized (loadLock) {
      if (cache == null) {
        cache = fetch();
      }
      return cache;
    }
  }

  private Map<Long, CustomFieldDefinition> fetch() {
    List<ContactCustomField> models = executor.execute(api.listContactCustomFields());
    Map<Long, CustomFieldDefinition> byId = new LinkedHashMap<>();
    for (ContactCustomField model : models) {
      if (model != null && model.getId() != null) {
        byId.put(model.getId(), CustomFieldDefinition.fromModel(model));
      }
    }
    return Collections.unmodifiableMap(byId);
  }

  /**
   * Returns a description that says whether the definitions are cached.
   *
   * @return e.g. {@code CustomFields{2 cached}} or {@code CustomFields{not loaded}}
   */
  @Override
  public String toString() {
    Map<Long, CustomFieldDefinition> current = cache;
    return current == null
        ? "CustomFields{not loaded}"
        : "CustomFields{" + current.size() + " cached}";
  }
}
