package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.openapi.model.Contact;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/** The client from a user's project: real HTTP to a loopback server of the JDK. */
class ContactDirectoryTest {
  private static final String JAMES = "{\"id\": 33, \"name\": \"James May\","
      + " \"email\": \"james@example.com\", \"custom_fields\": [{\"id\": 4, \"type\": \"text\","
      + " \"name\": \"Account Number\", \"value\": \"XHR1234\", \"value_id\": null}]}";

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
          + " " + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
      boolean known = exchange.getRequestURI().getRawPath().contains("james@example.com");
      byte[] answer = (known ? JAMES : "{\"error\": \"Not found\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(known ? 200 : 404, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private HappyFoxClient.Builder client() {
    return HappyFoxClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .allowInsecureHttpForLoopback()
        .credentials("consumer-key", "consumer-code");
  }

  @Test
  void looksContactsUpByEmail() {
    try (HappyFoxClient client = client().build()) {
      ContactDirectory directory = new ContactDirectory(client);

      assertEquals(Optional.of("James May"), directory.nameOf("james@example.com"));
      assertEquals(Optional.empty(), directory.nameOf("nobody@example.com"));
    }
    assertEquals(List.of(
        "GET /api/1.1/json/user/james@example.com/ Basic Y29uc3VtZXIta2V5OmNvbnN1bWVyLWNvZGU= ",
        "GET /api/1.1/json/user/nobody@example.com/ Basic Y29uc3VtZXIta2V5OmNvbnN1bWVyLWNvZGU= "),
        requests);
  }

  @Test
  void renamesAsynchronouslyKeepingTheCustomFields() throws Exception {
    try (HappyFoxClient client = client().build()) {
      Contact renamed = new ContactDirectory(client).rename("james@example.com", "James Smith")
          .get(30, TimeUnit.SECONDS);

      assertEquals(33L, renamed.getId());
    }
    assertEquals(2, requests.size());
    assertTrue(requests.get(1).startsWith("POST /api/1.1/json/user/james@example.com/ "),
        requests.get(1));
    assertTrue(requests.get(1).endsWith(" {\"name\":\"James Smith\",\"c-cf-4\":\"XHR1234\"}"),
        requests.get(1));
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void runsAsyncOperationsOnVirtualThreads() throws Exception {
    // Java 21 API, called reflectively: this project compiles with --release 11.
    ExecutorService virtual = (ExecutorService)
        Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    Method isVirtual = Thread.class.getMethod("isVirtual");
    List<Boolean> ranVirtual = new CopyOnWriteArrayList<>();
    try (HappyFoxClient client = client()
        .asyncExecutor(task -> virtual.execute(() -> {
          try {
            ranVirtual.add((Boolean) isVirtual.invoke(Thread.currentThread()));
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
          task.run();
        }))
        .build()) {
      List<String> names = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 20; i++) {
        names.add(client.async().contacts().getByEmail("james@example.com")
            .thenApply(Contact::getName).get(30, TimeUnit.SECONDS));
      }
      assertEquals(20, names.stream().filter("James May"::equals).count());
    } finally {
      virtual.shutdown();
    }
    assertEquals(20, ranVirtual.size());
    assertTrue(ranVirtual.stream().allMatch(Boolean::booleanValue), ranVirtual.toString());
  }
}
