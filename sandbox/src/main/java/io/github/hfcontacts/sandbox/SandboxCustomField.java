package io.github.hfcontacts.sandbox;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The definition of one contact custom field of a sandbox account, as
 * {@code GET /user_custom_fields/} answers it and as {@code c-cf-<id>} values are checked against.
 *
 * <p>Example: an account with a required text field and a dropdown:
 * <pre>{@code
 * HappyFoxSandbox.builder()
 *     .customFields(List.of(
 *         SandboxCustomField.text(4, "Account Number").required(),
 *         SandboxCustomField.choice(5, "Region ID", Map.of(3L, "APAC", 2L, "Europe"))))
 *     .start();
 * }</pre>
 *
 * <p>Thread safety: immutable.
 */
public final class SandboxCustomField {

  /** The field types, with their wire names. */
  public enum Type {
    /** Free text: a JSON string. */
    TEXT("text"),
    /** A number with at most 2 decimal places. */
    NUMBER("number"),
    /** A date, {@code yyyy-mm-dd}. */
    DATE("date"),
    /** A dropdown: the id of one choice. */
    CHOICE("choice"),
    /** Multiple choice: a list of choice ids (the contract's {@code multiple_choice}). */
    MULTIPLE_CHOICE("multiple_choice");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    /**
     * Returns the type as the API writes it.
     *
     * @return e.g. {@code "choice"}
     */
    public String wireName() {
      return wireName;
    }

    boolean hasChoices() {
      return this == CHOICE || this == MULTIPLE_CHOICE;
    }
  }

  private final long id;
  private final String name;
  private final Type type;
  private final Map<Long, String> choices;
  private final boolean required;
  private final boolean visibleToStaffOnly;
  private final Long dependsOnChoice;

