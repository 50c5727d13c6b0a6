package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.API_KEY;
import static io.github.hfcontacts.client.MockHappyFox.AUTH_CODE;
import static io.github.hfcontacts.client.MockHappyFox.BASIC;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A canary API key and auth code must never surface in messages, toString() or logs. */
class CredentialLeakTest {
  private static final String ECHO = Fixtures.read("error-echoing-credentials.json");

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  static Stream<Arguments> errorPaths() {
    List<Arguments> paths = new ArrayList<>();
    add(paths, "400 echoing the credentials", () -> json(400, ECHO));
    add(paths, "200 error envelope echoing the credentials", () -> json(200, ECHO));
    add(paths, "401", () -> json(401, "{\"error\":\"bad key " + API_KEY + "\"}")
        .setHeader("WWW-Authenticate", "Basic realm=\"HappyFox\""));
    add(paths, "403", () -> json(403, "{}"));
    add(paths, "404", () -> json(404, "{}"));
    add(paths, "405", () -> json(405, "{}"));
    add(paths, "301", () -> new MockResponse().setResponseCode(301)
        .setHeader("Location", "https://evil.example/?key=" + API_KEY));
    add(paths, "429 over the cap", () -> json(429, "{}").setHeader("Retry-After", "600"));
    add(paths, "500", () -> json(500, AUTH_CODE));
    add(paths, "503", () -> json(503, "{}").setHeader("Retry-After", "1"));
    add(paths, "malformed JSON", () -> json(200, "{" + API_KEY));
    add(paths, "wrong shape", () -> json(200, "[\"" + AUTH_CODE + "\"]"));
    add(paths, "over the size cap", () -> json(200, "\"" + "x".repeat(20_000) + "\""));
    add(paths, "disconnect after request",
        () -> new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    add(paths, "disconnect during body", () -> json(200, "{\"a\":\"" + "y".repeat(5000) + "\"}")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    add(paths, "set-cookie", () -> json(418, "{}").setHeader("Set-Cookie", "s=" + AUTH_CODE));
    add(paths, "status line carrying the key",
        () -> json(200, "{}").setStatus("HTTP/1.1 2x0 " + API_KEY));
    add(paths, "key cut in two by the excerpt",
        () -> json(500, "x".repeat(HappyFoxException.MAX_BODY_EXCERPT_CHARS - 6) + API_KEY));
    return paths.stream();
  }

  private static void add(List<Arguments> paths, String name, Supplier<MockResponse> response) {
    paths.add(Arguments.of(name, "GET", response));
    paths.add(Arguments.of(name, "POST", response));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("errorPaths")
  void noErrorPathLeaksTheCredentials(String name, String method, Supplier<MockResponse> response)
      throws Exception {
    mock.use(mock.builder().maxResponseBytes(10_000).build());
    for (int i = 0; i < 3; i++) {
      mock.enqueue(response.get());
    }

    Throwable thrown = catchThrowable(() -> {
      if (method.equals("GET")) {
        mock.listUsers();
      } else {
        mock.createAnn();
      }
    });

    assertThat(thrown).isInstanceOf(HappyFoxException.class);
    Leaks.assertNone(thrown, mock.logLines);
    assertThat(mock.logLines).contains("Authorization: ██");
    assertThat(mock.take().getHeader("Authorization")).isEqualTo(BASIC);
  }

  @Test
  void refusedConnectionDoesNotLeakTheCredentials() throws Exception {
    int port = MockHappyFox.freePort();
    mock.use(mock.builderFor("http://127.0.0.1:" + port + "/").build());

    Throwable thrown = catchThrowable(mock::listUsers);

    assertThat(thrown).isInstanceOf(NetworkException.class);
    Leaks.assertNone(thrown, mock.logLines);
  }

  @Test
  void toStringsDoNotShowTheCredentials() {
    HappyFoxClient.Builder builder = mock.builder();

    assertNoSecret(builder.toString());
    assertNoSecret(mock.client().toString());
    assertNoSecret(mock.transport().toString());
    assertNoSecret(mock.transport().okHttpClient().interceptors().toString());
    assertThat(mock.client().toString()).contains("credentials=██");
  }

  @Test
  void validationMessagesDoNotEchoTheCredentials() throws IOException {
    List<Throwable> failures = List.of(
        catchThrowable(() -> mock.builder().credentials(API_KEY + ":x", AUTH_CODE).build()),
        catchThrowable(() -> mock.builder().credentials(API_KEY + "\n", AUTH_CODE).build()),
        catchThrowable(() -> mock.builder().credentials(API_KEY, " " + AUTH_CODE).build()),
        catchThrowable(() -> mock.builder().credentials(API_KEY, AUTH_CODE + "\u0000").build()),
        catchThrowable(() -> HappyFoxClient.builder()
            .baseUrl("https://" + API_KEY + ":" + AUTH_CODE + "@support.example.com")
            .credentials(API_KEY, AUTH_CODE).build()));

    for (Throwable failure : failures) {
      assertThat(failure).isInstanceOf(IllegalArgumentException.class);
      assertNoSecret(Leaks.everything(failure));
    }
  }

  private static void assertNoSecret(String text) {
    assertThat(Leaks.found(text)).as("credentials shown").isEmpty();
  }
}
