package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.API;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResponseSizeLimitTest {
  private static final int CAP = 1024;

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  @BeforeEach
  void smallCap() {
    mock.use(mock.builder().maxResponseBytes(CAP).build());
  }

  private static String jsonOfLength(int length) {
    String prefix = "{\"data\":\"";
    String suffix = "\"}";
    return prefix + "x".repeat(length - prefix.length() - suffix.length()) + suffix;
  }

  @Test
  void announcedContentLengthOverTheCapFails() throws Exception {
    mock.enqueue(json(200, jsonOfLength(2 * CAP)));

    MalformedResponseException e = Thrown.by(MalformedResponseException.class, mock::listUsers);

    assertThat(e).hasMessage("GET " + API
        + "users/ failed: HTTP 200 body exceeds the 1024-byte limit (Content-Length 2048)");
    assertThat(e.statusCode()).hasValue(200);
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
    assertThat(mock.take().getPath()).isEqualTo(API + "users/?size=50&page=1");
    assertThat(mock.sleeper.sleeps()).isEmpty();
  }

  @Test
  void streamedBodyOverTheCapFails() throws Exception {
    mock.enqueue(new MockResponse()
        .setHeader("Content-Type", "application/json")
        .setChunkedBody(jsonOfLength(4 * CAP), 100));

    MalformedResponseException e = Thrown.by(MalformedResponseException.class, mock::listUsers);

    assertThat(e).hasMessage(
        "GET " + API + "users/ failed: HTTP 200 body exceeds the 1024-byte limit");
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
    assertThat(mock.take().getPath()).isEqualTo(API + "users/?size=50&page=1");
    assertThat(mock.sleeper.sleeps()).isEmpty();
  }

  @Test
  void errorBodyOverTheCapFailsWithItsStatus() throws Exception {
    mock.enqueue(new MockResponse().setResponseCode(400).setChunkedBody("e".repeat(3 * CAP), 64));

    MalformedResponseException e = Thrown.by(MalformedResponseException.class, mock::createAnn);

    assertThat(e).hasMessage(
        "POST " + API + "users/ failed: HTTP 400 body exceeds the 1024-byte limit");
    assertThat(e.statusCode()).hasValue(400);
    assertThat(mock.take().getMethod()).isEqualTo("POST");
  }

  @Test
  void bodyExactlyAtTheCapIsAccepted() throws Exception {
    mock.enqueue(json(200, jsonOfLength(CAP)));
    mock.enqueue(new MockResponse().setChunkedBody(jsonOfLength(CAP), 100));

    assertThat(mock.listUsers()).containsKey("data");
    assertThat(mock.listUsers()).containsKey("data");

    assertThat(mock.server.getRequestCount()).isEqualTo(2);
  }
}
