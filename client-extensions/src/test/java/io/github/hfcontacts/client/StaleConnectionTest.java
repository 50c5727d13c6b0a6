package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that closes idle keep-alive connections: the next POST must go out on a new connection
 * and succeed, not fail as "may have reached the server" when the server received nothing.
 */
class StaleConnectionTest {
  private static final String GROUP =
      "{\"id\": 3, \"name\": \"VIP\", \"description\": null, \"tagged_domains\": \"\","
          + " \"contacts\": []}";

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();
  private LoopbackHttpServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private HappyFoxClient idleClosingServerClient() throws IOException {
    return idleClosingServerClient(RetryPolicy.none());
  }

  private HappyFoxClient idleClosingServerClient(RetryPolicy policy) throws IOException {
    server = new LoopbackHttpServer(exchange -> LoopbackHttpServer.json(200,
        exchange.method.equals("GET") ? "[]" : GROUP));
    server.closeAfterEachResponse = true; // as if the idle timeout struck right after each answer
    return mock.use(mock.builderFor(server.baseUrl()).retryPolicy(policy).build());
  }

  @Test
  void nonIdempotentPostAfterTheServerClosedTheIdleConnectionSucceedsOnANewOne() throws Exception {
    HappyFoxClient client = idleClosingServerClient();
    client.contactGroups().list();
    server.awaitClosed(1);

    client.contactGroups().create("VIP", null, List.of());

    assertThat(server.exchanges).extracting(e -> e.method + " " + e.path + " on #" + e.connection)
        .containsExactly("GET /api/1.1/json/contact_groups/ on #1",
            "POST /api/1.1/json/contact_groups/ on #2");
    assertThat(mock.logLines.stream().filter(line -> line.startsWith("<-- HTTP FAILED"))
        .collect(Collectors.toList())).hasSize(1).allMatch(line -> line.contains("not written"));
  }

  /**
   * POSTs are probed before every write; a GET on a connection used moments ago is not (the probe
   * costs up to 1 ms), and is replayed by the retry policy instead when it meets a closed one.
   */
  @Test
  void everyRequestOfASequenceSurvivesTheServerClosingEachConnection() throws Exception {
    HappyFoxClient client = idleClosingServerClient(RetryPolicy.defaults());

    for (int i = 0; i < 5; i++) {
      client.contactGroups().create("G" + i, null, List.of());
      server.awaitClosed(1);
      client.contactGroups().list();
      server.awaitClosed(1);
    }

    assertThat(server.exchanges).hasSize(10);
    assertThat(server.exchanges.stream().map(e -> e.connection).distinct().count()).isEqualTo(10);
    assertThat(server.exchanges.stream().filter(e -> e.method.equals("POST")).count()).isEqualTo(5);
  }

  /** The root cause, kept as a check: OkHttp alone writes the POST into the closed connection. */
  @Test
  void plainOkHttpWithoutRetriesFailsThePostOnTheClosedConnection() throws Exception {
    idleClosingServerClient();
    OkHttpClient plain = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    try {
      try (Response first = plain.newCall(new Request.Builder().url(server.baseUrl()).build())
          .execute()) {
        first.body().string();
      }
      server.awaitClosed(1);

      Throwable thrown = catchThrowable(() -> plain.newCall(new Request.Builder()
          .url(server.baseUrl()).post(RequestBody.create("{}", MediaType.get("application/json")))
          .build()).execute().close());

      assertThat(thrown).isInstanceOf(IOException.class);
      assertThat(server.exchanges).hasSize(1);
    } finally {
      plain.connectionPool().evictAll();
      plain.dispatcher().executorService().shutdown();
    }
  }
}
