package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static final String CONTACT = "{\"email\": \"x@example.com\", \"name\": \"X\"}";

  @Test
  void serverErrorsAreAnsweredWithoutApplyingTheRequest() {
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder()
        .faults(SandboxFaults.none().withServerErrorRate(1).withServerErrorStatus(502)).start()) {
      new Http(sandbox).post("users/", CONTACT).expect(502);

      assertThat(sandbox.stats().serverErrorsInjected()).isEqualTo(1);
      assertThat(sandbox.stats().responses(502)).isEqualTo(1);
      assertThat(sandbox.stats().contacts()).isZero();
    }
  }

  @Test
  void appliedBeforeFailingStoresTheWriteAndStillFails() {
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder().faults(SandboxFaults.none()
        .withServerErrorRate(1).withAppliedBeforeFailing(true)).start()) {
      new Http(sandbox).post("users/", CONTACT).expect(503);

      assertThat(sandbox.stats().contacts()).isEqualTo(1);
    }
  }

  @Test
  void aDisconnectClosesTheConnectionAfterReadingTheRequestWithoutAnAnswer() throws IOException {
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder().faults(SandboxFaults.none()
        .withDisconnectRate(1).withAppliedBeforeFailing(true)).start()) {
      String answer = rawPost(sandbox, CONTACT);

      assertThat(answer).isEmpty();
      assertThat(sandbox.stats().disconnectsInjected()).isEqualTo(1);
      assertThat(sandbox.stats().contacts()).isEqualTo(1);
      assertThatThrownBy(() -> new Http(sandbox).get("users/")).hasRootCauseInstanceOf(
          IOException.class);
    }
  }

  /** Sends one POST on a fresh socket and returns everything the server sent before closing. */
  private static String rawPost(HappyFoxSandbox sandbox, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String auth = Base64.getEncoder().encodeToString((sandbox.apiKey() + ":" + sandbox.authCode())
        .getBytes(StandardCharsets.UTF_8));
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/1.1/json/users/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
          + auth + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void latencyIsWaitedThroughTheSleeperForEveryApiRequestOnly() {
    List<Duration> slept = new ArrayList<>();
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder()
        .faults(SandboxFaults.none().withLatency(Duration.ofMillis(250)))
        .sleeper(duration -> {
          synchronized (slept) {
            slept.add(duration);
          }
        }).start()) {
      Http http = new Http(sandbox);
      http.get("users/").expect(200);
      http.post("users/", CONTACT).expect(200);
      http.admin("GET", "stats", null).expect(200);

      assertThat(slept).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    }
  }

  @Test
  void theSameSeedFailsTheSameRequests() {
    assertThat(outcomes(7)).isEqualTo(outcomes(7)).contains(200, 503);
    assertThat(outcomes(7)).isNotEqualTo(outcomes(8));
  }

  private static List<Integer> outcomes(long seed) {
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder().faults(SandboxFaults.none()
        .withServerErrorRate(0.5).withSeed(seed)).start()) {
      Http http = new Http(sandbox);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        statuses.add(http.get("users/").status);
      }
      return statuses;
    }
  }

  @Test
  void faultsCanBeSwitchedAtRuntimeThroughTheAdminEndpoint() {
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.start()) {
      Http http = new Http(sandbox);
      http.admin("POST", "faults", "{\"server_error_rate\": 1, \"server_error_status\": 500}")
          .expect(200);
      http.get("users/").expect(500);
      assertThat(sandbox.faults().serverErrorStatus()).isEqualTo(500);

      Http.Answer off = http.admin("POST", "faults", "{}").expect(200);
      http.get("users/").expect(200);
      assertThat(off.object().get("server_error_rate")).hasToString("0.0");
      http.admin("POST", "faults", "{\"disconnect_rate\": 2}").expect(400);
      assertThat(sandbox.faults().isActive()).isFalse();
    }
  }

  @Test
  void ratesAreValidated() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
        SandboxFaults.none().withServerErrorRate(0.7).withDisconnectRate(0.7))
        .withMessageContaining("at most 1");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
        SandboxFaults.none().withServerErrorStatus(404)).withMessageContaining("500 to 599");
  }
}
