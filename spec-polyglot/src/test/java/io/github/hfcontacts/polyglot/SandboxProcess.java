package io.github.hfcontacts.polyglot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone sandbox jar as a child process on a free loopback port, as a team in any
 * language runs it; closed, it is stopped (its standard input closes, then it is destroyed).
 */
final class SandboxProcess implements AutoCloseable {
  private final Process process;
  private final Map<String, String> printed = new HashMap<>();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  private SandboxProcess(Process process) {
    this.process = process;
  }

  static SandboxProcess start(Path jar, Scenario scenario) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.add("--port");
    command.add("0");
    command.add("--seed-contacts");
    command.add(Integer.toString(scenario.seedContacts()));
    command.add("--no-rate-limits");
    command.add("--exit-on-stdin-close");
    if (scenario.newerServer()) {
      command.add("--newer-server");
    }
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the sandbox " + jar + ": " + e.getMessage(), e);
    }
    SandboxProcess sandbox = new SandboxProcess(process);
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          sandbox.printed.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (line.equals("HAPPYFOX_SANDBOX_READY=true")) {
          return sandbox;
        }
      }
      throw new IllegalStateException("the sandbox exited before it was ready: " + command);
    } catch (IOException | RuntimeException e) {
      sandbox.close();
      throw e instanceof IOException ? new UncheckedIOException((IOException) e)
          : (RuntimeException) e;
    }
  }

  /** The API base, e.g. {@code http://127.0.0.1:41234/api/1.1/json/}. */
  String apiUrl() {
    return printed.get("HAPPYFOX_SANDBOX_URL");
  }

  String apiKey() {
    return printed.get("HAPPYFOX_SANDBOX_API_KEY");
  }

  String authCode() {
    return printed.get("HAPPYFOX_SANDBOX_AUTH_CODE");
  }

  /** Back to the seeded state: the same ids for every language. */
  void reset() {
    send(HttpRequest.newBuilder(URI.create(printed.get("HAPPYFOX_SANDBOX_ADMIN_URL") + "reset"))
        .POST(HttpRequest.BodyPublishers.noBody()), 200);
  }

  /** Sends one setup request of the scenario and answers its JSON body; fails unless 200. */
  Object request(String method, String path, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (apiKey() + ":" + authCode()).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.method(method, HttpRequest.BodyPublishers.ofString(JsonValues.compact(body)));
    }
    return JsonValues.parse(send(request, 200));
  }

  private String send(HttpRequest.Builder request, int expectedStatus) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expectedStatus) {
        throw new IllegalStateException(response.request().method() + " "
            + response.request().uri().getPath() + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // destroyed below
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
