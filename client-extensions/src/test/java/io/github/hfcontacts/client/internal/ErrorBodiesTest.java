package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.client.FieldError;
import java.io.IOException;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {
  private static java.util.Optional<List<FieldError>> envelope(String body) throws IOException {
    return ErrorBodies.envelope(new Buffer().writeUtf8(body));
  }

  @Test
  void documentedFormIsAnEnvelope() throws IOException {
    assertThat(envelope("{\"error\":[{\"field\":\"name\",\"errors\":[\"This field is required.\"]}]}"))
        .hasValue(List.of(FieldError.of("name", List.of("This field is required."))));
  }

  @Test
  void otherObjectsAreNotEnvelopes() throws IOException {
    assertThat(envelope("{\"id\":1,\"error\":[]}")).isEmpty();
    assertThat(envelope("{\"error\":[],\"id\":1}")).isEmpty();
    assertThat(envelope("{\"error\":null}")).isEmpty();
    assertThat(envelope("[{\"error\":[]}]")).isEmpty();
    assertThat(envelope("{}")).isEmpty();
    assertThat(envelope("")).isEmpty();
    assertThat(envelope("{\"error\":[")).isEmpty();
    assertThat(envelope("<html>")).isEmpty();
  }

  @Test
  void lenientItemShapesAreRead() {
    assertThat(ErrorBodies.fieldErrors(
            "{\"status\":\"x\",\"error\":[\"plain\",{\"field\":\"email\",\"message\":\"bad\"},"
                + "{\"field\":\"phones\",\"errors\":[\"one\",2,{\"nested\":true}]},42]}"))
        .containsExactly(
            FieldError.of("", List.of("plain")),
            FieldError.of("email", List.of("bad")),
            FieldError.of("phones", List.of("one", "2")));
  }

  @Test
  void nonJsonHasNoFieldErrors() {
    assertThat(ErrorBodies.fieldErrors("Bad Request")).isEmpty();
    assertThat(ErrorBodies.fieldErrors("{\"detail\":\"x\"}")).isEmpty();
  }

  @Test
  void truncateKeepsSurrogatePairsWhole() {
    assertThat(ErrorBodies.truncate("ab\uD83D\uDE00cd", 3)).isEqualTo("ab");
    assertThat(ErrorBodies.truncate("abc", 5)).isEqualTo("abc");
  }
}
