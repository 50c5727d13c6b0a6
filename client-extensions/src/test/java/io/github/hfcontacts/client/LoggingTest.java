package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoggingTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private final List<String> lines = new ArrayList<>();

  @Test
  void basicLogsOneLineForTheRequestAndOneForTheResponse() throws Exception {
    mock.use(mock.builder().logger(lines::add, LogLevel.BASIC).build());
    mock.enqueue(json(200, "{}"));

    mock.transport().execute(mock.api().list(50, 2));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo(
        "--> GET http://127.0.0.1:" + mock.server.getPort() + "/api/1.1/json/users/?size=50&page=2");
    assertThat(lines.get(1))
        .matches("<-- 200 GET /api/1\\.1/json/users/ \\(\\d+ ms, 2-byte body\\)");
    assertThat(mock.take().getPath()).isEqualTo("/api/1.1/json/users/?size=50&page=2");
  }

  @Test
  void headersRedactsCredentialsAndCookies() throws Exception {
    mock.use(mock.builder().logger(lines::add, LogLevel.HEADERS).build());
    mock.enqueue(json(200, "{}").setHeader("Set-Cookie", "session=abc123"));

    mock.transport().execute(mock.api().create(Map.of("name", "Ann")));

    assertThat(lines).contains(
        "Authorization: ██",
        "Set-Cookie: ██",
        "Content-Type: application/json; charset=UTF-8",
        "Content-Length: 14",
        "Accept: application/json");
    assertThat(lines).anyMatch(line -> line.startsWith("User-Agent: happyfox-contacts-java/"));
    assertThat(String.join("\n", lines)).doesNotContain("abc123").doesNotContain("Ann");
    assertThat(mock.take().getHeader("Authorization")).isEqualTo(MockHappyFox.BASIC);
  }

  @Test
  void searchQueryValuesAreRedacted() throws Exception {
    mock.use(mock.builder().logger(lines::add, LogLevel.BASIC).build());
    mock.enqueue(json(200, "{}"));

    mock.transport().execute(mock.api().search("email:private.person@example.com"));

    assertThat(lines.get(0)).endsWith("/api/1.1/json/users/?q=██");
    assertThat(mock.take().getPath()).contains("private.person");
  }

  @Test
  void retriesAndFailuresAreLogged() throws Exception {
    mock.use(mock.builder().logger(lines::add, LogLevel.BASIC).build());
    mock.enqueue(json(503, "{}"));
    mock.enqueue(json(200, "{}"));

    mock.transport().execute(mock.api().get(5));

    assertThat(lines).containsSubsequence(
        "--> GET http://127.0.0.1:" + mock.server.getPort() + "/api/1.1/json/user/5/",
        "retrying in 500 ms (attempt 2 of 3): GET /api/1.1/json/user/5/ failed: HTTP 503",
        "--> GET http://127.0.0.1:" + mock.server.getPort() + "/api/1.1/json/user/5/");
    assertThat(mock.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void nothingIsLoggedAtLevelNone() throws Exception {
    mock.use(mock.builder().logger(lines::add, LogLevel.NONE).build());
    mock.enqueue(json(503, "{}"));
    mock.enqueue(json(200, "{}"));

    mock.transport().execute(mock.api().get(5));

    assertThat(lines).isEmpty();
    assertThat(mock.server.getRequestCount()).isEqualTo(2);
  }
}
