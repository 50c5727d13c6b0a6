package io.github.hfcontacts.client;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer on 127.0.0.1 plus a client wired to it with a fake clock and sleeper, canary
 * credentials, deterministic jitter (always the maximum) and no rate limit. Register with
 * {@code @RegisterExtension}.
 */
final class MockHappyFox implements BeforeEachCallback, AfterEachCallback {
  static final String API_KEY = "CANARY-KEY-7f3a";
  static final String AUTH_CODE = "CANARY-AUTH-9c1e";
  static final String BASIC =
      "Basic " + Base64.getEncoder()
          .encodeToString((API_KEY + ":" + AUTH_CODE).getBytes(StandardCharsets.UTF_8));
  static final String API = "/api/1.1/json/";

  final MockWebServer server = new MockWebServer();
  final FakeClock clock = new FakeClock();
  final RecordingSleeper sleeper = new RecordingSleeper(clock);
  final List<String> logLines = new CopyOnWriteArrayList<>();
  private HappyFoxClient client;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (client != null) {
      client.close();
    }
    server.shutdown();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getPort() + "/";
  }

  /** A builder pointing at the mock, with everything injectable injected. */
  HappyFoxClient.Builder builder() {
    return builderFor(baseUrl());
  }

  /** Like {@link #builder()}, pointing at {@code url} instead. */
  HappyFoxClient.Builder builderFor(String url) {
    return HappyFoxClient.builder()
        .baseUrl(url)
        .allowInsecureHttpForLoopback()
        .credentials(API_KEY, AUTH_CODE)
        .rateLimits(RateLimits.unlimited())
        .clock(clock)
        .sleeper(sleeper)
        .random(() -> 1.0)
        .logger(logLines::add, LogLevel.HEADERS);
  }

  HappyFoxClient client() {
    if (client == null) {
      client = builder().build();
    }
    return client;
  }

  /** Uses {@code custom} instead of the default client; it is closed after the test. */
  HappyFoxClient use(HappyFoxClient custom) {
    if (client != null) {
      client.close();
    }
    client = custom;
    return custom;
  }

  Transport transport() {
    return client().transport();
  }

  TestApi api() {
    return transport().retrofit(new Moshi.Builder().build()).create(TestApi.class);
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the server received no request");
    }
    return request;
  }
}
