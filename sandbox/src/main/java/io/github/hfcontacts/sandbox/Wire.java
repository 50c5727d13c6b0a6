package io.github.hfcontacts.sandbox;

import io.github.hfcontacts.openapi.model.CustomFieldType;
import io.github.hfcontacts.openapi.model.LoginFlag;
import io.github.hfcontacts.openapi.model.PhoneType;

/**
 * The only place where the sandbox turns its plain string values into the generated models'
 * enumerations (phone types, login flags, custom-field types), so that a change of those types
 * in the spec touches these few lines only.
 */
final class Wire {
  private Wire() {}

  static PhoneType phoneType(String wire) {
    return PhoneType.fromValue(wire);
  }

  static LoginFlag loginFlag(boolean enabled) {
    return enabled ? LoginFlag.TRUE : LoginFlag.FALSE;
  }

  static CustomFieldType fieldType(SandboxCustomField.Type type) {
    return CustomFieldType.fromValue(type.wireName());
  }
}
