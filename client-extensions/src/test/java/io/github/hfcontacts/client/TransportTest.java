package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.API;
import static io.github.hfcontacts.client.MockHappyFox.BASIC;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Invocation;

class TransportTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  @Test
  void getReturnsBodyAndSendsBasicAuthUserAgentAndQuery() throws Exception {
    mock.enqueue(json(200, Fixtures.read("users-page.json")));

    Map<String, Object> page = mock.transport().execute(mock.api().list(50, 2));

    assertThat((List<?>) page.get("data")).hasSize(2);
    RecordedRequest request = mock.take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo(API + "users/?size=50&page=2");
    assertThat(request.getHeader("Authorization")).isEqualTo(BASIC);
    assertThat(request.getHeader("User-Agent")).matches("happyfox-contacts-java/\\S+");
    assertThat(request.getHeader("Accept")).isEqualTo("application/json");
    assertThat(request.getBodySize()).isZero();
  }

  @Test
  void postSendsJsonBodyAndReturnsAnswer() throws Exception {
    mock.enqueue(json(200, Fixtures.read("contact.json")));
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("name", "Ann Example");
    contact.put("email", "ann@example.com");

    Map<String, Object> created = mock.transport().execute(mock.api().create(contact));

    assertThat(created).containsEntry("id", 42.0).containsEntry("is_login_enabled", "TRUE");
    RecordedRequest request = mock.take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo(API + "users/");
    assertThat(request.getHeader("Authorization")).isEqualTo(BASIC);
    assertThat(request.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    assertThat(request.getBody().readUtf8())
        .isEqualTo("{\"name\":\"Ann Example\",\"email\":\"ann@example.com\"}");
  }

  @Test
  void pathParameterAndSearchQueryAreEncoded() throws Exception {
    mock.enqueue(json(200, Fixtures.read("users-page.json")));

    mock.transport().execute(mock.api().search("email:ann+1@example.com name:Ann"));

    assertThat(mock.take().getPath())
        .isEqualTo(API + "users/?q=email%3Aann%2B1%40example.com%20name%3AAnn");
  }

  @Test
  void anAttemptOutlastingItsWatchdogShieldIsNotCut() throws Exception {
    // The shield is due with the shortest socket timeout (200 ms); the body trickles for about
    // half a second, each read well within that timeout.
    mock.use(mock.builder().readTimeout(Duration.ofMillis(200)).build());
    mock.enqueue(json(200, Fixtures.read("users-page.json") + " ".repeat(600))
        .throttleBody(64, 40, TimeUnit.MILLISECONDS));

    Map<String, Object> page = mock.transport().execute(mock.api().list(50, 1));

    assertThat((List<?>) page.get("data")).hasSize(2);
    assertThat(mock.take().getPath()).isEqualTo(API + "users/?size=50&page=1");
    assertThat(mock.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aNetworkInterceptorOfTheApplicationsClientStillSeesRetrofitsInvocation() throws Exception {
    List<Invocation> seen = new java.util.ArrayList<>();
    OkHttpClient shared = new OkHttpClient.Builder()
        .addNetworkInterceptor(chain -> {
          seen.add(chain.request().tag(Invocation.class));
          return chain.proceed(chain.request());
        })
        .build();
    mock.use(mock.builder().okHttpClient(shared).build());
    mock.enqueue(json(200, "{}"));

    mock.transport().execute(mock.api().get(7));

    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)).isNotNull();
    assertThat(seen.get(0).method().getName()).isEqualTo("get");
    RecordedRequest request = mock.take();
    assertThat(request.getPath()).isEqualTo(API + "user/7/");
    assertThat(request.getHeader("Authorization")).isEqualTo(BASIC);
  }

  @Test
  void customUserAgentIsSent() throws Exception {
    mock.use(mock.builder().userAgent("crm-sync/2.3").build());
    mock.enqueue(json(200, "{}"));

    mock.transport().execute(mock.api().get(7));

    RecordedRequest request = mock.take();
    assertThat(request.getPath()).isEqualTo(API + "user/7/");
    assertThat(request.getHeader("User-Agent")).isEqualTo("crm-sync/2.3");
  }

  @Test
  void executeDiscardingBodyAcceptsVoidAndNoContent() throws Exception {
    mock.enqueue(json(200, "{\"id\": 1}"));
    mock.enqueue(new MockResponse().setResponseCode(204));

    mock.transport().executeDiscardingBody(mock.api().createIgnoringAnswer(Map.of("name", "A")));
    mock.transport().executeDiscardingBody(mock.api().create(Map.of("name", "B")));

    assertThat(mock.take().getBody().readUtf8()).isEqualTo("{\"name\":\"A\"}");
    assertThat(mock.take().getBody().readUtf8()).isEqualTo("{\"name\":\"B\"}");
  }

  @Test
  void executeRejectsNoContentWhereABodyIsExpected() throws Exception {
    mock.enqueue(new MockResponse().setResponseCode(204));

    MalformedResponseException e =
        Thrown.by(MalformedResponseException.class,
            () -> mock.transport().execute(mock.api().get(3)));

    assertThat(e.statusCode()).hasValue(204);
    assertThat(e).hasMessage("GET " + API + "user/3/ failed: malformed body in HTTP 204 (no body)");
    assertThat(mock.take().getPath()).isEqualTo(API + "user/3/");
  }

  @Test
  void closedClientRefusesCalls() {
    TestApi api = mock.api();
    mock.client().close();

    Thrown.by(IllegalStateException.class, () -> mock.transport().execute(api.get(1)));

    assertThat(mock.server.getRequestCount()).isZero();
  }

  @Test
  void credentialsAreSentOnlyToTheApiHost() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.start(InetAddress.getByName("127.0.0.1"), 0);
      other.enqueue(new MockResponse().setBody("ok"));
      Request elsewhere = new Request.Builder()
          .url("http://127.0.0.1:" + other.getPort() + "/elsewhere")
          .build();

      try (Response response = mock.transport().okHttpClient().newCall(elsewhere).execute()) {
        assertThat(response.code()).isEqualTo(200);
      }

      RecordedRequest request = other.takeRequest();
      assertThat(request.getHeader("Authorization")).isNull();
      assertThat(request.getHeader("User-Agent")).startsWith("happyfox-contacts-java/");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void retrofitUsesTheApiBaseUrl() {
    assertThat(mock.transport().retrofit(new com.squareup.moshi.Moshi.Builder().build()).baseUrl())
        .hasToString(mock.baseUrl() + "api/1.1/json/");
  }
}