  private SandboxCustomField(long id, String name, Type type, Map<Long, String> choices,
      boolean required, boolean visibleToStaffOnly, Long dependsOnChoice) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.choices = choices;
    this.required = required;
    this.visibleToStaffOnly = visibleToStaffOnly;
    this.dependsOnChoice = dependsOnChoice;
  }

  private static SandboxCustomField create(long id, String name, Type type,
      Map<Long, String> choices) {
    if (id < 1) {
      throw new IllegalArgumentException("id must be positive, was " + id);
    }
    Objects.requireNonNull(name, "name");
    if (name.trim().isEmpty()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    Map<Long, String> copy = new LinkedHashMap<>();
    if (type.hasChoices()) {
      Objects.requireNonNull(choices, "choices");
      if (choices.isEmpty()) {
        throw new IllegalArgumentException("choices of field " + id + " must not be empty");
      }
      for (Map.Entry<Long, String> choice : choices.entrySet()) {
        if (choice.getKey() == null || choice.getKey() < 1) {
          throw new IllegalArgumentException(
              "choices of field " + id + ": choice ids must be positive, was " + choice.getKey());
        }
        copy.put(choice.getKey(), Objects.requireNonNull(choice.getValue(), "choice text"));
      }
    }
    return new SandboxCustomField(id, name, type, Collections.unmodifiableMap(copy), false, false,
        null);
  }

  /**
   * A text field.
   *
   * <p>Example: {@code text(4, "Account Number")} accepts {@code "c-cf-4": "XHR1234"}.
   *
   * @param id the field id, positive
   * @param name the field name, not blank
   * @return the definition
   */
  public static SandboxCustomField text(long id, String name) {
    return create(id, name, Type.TEXT, null);
  }

  /**
   * A number field (at most 2 decimal places).
   *
   * <p>Example: {@code number(6, "Credit Limit")} accepts {@code "c-cf-6": 12.5}.
   *
   * @param id the field id, positive
   * @param name the field name, not blank
   * @return the definition
   */
  public static SandboxCustomField number(long id, String name) {
    return create(id, name, Type.NUMBER, null);
  }

  /**
   * A date field.
   *
   * <p>Example: {@code date(8, "Renewal Date")} accepts {@code "c-cf-8": "2026-01-31"}.
   *
   * @param id the field id, positive
   * @param name the field name, not blank
   * @return the definition
   */
  public static SandboxCustomField date(long id, String name) {
    return create(id, name, Type.DATE, null);
  }

  /**
   * A dropdown field.
   *
   * <p>Example: {@code choice(5, "Region ID", Map.of(3L, "APAC"))} accepts {@code "c-cf-5": 3}.
   *
   * @param id the field id, positive
   * @param name the field name, not blank
   * @param choices choice id to text, in display order; ids positive and unique in the account
   * @return the definition
   */
  public static SandboxCustomField choice(long id, String name, Map<Long, String> choices) {
    return create(id, name, Type.CHOICE, choices);
  }

  /**
   * A multiple-choice field.
   *
   * <p>Example: {@code multipleChoice(7, "Products", Map.of(11L, "Helpdesk", 12L, "Live Chat"))}
   * accepts {@code "c-cf-7": [11, 12]}.
   *
   * @param id the field id, positive
   * @param name the field name, not blank
   * @param choices choice id to text, in display order; ids positive and unique in the account
   * @return the definition
   */
  public static SandboxCustomField multipleChoice(long id, String name, Map<Long, String> choices) {
    return create(id, name, Type.MULTIPLE_CHOICE, choices);
  }

  /**
   * Returns a copy that must have a value when a contact is created ({@code "This field is
   * required"} otherwise).
   *
   * @return the copy
   */
  public SandboxCustomField required() {
    return new SandboxCustomField(id, name, type, choices, true, visibleToStaffOnly,
        dependsOnChoice);
  }

  /**
   * Returns a copy marked visible to staff only.
   *
   * @return the copy
   */
  public SandboxCustomField visibleToStaffOnly() {
    return new SandboxCustomField(id, name, type, choices, required, true, dependsOnChoice);
  }

  /**
   * Returns a copy shown only when the given choice (of another field) is picked; when required,
   * it is required only then.
   *
   * <p>Example: {@code text(9, "VAT Number").required().dependsOnChoice(2)}.
   *
   * @param choiceId the choice's id, positive
   * @return the copy
   */
  public SandboxCustomField dependsOnChoice(long choiceId) {
    if (choiceId < 1) {
      throw new IllegalArgumentException("choiceId must be positive, was " + choiceId);
    }
    return new SandboxCustomField(id, name, type, choices, required, visibleToStaffOnly, choiceId);
  }

  /**
   * The definitions a sandbox starts with unless {@link HappyFoxSandbox.Builder#customFields} says
   * otherwise: one field of each type, the first two as in HappyFox's document, none required.
   *
   * <table>
   *   <caption>Default fields</caption>
   *   <tr><th>id</th><th>name</th><th>type</th><th>choices</th></tr>
   *   <tr><td>4</td><td>Account Number</td><td>text</td><td></td></tr>
   *   <tr><td>5</td><td>Region ID</td><td>choice</td><td>3 APAC, 4 Australia, 2 Europe, 1 North
   *       America</td></tr>
   *   <tr><td>6</td><td>Credit Limit</td><td>number</td><td></td></tr>
   *   <tr><td>7</td><td>Products</td><td>multiple_choice</td><td>11 Helpdesk, 12 Live Chat, 13
   *       Asset Management</td></tr>
   *   <tr><td>8</td><td>Renewal Date</td><td>date</td><td></td></tr>
   *   <tr><td>9</td><td>VAT Number</td><td>text, staff only, shown for choice 2 (Europe)</td>
   *       <td></td></tr>
   * </table>
   *
   * @return an unmodifiable list
   */
  public static List<SandboxCustomField> defaults() {
    Map<Long, String> regions = new LinkedHashMap<>();
    regions.put(3L, "APAC");
    regions.put(4L, "Australia");
    regions.put(2L, "Europe");
    regions.put(1L, "North America");
    Map<Long, String> products = new LinkedHashMap<>();
    products.put(11L, "Helpdesk");
    products.put(12L, "Live Chat");
    products.put(13L, "Asset Management");
    return Collections.unmodifiableList(Arrays.asList(
        text(4, "Account Number"),
        choice(5, "Region ID", regions),
        number(6, "Credit Limit"),
        multipleChoice(7, "Products", products),
        date(8, "Renewal Date"),
        text(9, "VAT Number").visibleToStaffOnly().dependsOnChoice(2)));
  }

  /**
   * Returns the field id, used as {@code c-cf-<id>}.
   *
   * @return positive
   */
  public long id() {
    return id;
  }

  /**
   * Returns the field name.
   *
   * @return not blank
   */
  public String name() {
    return name;
  }

  /**
   * Returns the field type.
   *
   * @return the type
   */
  public Type type() {
    return type;
  }

  /**
   * Returns the choices (id to text, display order) of a choice field.
   *
   * @return unmodifiable; empty for other types
   */
  public Map<Long, String> choices() {
    return choices;
  }

  /**
   * Returns whether a value is required when a contact is created.
   *
   * @return whether required
   */
  public boolean isRequired() {
    return required;
  }

  /**
   * Returns whether only staff can see the field.
   *
   * @return whether staff only
   */
  public boolean isVisibleToStaffOnly() {
    return visibleToStaffOnly;
  }

  /**
   * Returns the choice that shows this field.
   *
   * @return the choice id, or {@code null} for a field always shown
   */
  public Long dependsOnChoice() {
    return dependsOnChoice;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof SandboxCustomField)) {
      return false;
    }
    SandboxCustomField that = (SandboxCustomField) other;
    return id == that.id && name.equals(that.name) && type == that.type
        && choices.equals(that.choices) && required == that.required
        && visibleToStaffOnly == that.visibleToStaffOnly
        && Objects.equals(dependsOnChoice, that.dependsOnChoice);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, type, choices, required, visibleToStaffOnly, dependsOnChoice);
  }

  /**
   * Returns a description.
   *
   * @return e.g. {@code SandboxCustomField{5 "Region ID" choice {3=APAC, 2=Europe}}}
   */
  @Override
  public String toString() {
    return "SandboxCustomField{" + id + " \"" + name + "\" " + type.wireName()
        + (choices.isEmpty() ? "" : " " + choices) + (required ? " required" : "")
        + (visibleToStaffOnly ? " staff only" : "")
        + (dependsOnChoice == null ? "" : " shown for choice " + dependsOnChoice) + "}";
  }
}
