package io.github.hfcontacts.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The generated sources use Moshi only, and are generated into target/ (never committed). */
class GeneratedSourcesHygieneTest {
  static final Path GENERATED = Path.of("target/generated-sources/openapi/src/main/java");
  static final Pattern FORBIDDEN = Pattern.compile(
      "com\\.google\\.gson|com\\.fasterxml\\.jackson|javax\\.|jakarta\\.|extends HashMap|@Generated");

  static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(GENERATED)) {
      return files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
  }

  @Test
  void generatedSourcesExist() throws IOException {
    assertThat(sources()).extracting(p -> p.getFileName().toString())
        .contains("ContactsApi.java", "ContactGroupsApi.java", "ContactCustomFieldsApi.java",
            "Contact.java", "ContactUpsertRequest.java", "ContactUpsertResponse.java");
  }

  @Test
  void noGsonJacksonJavaxOrJakartaInGeneratedSources() throws IOException {
    for (Path source : sources()) {
      String text = Files.readString(source);
      assertThat(FORBIDDEN.matcher(text).find()).as(source + " matches " + FORBIDDEN).isFalse();
    }
  }

  @Test
  void everyModelUsesMoshiWireNames() throws IOException {
    for (Path source : sources()) {
      String text = Files.readString(source);
      if (text.contains("@OpenApiModel") && text.contains("private ")) {
        assertThat(text).as(source.toString()).contains("import com.squareup.moshi.Json;");
        // Declared properties: the private fields but the runtime's bookkeeping ones, each declared
        // right under its own annotation.
        long fields = text.lines().filter(l -> l.matches("  private (?!final).*;")).count()
            - text.lines().filter(l -> l.matches(
                "  @io\\.github\\.hfcontacts\\.openapi\\.moshi\\.(ExplicitNulls|AdditionalProperties).*")).count();
        long names = text.lines().filter(l -> l.contains("@Json(name = ")).count();
        assertThat(names).as(source + ": every field has @Json").isEqualTo(fields);
      }
    }
  }
}
