package io.github.hfcontacts.contract.prism;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to start: the document, static or dynamic ({@code -d}) responses, the mode and its options.
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
 */
public record PrismConfig(Path spec, boolean dynamic, PrismMode mode, Optional<String> image, boolean pull,
                          Duration startupTimeout, Path nodeModules, String node) {

    public PrismConfig {
        Objects.requireNonNull(spec, "spec");
        spec = spec.toAbsolutePath().normalize();
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(nodeModules, "nodeModules");
        Objects.requireNonNull(node, "node");
    }

    /** {@code spec} served statically, with everything else from the system properties/environment. */
    public static PrismConfig forSpec(Path spec) {
        return new PrismConfig(spec, false, PrismMode.fromSettings(), PrismSettings.get(PrismSettings.IMAGE),
                PrismSettings.pull(), PrismSettings.startupTimeout(), PrismSettings.nodeModules(), PrismSettings.node());
    }

    /** The project's document ({@link PrismMock#projectSpec()}). */
    public static PrismConfig forProjectSpec() {
        return forSpec(PrismMock.projectSpec());
    }

    public PrismConfig withDynamic(boolean newDynamic) {
        return new PrismConfig(spec, newDynamic, mode, image, pull, startupTimeout, nodeModules, node);
    }

    public PrismConfig withMode(PrismMode newMode) {
        return new PrismConfig(spec, dynamic, newMode, image, pull, startupTimeout, nodeModules, node);
    }

    public PrismConfig withImage(String newImage) {
        return new PrismConfig(spec, dynamic, mode, Optional.ofNullable(newImage), pull, startupTimeout, nodeModules, node);
    }

    public PrismConfig withStartupTimeout(Duration newTimeout) {
        return new PrismConfig(spec, dynamic, mode, image, pull, newTimeout, nodeModules, node);
    }
}
