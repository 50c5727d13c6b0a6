package io.github.hfcontacts.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.hfcontacts.client.HappyFoxClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's Java example, as written there (between the markers). */
class ReadmeExampleTest {
  // README:BEGIN
  @RegisterExtension
  static final HappyFoxSandboxExtension SANDBOX = HappyFoxSandboxExtension.of(HappyFoxSandbox.builder().seedContacts(120));

  @Test
  void pagesThroughEveryContact() {
    HappyFoxClient client = HappyFoxClient.builder().baseUrl(SANDBOX.baseUrl()).allowInsecureHttpForLoopback()
        .credentials(SANDBOX.apiKey(), SANDBOX.authCode()).build();
    assertEquals(120, client.contacts().list().stream().count());
    assertEquals(0, SANDBOX.stats().rateLimited());
  }
  // README:END

  @Test
  void theReadmeShowsThisExample() throws java.io.IOException {
    java.nio.file.Path root = java.nio.file.Paths.get(System.getProperty("sandbox.projectRoot",
        ".."));
    String readme = java.nio.file.Files.readString(root.resolve("README.md"));
    String source = java.nio.file.Files.readString(java.nio.file.Paths.get(
        "src/test/java/io/github/hfcontacts/sandbox/ReadmeExampleTest.java"));
    String example = source.substring(source.indexOf("// README:BEGIN") + 16,
        source.indexOf("  // README:END"));
    for (String line : example.split("\n")) {
      org.assertj.core.api.Assertions.assertThat(readme).contains(line.trim());
    }
  }
}
