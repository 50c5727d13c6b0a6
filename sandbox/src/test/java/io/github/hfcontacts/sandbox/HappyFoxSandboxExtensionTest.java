package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HappyFoxSandboxExtensionTest {
  @RegisterExtension
  static final HappyFoxSandboxExtension SANDBOX = HappyFoxSandboxExtension
      .of(HappyFoxSandbox.builder().seedContacts(5))
      .resetBeforeEach();

  private static int firstPort;

  @Test
  @Order(1)
  void givesARunningSandboxAndItsCoordinates(HappyFoxSandbox sandbox) {
    assertThat(sandbox).isSameAs(SANDBOX.sandbox());
    assertThat(SANDBOX.baseUrl()).isEqualTo(sandbox.baseUrl());
    assertThat(SANDBOX.apiBaseUrl()).endsWith("/api/1.1/json/");
    assertThat(SANDBOX.apiKey()).isEqualTo(HappyFoxSandbox.DEFAULT_API_KEY);
    assertThat(SANDBOX.authCode()).isEqualTo(HappyFoxSandbox.DEFAULT_AUTH_CODE);
    new Http(sandbox).post("users/", "{\"email\": \"x@example.com\", \"name\": \"X\"}")
        .expect(200);
    assertThat(SANDBOX.stats().contacts()).isEqualTo(6);
    firstPort = sandbox.port();
  }

  @Test
  @Order(2)
  void resetsTheClassSandboxBeforeEachTest() {
    assertThat(SANDBOX.sandbox().port()).isEqualTo(firstPort);
    assertThat(SANDBOX.stats().contacts()).isEqualTo(5);
    assertThat(SANDBOX.stats().requests()).isZero();
  }
}
