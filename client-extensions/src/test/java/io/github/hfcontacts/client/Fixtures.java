package io.github.hfcontacts.client;

import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the JSON fixtures under {@code src/test/resources/fixtures}, and builds small ones. */
final class Fixtures {
  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Contact 33 ({@code x@example.com}) as HappyFox answers it, with these custom_fields. */
  static String contactJson(String customFields) {
    return contactJson("", customFields);
  }

  /**
   * Contact 33 as HappyFox answers it, with {@code otherMembers} (JSON members, each followed by
   * {@code ", "}) before these custom_fields.
   */
  static String contactJson(String otherMembers, String customFields) {
    return "{\"id\": 33, \"name\": \"x\", \"email\": \"x@example.com\", " + otherMembers
        + "\"custom_fields\": " + customFields + "}";
  }

  /** {@link #contactJson(String)} read as a contact. */
  static Contact contact(String customFields) throws IOException {
    return HappyFoxMoshi.create().adapter(Contact.class).fromJson(contactJson(customFields));
  }
}
