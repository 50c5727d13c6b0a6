package com.example.jpms;

import com.sun.net.httpserver.HttpServer;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.openapi.model.Contact;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Runs the client as a named module against a loopback server and checks the module names and
 * the result; exits with 1 on any difference.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/api/1.1/json/user/33/", exchange -> {
      byte[] answer = "{\"id\": 33, \"name\": \"James May\", \"email\": \"james@example.com\"}"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    });
    server.start();
    try (HappyFoxClient client = HappyFoxClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
        .allowInsecureHttpForLoopback()
        .credentials("jpms-key", "jpms-code")
        .build()) {
      Contact james = client.contacts().get(33);
      String clientModule = HappyFoxClient.class.getModule().getName();
      String modelModule = Contact.class.getModule().getName();
      System.out.println("jpms consumer: contact " + james.getId() + " " + james.getEmail()
          + " via modules " + clientModule + " and " + modelModule);
      if (!"io.github.hfcontacts.client".equals(clientModule)
          || !"io.github.hfcontacts.openapi".equals(modelModule)
          || !"james@example.com".equals(james.getEmail())) {
        System.exit(1);
      }
    } finally {
      server.stop(0);
    }
  }
}
