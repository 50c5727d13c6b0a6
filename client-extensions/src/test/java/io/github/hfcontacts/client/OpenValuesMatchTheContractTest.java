package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract keeps phone kinds and custom-field types open ({@code type: string} with the known
 * values in {@code x-extensible-enum}); the facade's {@link PhoneKind} and {@link FieldType} are
 * the typed view of those strings. They must know exactly the values the contract lists, and map
 * any other string to "unknown" instead of failing.
 */
class OpenValuesMatchTheContractTest {
  private static final String SPEC = "/io/github/hfcontacts/spec/happyfox-contacts.yaml";

  @Test
  void phoneKindsAreTheKnownValuesOfPhoneType() throws IOException {
    List<String> kinds = Arrays.stream(PhoneKind.values()).map(PhoneKind::wireValue).collect(Collectors.toList());

    assertThat(kinds).containsExactlyElementsOf(knownValues("PhoneType"));
    assertThat(PhoneKind.fromWireValue("w")).hasValue(PhoneKind.WORK);
    assertThat(PhoneKind.fromWireValue("f")).isEqualTo(Optional.empty());
  }

  @Test
  void fieldTypesAreTheKnownValuesOfCustomFieldType() throws IOException {
    List<String> known = knownValues("CustomFieldType");

    assertThat(known).hasSize(FieldType.values().length - 1);
    for (String value : known) {
      assertThat(FieldType.fromWireValue(value)).as(value).isNotEqualTo(FieldType.UNKNOWN);
    }
    assertThat(known.stream().map(FieldType::fromWireValue).distinct()).hasSize(known.size());
    assertThat(FieldType.fromWireValue("multiple_select")).isEqualTo(FieldType.UNKNOWN);
    assertThat(FieldType.fromWireValue(null)).isEqualTo(FieldType.UNKNOWN);
  }

  /** The {@code x-extensible-enum: [a, b]} list of a component schema of the published contract. */
  private static List<String> knownValues(String component) throws IOException {
    String spec;
    try (InputStream in = OpenValuesMatchTheContractTest.class.getResourceAsStream(SPEC)) {
      assertThat(in).as(SPEC).isNotNull();
      spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher block = Pattern.compile("(?ms)^    " + component + ":\\n(.*?)(?=^    \\S|^  \\S)").matcher(spec);
    assertThat(block.find()).as("components.schemas.%s", component).isTrue();
    Matcher list = Pattern.compile("(?m)^      x-extensible-enum: \\[(.*)\\]$").matcher(block.group(1));
    assertThat(list.find()).as("x-extensible-enum of %s", component).isTrue();
    return Arrays.stream(list.group(1).split(",")).map(String::trim).collect(Collectors.toList());
  }
}
