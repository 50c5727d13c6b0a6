package io.github.hfcontacts.contract.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.contract.prism.PrismConfig;
import io.github.hfcontacts.contract.prism.PrismMock;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end setting of a test class: a {@link HappyFoxSandbox}, Prism in front of it as a
 * validating proxy ({@code prism proxy --errors openapi/happyfox-contacts.yaml
 * http://127.0.0.1:PORT/api/1.1/json}, in the mode {@code prism.mode} selects: the same launcher
 * code for the Docker container, on the host network, and for the child process), and
 * {@link HappyFoxClient}s that talk to the proxy.
 *
 * <p>Every exchange is watched by {@link SpecViolations}: a test fails when any request or
 * response of it broke the spec, and the class fails if any did. The sandbox is reset before each
 * test. Each class appends its counts to {@code target/e2e-report.txt}.
 */
final class SandboxBehindPrism
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxBehindPrism.class);
    private static boolean reportStarted;

    private final HappyFoxSandbox.Builder builder;
    private final SpecViolations violations = new SpecViolations();
    private final List<HappyFoxClient> clients = new CopyOnWriteArrayList<>();
    private volatile HappyFoxSandbox sandbox;
    private volatile PrismMock prism;
    private volatile int checkedUpTo;
    private volatile int tests;

    private SandboxBehindPrism(HappyFoxSandbox.Builder builder) {
        this.builder = builder;
    }

    static SandboxBehindPrism of(HappyFoxSandbox.Builder builder) {
        return new SandboxBehindPrism(builder);
    }

    HappyFoxSandbox sandbox() {
        return sandbox;
    }

    /** A client of the proxy with the sandbox's credentials and the facade's defaults. */
    HappyFoxClient client() {
        return client(b -> { });
    }

    /** A client of the proxy, customised after the defaults (credentials, retries, limits...). */
    HappyFoxClient client(Consumer<HappyFoxClient.Builder> customizer) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .addNetworkInterceptor(violations)
                .build();
        HappyFoxClient.Builder b = HappyFoxClient.builder()
                .baseUrl(prism.baseUrl())
                .allowInsecureHttpForLoopback()
                .credentials(sandbox.apiKey(), sandbox.authCode())
                .okHttpClient(http);
        customizer.accept(b);
        HappyFoxClient client = b.build();
        clients.add(client);
        return client;
    }

    /** The proxy's upstream: the sandbox's API base without its final slash. */
    static String upstream(HappyFoxSandbox sandbox) {
        String api = sandbox.apiBaseUrl();
        return api.substring(0, api.length() - 1);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        sandbox = builder.start();
        try {
            prism = PrismMock.start(PrismConfig.forProjectSpec().withUpstream(upstream(sandbox)));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        LOG.info("end-to-end: {} behind {}", sandbox, prism);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        sandbox.reset();
        checkedUpTo = violations.count();
        tests++;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<SpecViolations.Violation> all = violations.all();
        List<SpecViolations.Violation> fresh = all.subList(checkedUpTo, all.size());
        checkedUpTo = all.size();
        assertThat(fresh).as("requests or responses of %s that break the spec (Prism's validating"
                + " proxy); Prism's recent output:%n%s", context.getDisplayName(), prism.output())
                .isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        int count = violations.count();
        int exchanges = violations.exchanges();
        List<String> prismErrorLines = violationLines(prism.output());
        try {
            for (HappyFoxClient client : clients) {
                client.close();
            }
            String line = context.getDisplayName() + ": " + tests + " tests, " + exchanges
                    + " exchanges through Prism's validating proxy (" + prism.mode() + "), " + count
                    + " spec violations";
            LOG.info("end-to-end: {}", line);
            report(line);
        } finally {
            try {
                prism.close();
            } finally {
                sandbox.close();
            }
        }
        assertThat(violations.all()).as("spec violations in %s", context.getDisplayName()).isEmpty();
        assertThat(prismErrorLines).as("Prism's log of %s (its most recent lines)", context.getDisplayName())
                .isEmpty();
    }

    /** Lines of Prism's recent output that report a violation or a refused request. */
    static List<String> violationLines(String output) {
        return output.lines().filter(line -> line.contains("errors#VIOLATIONS")
                || line.contains("errors#UNPROCESSABLE_ENTITY") || line.contains("Violation:")).toList();
    }

    /** Appends to the report, which the first class of the run starts afresh. */
    private static synchronized void report(String line) {
        Path report = Paths.get("target", "e2e-report.txt");
        try {
            Files.createDirectories(report.getParent());
            Files.writeString(report, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, reportStarted ? StandardOpenOption.APPEND
                            : StandardOpenOption.TRUNCATE_EXISTING);
            reportStarted = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
