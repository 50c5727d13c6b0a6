package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The size-capped body reports each response's own media type, remembered or not. */
class ResponseSizeLimitInterceptorTest {
  @RegisterExtension final LoopbackServer loopback = new LoopbackServer();
  private final MockWebServer server = loopback.server;
  private final OkHttpClient client = new OkHttpClient.Builder()
      .addInterceptor(new ResponseSizeLimitInterceptor(1 << 20))
      .build();

  private MediaType contentTypeOf(MockResponse answer) throws Exception {
    server.enqueue(answer.setBody("{}"));
    try (Response response = client.newCall(new Request.Builder().url(server.url("/x")).build())
        .execute()) {
      assertThat(response.body().string()).isEqualTo("{}");
      return response.body().contentType();
    }
  }

  @Test
  void eachResponseReportsItsOwnMediaType() throws Exception {
    MockResponse json = new MockResponse().setHeader("Content-Type", "application/json");
    MockResponse latin1 = new MockResponse()
        .setHeader("Content-Type", "text/plain; charset=iso-8859-1");

    assertThat(contentTypeOf(json)).isEqualTo(MediaType.get("application/json"));
    assertThat(contentTypeOf(json)).isEqualTo(MediaType.get("application/json"));
    MediaType text = contentTypeOf(latin1);
    assertThat(text).isEqualTo(MediaType.get("text/plain; charset=iso-8859-1"));
    assertThat(text.charset()).hasToString("ISO-8859-1");
    assertThat(contentTypeOf(new MockResponse().removeHeader("Content-Type"))).isNull();
    assertThat(contentTypeOf(json)).isEqualTo(MediaType.get("application/json"));
    assertThat(server.getRequestCount()).isEqualTo(5);
  }
}
