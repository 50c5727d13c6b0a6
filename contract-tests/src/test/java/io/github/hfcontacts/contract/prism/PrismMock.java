package io.github.hfcontacts.contract.prism;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A running Prism mock server that serves an OpenAPI document on the loopback interface, or a
 * Prism validating proxy in front of a real server ({@link PrismConfig#withUpstream(String)}).
 *
 * <p>Obtain one through {@link PrismMockExtension} in JUnit 5 tests, or directly with
 * {@link #start(PrismConfig)} (then close it). Whether it runs as a Docker container
 * ({@link PrismContainer}) or as a child process ({@link PrismProcess}) is chosen by
 * {@link PrismMode}: system property {@code prism.mode} or environment variable {@code PRISM_MODE}.
 *
 * <p>Prism {@value #VERSION} is started with {@code mock -h 127.0.0.1 -p <free port> --errors}:
 * requests that violate the document get Prism's 422 (or the document's own 4xx), and
 * {@code Prefer: code=N}, {@code Prefer: example=NAME} and {@code Prefer: dynamic=true|false}
 * request headers select the response. A static instance answers {@code Prefer: dynamic=true}
 * with a response generated from the schema, so a second, dynamic ({@code -d}) instance is only
 * needed when every response should be generated without that header.
 */
public interface PrismMock extends AutoCloseable {

    /** The Prism CLI version used in both modes (package.json pins the same). */
    String VERSION = "5.16.0";

    /** {@link #mode()} of a Prism running in a Docker container. */
    String MODE_DOCKER = "docker";

    /** {@link #mode()} of a Prism running as a child process from node_modules. */
    String MODE_PROCESS = "process";

    /**
     * The base URL, ending with {@code /} as Retrofit requires for the generated relative paths
     * (such as {@code users/}): {@code http://127.0.0.1:PORT/}.
     */
    default String baseUrl() {
        return "http://" + host() + ":" + port() + "/";
    }

    /** The address Prism listens on: always {@code 127.0.0.1}. */
    String host();

    /** The loopback port Prism listens on. */
    int port();

    /** {@value #MODE_DOCKER} or {@value #MODE_PROCESS}. */
    String mode();

    /** Whether Prism runs with {@code -d} (every response generated from the schemas). */
    boolean dynamic();

    /** The OpenAPI document served (on the host). */
    Path spec();

    /** Empty for a mock; for a validating proxy, the URL it forwards to. */
    Optional<String> upstream();

    /** What Prism printed so far (its most recent lines), for diagnostics. */
    String output();

    /** Stops Prism (container removed, or process and its children destroyed). Idempotent. */
    @Override
    void close();

    /**
     * The project's OpenAPI document, {@code openapi/happyfox-contacts.yaml} at the repository
     * root. Taken from system property {@code prism.projectSpec} (set by the Maven build) or
     * environment variable {@code PRISM_PROJECT_SPEC}, else found by walking up from the working
     * directory. The file may not exist yet; starting Prism on it then fails clearly.
     */
    static Path projectSpec() {
        return PrismSettings.projectSpec();
    }

    /** Starts Prism on {@code spec} with the mode and options from the system properties/environment. */
    static PrismMock start(Path spec) {
        return start(PrismConfig.forSpec(spec));
    }

    /** Starts Prism as configured. The caller closes it. */
    static PrismMock start(PrismConfig config) {
        return PrismMocks.start(config);
    }
}
