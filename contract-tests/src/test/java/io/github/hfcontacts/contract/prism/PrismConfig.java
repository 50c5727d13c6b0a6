package io.github.hfcontacts.contract.prism;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to start: the document, static or dynamic ({@code -d}) responses or a validating proxy to
 * an upstream server, the mode and its options.
 * {@link #forSpec(Path)} takes the mode and options from the settings ({@link PrismSettings});
 * the {@code with...} methods return changed copies.
 *
 * @param spec           the OpenAPI document to serve
 * @param dynamic        start Prism with {@code -d}
 * @param mode           auto, docker or process
 * @param image          the Docker image; empty for the defaults ({@link PrismContainer#DEFAULT_IMAGE},
 *                       then {@link PrismContainer#LOCAL_IMAGE})
 * @param pull           whether a missing image may be pulled
 * @param startupTimeout how long to wait for "Prism is listening"
 * @param nodeModules    the node_modules directory holding {@code @stoplight/prism-cli}
 * @param node           the node executable
 * @param upstream       empty for a mock; else the URL Prism forwards to as a validating proxy
 *                       ({@code prism proxy --errors SPEC UPSTREAM}), e.g.
 *                       {@code http://127.0.0.1:PORT/api/1.1/json}
 */
public record PrismConfig(Path spec, boolean dynamic, PrismMode mode, Optional<String> image, boolean pull,
                          Duration startupTimeout, Path nodeModules, String node, Optional<String> upstream) {

    public PrismConfig {
        Objects.requireNonNull(spec, "spec");
        spec = spec.toAbsolutePath().normalize();
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(nodeModules, "nodeModules");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(upstream, "upstream");
        if (dynamic && upstream.isPresent()) {
            throw new IllegalArgumentException("a validating proxy forwards every request: it has no dynamic responses");
        }
    }

    /** {@code spec} served statically, with everything else from the system properties/environment. */
    public static PrismConfig forSpec(Path spec) {
        return new PrismConfig(spec, false, PrismMode.fromSettings(), PrismSettings.get(PrismSettings.IMAGE),
                PrismSettings.pull(), PrismSettings.startupTimeout(), PrismSettings.nodeModules(), PrismSettings.node(),
                Optional.empty());
    }

    /** The project's document ({@link PrismMock#projectSpec()}). */
    public static PrismConfig forProjectSpec() {
        return forSpec(PrismMock.projectSpec());
    }

    public PrismConfig withDynamic(boolean newDynamic) {
        return new PrismConfig(spec, newDynamic, mode, image, pull, startupTimeout, nodeModules, node, upstream);
    }

    public PrismConfig withMode(PrismMode newMode) {
        return new PrismConfig(spec, dynamic, newMode, image, pull, startupTimeout, nodeModules, node, upstream);
    }

    public PrismConfig withImage(String newImage) {
        return new PrismConfig(spec, dynamic, mode, Optional.ofNullable(newImage), pull, startupTimeout, nodeModules, node, upstream);
    }

    /**
     * The same document served as a validating proxy to {@code upstreamUrl} instead of a mock:
     * Prism forwards each request to {@code upstreamUrl} + the document's path, and with
     * {@code --errors} answers 422 instead of forwarding a request that breaks the document, and
     * 500 with an {@code sl-violations} header instead of a response that breaks it.
     */
    public PrismConfig withUpstream(String upstreamUrl) {
        return new PrismConfig(spec, dynamic, mode, image, pull, startupTimeout, nodeModules, node,
                Optional.of(Objects.requireNonNull(upstreamUrl, "upstreamUrl")));
    }

    /** Whether this is a validating proxy ({@link #withUpstream(String)}). */
    public boolean proxy() {
        return upstream.isPresent();
    }

    public PrismConfig withStartupTimeout(Duration newTimeout) {
        return new PrismConfig(spec, dynamic, mode, image, pull, newTimeout, nodeModules, node, upstream);
    }
}
