package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Invocation;

/** What the request past the headers interceptor carries: the headers, and the tag if asked. */
class HeadersInterceptorTest {
  @RegisterExtension final LoopbackServer loopback = new LoopbackServer();
  private final MockWebServer server = loopback.server;
  private final List<Request> pastTheInterceptor = new ArrayList<>();

  private OkHttpClient client(HttpUrl base, boolean dropInvocationTag) {
    return new OkHttpClient.Builder()
        .addInterceptor(new HeadersInterceptor(base, "Basic a2V5OmNvZGU=", "test-agent/1",
            dropInvocationTag))
        .addNetworkInterceptor(chain -> {
          pastTheInterceptor.add(chain.request());
          return chain.proceed(chain.request());
        })
        .build();
  }

  private RecordedRequest send(OkHttpClient client, Request request) throws Exception {
    server.enqueue(new MockResponse().setBody("{}"));
    try (Response response = client.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    return server.takeRequest();
  }

  private RecordedRequest send(boolean dropInvocationTag) throws Exception {
    HttpUrl base = server.url("/api/1.1/json/");
    OkHttpClient client = client(base, dropInvocationTag);
    Method method = HeadersInterceptorTest.class.getDeclaredMethod("send", boolean.class);
    Request request = new Request.Builder().url(base.resolve("user/7/"))
        .tag(Invocation.class, Invocation.of(
            HeadersInterceptorTest.class, this, method, List.of(dropInvocationTag)))
        .build();
    return send(client, request);
  }

  @Test
  void dropsRetrofitsInvocationTagAndAddsTheHeaders() throws Exception {
    RecordedRequest onTheWire = send(true);

    assertThat(pastTheInterceptor).hasSize(1);
    assertThat(pastTheInterceptor.get(0).tag(Invocation.class)).isNull();
    assertThat(onTheWire.getPath()).isEqualTo("/api/1.1/json/user/7/");
    assertThat(onTheWire.getHeader("Authorization")).isEqualTo("Basic a2V5OmNvZGU=");
    assertThat(onTheWire.getHeader("User-Agent")).isEqualTo("test-agent/1");
    assertThat(onTheWire.getHeader("Accept")).isEqualTo("application/json");
  }

  @Test
  void aRequestWithHeadersOfItsOwnKeepsThemAndItsAccept() throws Exception {
    HttpUrl base = server.url("/api/1.1/json/");
    Request request = new Request.Builder().url(base.resolve("users/"))
        .header("Accept", "text/plain").header("X-Request-Id", "r-1")
        .header("User-Agent", "overridden/0")
        .build();

    RecordedRequest onTheWire = send(client(base, true), request);

    assertThat(onTheWire.getHeader("Accept")).isEqualTo("text/plain");
    assertThat(onTheWire.getHeader("X-Request-Id")).isEqualTo("r-1");
    assertThat(onTheWire.getHeaders().values("User-Agent")).containsExactly("test-agent/1");
    assertThat(onTheWire.getHeader("Authorization")).isEqualTo("Basic a2V5OmNvZGU=");
  }

  @Test
  void anotherOriginGetsNoCredentials() throws Exception {
    // The same server under another host name: 127.0.0.1 is the configured origin, localhost not.
    HttpUrl base = server.url("/api/1.1/json/").newBuilder().host("127.0.0.1").build();
    HttpUrl elsewhere = base.newBuilder().host("localhost").build();

    RecordedRequest plain = send(client(base, true),
        new Request.Builder().url(elsewhere.resolve("users/")).build());
    RecordedRequest withHeaders = send(client(base, true),
        new Request.Builder().url(elsewhere.resolve("users/")).header("X-Request-Id", "r-2").build());

    for (RecordedRequest onTheWire : List.of(plain, withHeaders)) {
      assertThat(onTheWire.getHeader("Authorization")).isNull();
      assertThat(onTheWire.getHeader("User-Agent")).isEqualTo("test-agent/1");
      assertThat(onTheWire.getHeader("Accept")).isEqualTo("application/json");
    }
  }

  @Test
  void keepsTheTagWhenAskedTo() throws Exception {
    RecordedRequest onTheWire = send(false);

    assertThat(pastTheInterceptor).hasSize(1);
    Invocation invocation = pastTheInterceptor.get(0).tag(Invocation.class);
    assertThat(invocation).isNotNull();
    assertThat(invocation.method().getName()).isEqualTo("send");
    assertThat(onTheWire.getHeader("Authorization")).isEqualTo("Basic a2V5OmNvZGU=");
  }
}
