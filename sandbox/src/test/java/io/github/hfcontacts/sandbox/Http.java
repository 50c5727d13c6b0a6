package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A raw HTTP client for the sandbox's tests: sends exactly the given method, path, headers and
 * body over loopback, and parses answers as plain JSON (maps, lists, exact numbers).
 */
final class Http {
  static final JsonAdapter<Object> JSON = HappyFoxMoshi.create().adapter(Object.class);

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .proxy(HttpClient.Builder.NO_PROXY)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final HappyFoxSandbox sandbox;
  private final String authorization;

  Http(HappyFoxSandbox sandbox) {
    this(sandbox, sandbox.apiKey(), sandbox.authCode());
  }

  Http(HappyFoxSandbox sandbox, String apiKey, String authCode) {
    this.sandbox = sandbox;
    this.authorization = apiKey == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (apiKey + ":" + authCode).getBytes(StandardCharsets.UTF_8));
  }

  /** A GET of {@code path} under the API base ({@code users/?size=2}). */
  Answer get(String path) {
    return send("GET", sandbox.apiBaseUrl() + path, null);
  }

  /** A POST of {@code json} to {@code path} under the API base. */
  Answer post(String path, String json) {
    return send("POST", sandbox.apiBaseUrl() + path, json);
  }

  /** A request to {@code path} under the admin base ({@code stats}). */
  Answer admin(String method, String path, String json) {
    return send(method, sandbox.adminUrl() + path, json);
  }

  Answer send(String method, String url, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(20))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return new Answer(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One response. */
  static final class Answer {
    final int status;
    final String body;
    final HttpResponse<String> response;

    Answer(HttpResponse<String> response) {
      this.response = response;
      this.status = response.statusCode();
      this.body = response.body();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    Object json() {
      try {
        return JSON.fromJson(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      return (Map<String, Object>) json();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list() {
      return (List<Map<String, Object>>) json();
    }

    Answer expect(int expected) {
      assertThat(status).as("status of %s %s: %s", response.request().method(),
          response.request().uri(), body).isEqualTo(expected);
      return this;
    }

    /** The vendor's error body: field to messages. */
    @SuppressWarnings("unchecked")
    Map<String, List<String>> fieldErrors() {
      Map<String, List<String>> errors = new java.util.LinkedHashMap<>();
      for (Object item : (List<Object>) object().get("error")) {
        Map<String, Object> error = (Map<String, Object>) item;
        errors.put((String) error.get("field"), (List<String>) error.get("errors"));
      }
      return errors;
    }
  }

  /** The value of custom field {@code id} in a contact: value and value_id. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> customField(Map<String, Object> contact, long id) {
    for (Object item : (List<Object>) contact.get("custom_fields")) {
      Map<String, Object> field = (Map<String, Object>) item;
      if (((Number) field.get("id")).longValue() == id) {
        return field;
      }
    }
    throw new AssertionError("no custom field " + id + " in " + contact);
  }

  static long id(Map<String, Object> json) {
    return ((Number) json.get("id")).longValue();
  }
}
