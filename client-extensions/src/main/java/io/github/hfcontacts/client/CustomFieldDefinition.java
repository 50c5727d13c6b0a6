package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.model.ContactCustomField;
import io.github.hfcontacts.openapi.model.CustomFieldChoice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The definition of one contact custom field, from {@code GET /user_custom_fields/}: its id (the
 * {@code <id>} of {@code c-cf-<id>}), name, type, whether it is required and, for choice fields,
 * its choices.
 *
 * <p>Example: for {@code {"id": 5, "name": "Region ID", "type": "choice", "required": false,
 * "choices": [{"id": 3, "text": "APAC"}]}}, {@code type()} is {@link FieldType#CHOICE} and
 * {@code choice(3)} returns the choice {@code APAC}.
 *
 * <p>Thread safety: immutable.
 */
public final class CustomFieldDefinition {
  private final long id;
  private final String name;
  private final FieldType type;
  private final boolean required;
  private final boolean visibleToStaffOnly;
  private final Long dependsOnChoice;
  private final List<Choice> choices;

  private CustomFieldDefinition(
      long id, String name, FieldType type, boolean required, boolean visibleToStaffOnly,
      Long dependsOnChoice, List<Choice> choices) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.required = required;
    this.visibleToStaffOnly = visibleToStaffOnly;
    this.dependsOnChoice = dependsOnChoice;
    this.choices = choices;
  }

  static CustomFieldDefinition fromModel(ContactCustomField model) {
    List<Choice> choices = new ArrayList<>();
    if (model.getChoices() != null) {
      for (CustomFieldChoice choice : model.getChoices()) {
        if (choice != null && choice.getId() != null) {
          choices.add(new Choice(choice.getId(),
              choice.getText() == null ? "" : choice.getText()));
        }
      }
    }
    return new CustomFieldDefinition(
        model.getId() == null ? 0 : model.getId(),
        model.getName() == null ? "" : model.getName(),
        FieldType.fromWireValue(model.getType()),
        Boolean.TRUE.equals(model.getRequired()),
        Boolean.TRUE.equals(model.getVisibleToStaffOnly()),
        model.getDependsOnChoice(),
        Collections.unmodifiableList(choices));
  }

  /**
   * Returns the field's id.
   *
   * <p>Example: {@code 5}, used as the key {@code c-cf-5}.
   *
   * @return the id
   */
  public long id() {
    return id;
  }

  /**
   * Returns the field's name.
   *
   * <p>Example: {@code "Region ID"}.
   *
   * @return the name, possibly empty
   */
  public String name() {
    return name;
  }

  /**
   * Returns the field's type.
   *
   * <p>Example: {@link FieldType#CHOICE} for {@code "type": "choice"}; {@link FieldType#UNKNOWN}
   * for a type this version does not know.
   *
   * @return the type
   */
  public FieldType type() {
    return type;
  }

  /**
   * Returns whether HappyFox requires a value when a contact is created.
   *
   * <p>Example: {@code true} for {@code "required": true}.
   *
   * @return whether the field is required
   */
  public boolean required() {
    return required;
  }

  /**
   * Returns whether only staff can see the field.
   *
   * <p>Example: {@code false} for {@code "visible_to_staff_only": false}.
   *
   * @return whether the field is staff-only
   */
  public boolean visibleToStaffOnly() {
    return visibleToStaffOnly;
  }

  /**
   * Returns the id of the choice (of another field) that shows this field, for a dependant field.
   *
   * <p>Example: {@code OptionalLong.empty()} for {@code "depends_on_choice": null}.
   *
   * @return the choice id, or empty for a field that is always shown
   */
  public OptionalLong dependsOnChoice() {
    return dependsOnChoice == null ? OptionalLong.empty() : OptionalLong.of(dependsOnChoice);
  }

  /**
   * Returns the field's choices, for choice and multiple-choice fields.
   *
   * <p>Example: {@code [3 "APAC", 4 "Australia"]}; empty for a text field.
   *
   * @return an unmodifiable list
   */
  public List<Choice> choices() {
    return choices;
  }

  /**
   * Returns the choice with this id.
   *
   * <p>Example: {@code choice(3)} returns {@code Optional.of(3 "APAC")}.
   *
   * @param choiceId the choice's id
   * @return the choice, or empty when the field has no such choice
   */
  public Optional<Choice> choice(long choiceId) {
    for (Choice choice : choices) {
      if (choice.id() == choiceId) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the choice with this text, ignoring case.
   *
   * <p>Example: {@code choiceByText("apac")} returns {@code Optional.of(3 "APAC")}.
   *
   * @param text the choice's label
   * @return the first choice with this text, or empty
   */
  public Optional<Choice> choiceByText(String text) {
    Objects.requireNonNull(text, "text");
    for (Choice choice : choices) {
      if (choice.text().equalsIgnoreCase(text)) {
        return Optional.of(choice);
      }
    }
    return Optional.empty();
  }

  /** Returns {@code c-cf-5 ("Region ID")}, the form used in error messages. */
  String label() {
    return CustomFieldValue.key(id) + (name.isEmpty() ? "" : " (\"" + name + "\")");
  }

  /**
   * Returns a description.
   *
   * @return e.g. {@code CustomFieldDefinition{5 "Region ID" CHOICE, choices [3 "APAC"]}}
   */
  @Override
  public String toString() {
    return "CustomFieldDefinition{" + id + " \"" + name + "\" " + type
        + (required ? " required" : "")
        + (choices.isEmpty() ? "" : ", choices " + choices) + "}";
  }

  /**
   * One choice of a choice or multiple-choice field.
   *
   * <p>Example: {@code {"id": 3, "text": "APAC"}} has {@code id()} 3 and {@code text()} "APAC".
   *
   * <p>Thread safety: immutable.
   */
  public static final class Choice {
    private final long id;
    private final String text;

    Choice(long id, String text) {
      this.id = id;
      this.text = text;
    }

    /**
     * Returns the choice's id, the value sent for the field.
     *
     * <p>Example: {@code 3}.
     *
     * @return the id
     */
    public long id() {
      return id;
    }

    /**
     * Returns the choice's label.
     *
     * <p>Example: {@code "APAC"}.
     *
     * @return the label
     */
    public String text() {
      return text;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (!(other instanceof Choice)) {
        return false;
      }
      Choice that = (Choice) other;
      return id == that.id && text.equals(that.text);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(id) * 31 + text.hashCode();
    }

    /**
     * Returns the id and the label.
     *
     * @return e.g. {@code 3 "APAC"}
     */
    @Override
    public String toString() {
      return id + " \"" + text + "\"";
    }
  }
}
