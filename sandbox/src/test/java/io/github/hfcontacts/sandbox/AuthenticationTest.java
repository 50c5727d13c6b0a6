package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  private final HappyFoxSandbox sandbox = HappyFoxSandbox.builder()
      .credentials("key-1", "code-1").start();

  @AfterEach
  void close() {
    sandbox.close();
  }

  @Test
  void missingOrWrongCredentialsGet401WithABasicChallenge() {
    Http.Answer missing = new Http(sandbox, null, null).get("users/").expect(401);
    Http.Answer wrong = new Http(sandbox, "key-1", "nope").post("users/",
        "{\"email\": \"x@example.com\", \"name\": \"X\"}").expect(401);
    new Http(sandbox, HappyFoxSandbox.DEFAULT_API_KEY, HappyFoxSandbox.DEFAULT_AUTH_CODE)
        .get("users/").expect(401);

    assertThat(missing.header("WWW-Authenticate")).isEqualTo("Basic realm=\"HappyFox\"");
    assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(sandbox.stats().unauthorized()).isEqualTo(3);
    assertThat(sandbox.stats().contacts()).isZero();
  }

  @Test
  void configuredCredentialsAreAccepted() {
    new Http(sandbox).get("users/").expect(200);

    assertThat(sandbox.apiKey()).isEqualTo("key-1");
    assertThat(sandbox.authCode()).isEqualTo("code-1");
    assertThat(sandbox.toString()).doesNotContain("key-1").doesNotContain("code-1");
  }

  @Test
  void adminEndpointsNeedNoCredentialsAndAreNotCounted() {
    new Http(sandbox, null, null).admin("GET", "stats", null).expect(200);
    new Http(sandbox, null, null).admin("GET", "health", null).expect(200);

    assertThat(sandbox.stats().requests()).isZero();
  }

  @Test
  void defaultsAreTheDocumentedTestValues() {
    try (HappyFoxSandbox defaults = HappyFoxSandbox.start()) {
      assertThat(defaults.apiKey()).isEqualTo("sandbox-api-key");
      assertThat(defaults.authCode()).isEqualTo("sandbox-auth-code");
      assertThat(defaults.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/");
      assertThat(defaults.apiBaseUrl()).isEqualTo(defaults.baseUrl() + "api/1.1/json/");
      assertThat(defaults.adminUrl()).isEqualTo(defaults.baseUrl() + "_sandbox/");
    }
  }
}
