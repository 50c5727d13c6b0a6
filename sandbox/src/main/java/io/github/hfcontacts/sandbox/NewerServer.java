package io.github.hfcontacts.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link HappyFoxSandbox.Builder#newerServer()} changes: the sandbox then answers like a
 * HappyFox newer than the project's spec, so that a client can be tested against values and
 * properties its spec does not list: a phone type {@value #PHONE_TYPE}, a custom field of type
 * {@code url} ({@link #FIELD_ID}), and the property {@value #PROPERTY} in every object of every
 * successful answer.
 */
final class NewerServer {
  /** The phone type (fax) that only a newer server knows. */
  static final String PHONE_TYPE = "f";
  /** The id of the custom field of type {@code url} that only a newer server has. */
  static final long FIELD_ID = 10;
  /** The property that a newer server adds to every object it answers. */
  static final String PROPERTY = "newer_server_field";

  private NewerServer() {}

  /** The default custom fields plus one of a type the spec does not list. */
  static List<SandboxCustomField> customFields(List<SandboxCustomField> fields) {
    List<SandboxCustomField> all = new ArrayList<>(fields);
    all.add(SandboxCustomField.url(FIELD_ID, "Profile URL"));
    return Collections.unmodifiableList(all);
  }

  /** Adds {@link #PROPERTY} (a nested value of every JSON kind) to every object of a JSON body. */
  static byte[] withUnknownProperties(byte[] body) {
    Object tree = Json.parse(body);
    decorate(tree);
    return Json.write(tree);
  }

  @SuppressWarnings("unchecked")
  private static void decorate(Object node) {
    if (node instanceof Map) {
      Map<String, Object> map = (Map<String, Object>) node;
      for (Object value : map.values()) {
        decorate(value);
      }
      map.put(PROPERTY, unknownValue());
    } else if (node instanceof List) {
      for (Object item : (List<?>) node) {
        decorate(item);
      }
    }
  }

  private static Map<String, Object> unknownValue() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("text", "a property this version of the spec does not list");
    value.put("values", Arrays.asList(1L, 2.5d, "three", true, null, new LinkedHashMap<>()));
    return value;
  }
}
