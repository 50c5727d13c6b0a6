package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An extension on an instance field: a fresh sandbox for each test, closed after it. */
class PerTestSandboxExtensionTest {
  private static HappyFoxSandbox previous;

  @RegisterExtension
  final HappyFoxSandboxExtension sandbox = new HappyFoxSandboxExtension();

  @Test
  void eachTestGetsAnEmptySandbox() {
    check();
  }

  @Test
  void andAnotherOne() {
    check();
  }

  private void check() {
    assertThat(sandbox.stats().contacts()).isZero();
    new Http(sandbox.sandbox()).post("users/", "{\"email\": \"x@example.com\", \"name\": \"X\"}")
        .expect(200);
    if (previous != null) {
      assertThat(sandbox.sandbox()).isNotSameAs(previous);
      HappyFoxSandbox closed = previous;
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Http(closed).admin("GET",
          "health", null)).isInstanceOf(java.io.UncheckedIOException.class);
    }
    previous = sandbox.sandbox();
  }

  @AfterAll
  static void closedAfterTheLastTest() {
    assertThat(previous).isNotNull();
  }

  @Test
  void accessorsFailClearlyWhenNotRunning() {
    assertThatIllegalStateException().isThrownBy(() -> new HappyFoxSandboxExtension().baseUrl())
        .withMessageContaining("not running");
  }
}
