package io.github.hfcontacts.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.HappyFoxException;
import io.github.hfcontacts.client.RetryPolicy;
import io.github.hfcontacts.contract.prism.PrismConfig;
import io.github.hfcontacts.contract.prism.PrismMock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check that the end-to-end suite's zero can fail: behind the same validating proxy, a server
 * that answers a contact without its required {@code id} and {@code email}, and a request that
 * breaks the spec, are both recorded as violations.
 */
class ViolationDetectionE2eTest {

    private static HttpServer badServer;
    private static PrismMock prism;

    @BeforeAll
    static void start() throws IOException {
        badServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        badServer.createContext("/", exchange -> {
            byte[] body = "{\"name\": \"No id\"}".getBytes(StandardCharsets.UTF_8);
            // the sandbox's own content type, so that the check covers what the sandbox sends
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        badServer.start();
        prism = PrismMock.start(PrismConfig.forProjectSpec()
                .withUpstream("http://127.0.0.1:" + badServer.getAddress().getPort() + "/api/1.1/json"));
    }

    @AfterAll
    static void stop() {
        try {
            if (prism != null) {
                prism.close();
            }
        } finally {
            badServer.stop(0);
        }
    }

    @Test
    void aResponseThatBreaksTheSpecIsRecorded() {
        SpecViolations violations = new SpecViolations();
        OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(violations).build();
        try (HappyFoxClient client = HappyFoxClient.builder().baseUrl(prism.baseUrl()).allowInsecureHttpForLoopback()
                .credentials("key", "code").okHttpClient(http).retryPolicy(RetryPolicy.none()).build()) {

            assertThatThrownBy(() -> client.contacts().get(1)).isInstanceOf(HappyFoxException.class);
        }

        assertThat(violations.all()).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("/user/1/");
            assertThat(v.status()).isEqualTo(500);
            assertThat(v.details()).contains("required property 'id'").contains("required property 'email'");
        });
        assertThat(violationLinesWithin(Duration.ofSeconds(10))).isNotEmpty();
    }

    /** Prism's log reaches the test through a pipe and a reader thread: it may lag the response. */
    private static List<String> violationLinesWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = SandboxBehindPrism.violationLines(prism.output());
        while (lines.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            lines = SandboxBehindPrism.violationLines(prism.output());
        }
        return lines;
    }

    @Test
    void aRequestThatBreaksTheSpecIsRecordedAndNotForwarded() throws IOException {
        SpecViolations violations = new SpecViolations();
        OkHttpClient http = new OkHttpClient.Builder().addNetworkInterceptor(violations).build();
        Request request = new Request.Builder().url(prism.baseUrl() + "api/1.1/json/users/?size=51")
                .header("Authorization", okhttp3.Credentials.basic("key", "code")).build();

        try (Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(422);
        }

        assertThat(violations.all()).singleElement().satisfies(v ->
                assertThat(v.details()).contains("size must be <= 50"));
    }
}
