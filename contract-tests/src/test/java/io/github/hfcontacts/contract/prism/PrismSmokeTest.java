package io.github.hfcontacts.contract.prism;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that Prism starts in the selected mode (docker or process) and behaves as the contract
 * tests rely on, against the small document {@code src/test/resources/prism-smoke.yaml}.
 */
class PrismSmokeTest {

    private static final Logger LOG = LoggerFactory.getLogger(PrismSmokeTest.class);

    private static final String TWO_GROUPS = "[{\"id\":1,\"name\":\"Customers\"},{\"id\":2,\"name\":\"Partners\"}]";
    private static final String ONE_GROUP = "[{\"id\":7,\"name\":\"Vendors\"}]";

    @RegisterExtension
    static final PrismMockExtension PRISM = PrismMockExtension.forSpec(smokeSpec());

    @RegisterExtension
    static final PrismMockExtension DYNAMIC_PRISM = PrismMockExtension.forSpec(smokeSpec()).dynamic();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static Path smokeSpec() {
        try {
            return Path.of(PrismSmokeTest.class.getResource("/prism-smoke.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runsOnLoopbackInTheSelectedMode(PrismMock prism, @DynamicPrism PrismMock dynamicPrism) {
        LOG.info("Prism mode: {} (static at {}, dynamic at {})", prism.mode(), prism.baseUrl(), dynamicPrism.baseUrl());
        assertThat(prism.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(prism.baseUrl()).isEqualTo(PRISM.baseUrl());
        assertThat(prism.dynamic()).isFalse();
        assertThat(dynamicPrism.dynamic()).isTrue();
        assertThat(dynamicPrism.port()).isNotEqualTo(prism.port());
        assertThat(dynamicPrism.mode()).isEqualTo(prism.mode());
        assertThat(prism.output()).contains("Prism is listening on http://127.0.0.1:" + prism.port());

        switch (PrismMode.fromSettings()) {
            case DOCKER:
                assertThat(prism.mode()).isEqualTo(PrismMock.MODE_DOCKER);
                assertThat(prism).isInstanceOf(PrismContainer.class);
                break;
            case PROCESS:
                assertThat(prism.mode()).isEqualTo(PrismMock.MODE_PROCESS);
                assertThat(prism).isInstanceOf(PrismProcess.class);
                break;
            case AUTO:
            default:
                if (!PrismMocks.dockerAvailable()) {
                    assertThat(prism.mode()).as("auto mode without Docker").isEqualTo(PrismMock.MODE_PROCESS);
                }
                break;
        }
    }

    @Test
    void getAnswersTheFirstExample(PrismMock prism) throws Exception {
        HttpResponse<String> response = get(prism, "contact_groups/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(TWO_GROUPS);
    }

    @Test
    void preferExampleSelectsANamedExample(PrismMock prism) throws Exception {
        HttpResponse<String> response = get(prism, "contact_groups/", "Prefer", "example=one_group");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ONE_GROUP);
    }

    @Test
    void preferCodeSelectsAResponse(PrismMock prism) throws Exception {
        HttpResponse<String> response = get(prism, "contact_groups/", "Prefer", "code=429");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(response.body()).isEqualTo("{\"error\":\"rate limit exceeded\"}");
    }

    @Test
    void invalidPostIsRefused(PrismMock prism) throws Exception {
        HttpResponse<String> response = post(prism, "contact_groups/", "{\"description\":\"no name\"}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("required property 'name'");
    }

    @Test
    void validPostAnswersTheDocumentedResponse(PrismMock prism) throws Exception {
        HttpResponse<String> response = post(prism, "contact_groups/", "{\"name\":\"Resellers\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{\"id\":3,\"name\":\"Resellers\"}");
    }

    @Test
    void unknownPathIsNotFound(PrismMock prism) throws Exception {
        HttpResponse<String> response = get(prism, "no_such_path/");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void preferDynamicOnTheStaticInstanceGeneratesFromTheSchema(PrismMock prism) throws Exception {
        HttpResponse<String> response = get(prism, "contact_groups/", "Prefer", "dynamic=true");

        assertThat(response.statusCode()).isEqualTo(200);
        assertGenerated(response.body());
    }

    @Test
    void dynamicInstanceGeneratesUnlessAskedForExamples(@DynamicPrism PrismMock dynamicPrism) throws Exception {
        assertGenerated(get(dynamicPrism, "contact_groups/").body());

        assertThat(get(dynamicPrism, "contact_groups/", "Prefer", "dynamic=false").body()).isEqualTo(TWO_GROUPS);
        assertThat(get(dynamicPrism, "contact_groups/", "Prefer", "example=one_group").body()).isEqualTo(ONE_GROUP);
        assertThat(post(dynamicPrism, "contact_groups/", "{}").statusCode()).isEqualTo(422);
    }

    /** A JSON array generated from the ContactGroup schema, not one of the examples. */
    private static void assertGenerated(String body) {
        assertThat(body).startsWith("[").endsWith("]")
                .isNotEqualTo(TWO_GROUPS)
                .isNotEqualTo(ONE_GROUP);
        if (!"[]".equals(body)) {
            assertThat(body).containsPattern("\"id\":\\d+").contains("\"name\":\"");
        }
    }

    private static HttpResponse<String> get(PrismMock prism, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(prism, path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(PrismMock prism, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(prism, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request for {@code path} under Prism's base URL that accepts JSON. */
    private static HttpRequest.Builder request(PrismMock prism, String path) {
        return HttpRequest.newBuilder(URI.create(prism.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
    }
}
