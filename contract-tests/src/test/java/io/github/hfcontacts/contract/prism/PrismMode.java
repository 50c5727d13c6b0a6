package io.github.hfcontacts.contract.prism;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How Prism is run. Set with system property {@code prism.mode} or environment variable
 * {@code PRISM_MODE} (the property wins).
 */
public enum PrismMode {

    /**
     * The default: a Docker container when a daemon answers
     * ({@code DockerClientFactory.instance().isDockerAvailable()}) and a Prism image is present
     * locally (images are pulled only with {@code prism.pull=true}); otherwise, or when the
     * container fails to start, the child process.
     */
    AUTO,

    /** Always a Docker container; fails when Docker is not reachable or no image can be had. */
    DOCKER,

    /** Always the child process from {@code contract-tests/node_modules}. */
    PROCESS;

    /** Parses {@code auto}, {@code docker} or {@code process} (case-insensitive). */
    public static PrismMode parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        for (PrismMode m : values()) {
            if (m.name().equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown Prism mode '" + value + "' (prism.mode / PRISM_MODE): expected one of "
                + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }

    /** The mode from {@code prism.mode} / {@code PRISM_MODE}, {@link #AUTO} when unset. */
    public static PrismMode fromSettings() {
        return PrismSettings.get(PrismSettings.MODE).map(PrismMode::parse).orElse(AUTO);
    }
}
