package io.github.hfcontacts.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The committed model reference ({@code docs/model-reference.md}) is what {@link ModelReference}
 * renders from the spec and the generated classes; with {@code -Dmodel-reference.update=true} the
 * test writes it instead.
 */
class ModelReferenceTest {
  private static final Path FILE = Paths.get("..", "docs", "model-reference.md");

  @Test
  void theModelReferenceMatchesTheSpecAndTheGeneratedClasses() throws IOException {
    String rendered = ModelReference.render(SpecExamples.spec());
    if (Boolean.getBoolean("model-reference.update")) {
      Files.writeString(FILE, rendered, StandardCharsets.UTF_8);
    }

    assertThat(rendered).contains("## Contact\n", "`getUpdatedAt()`", "## ContactPage\n",
        "## ContactGroup\n", "| `w` | `W` |");
    assertThat(Files.exists(FILE)).as(FILE + " exists").isTrue();
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as(FILE.normalize() + " is out of date with the spec; regenerate it with"
            + " ./mvnw -pl openapi,client-generated install -Dtest=ModelReferenceTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dmodel-reference.update=true")
        .isEqualTo(rendered);
  }

  @Test
  void javaTypeNamesLoseTheirPackages() {
    assertThat(ModelReference.simple("java.util.List<io.github.hfcontacts.openapi.model.Phone>"))
        .isEqualTo("List<Phone>");
    assertThat(ModelReference.firstParagraph("A contact.\nSecond line.\n\nMore.\n"))
        .isEqualTo("A contact. Second line.");
  }
}
