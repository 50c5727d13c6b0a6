package io.github.hfcontacts.contract.prism;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings recognised by the Prism test support. Each is read from a system property first
 * (Maven passes {@code -Dname=value} to the test JVM), then from an environment variable.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>property</th><th>environment</th><th>meaning</th></tr>
 *   <tr><td>prism.mode</td><td>PRISM_MODE</td><td>auto (default), docker or process</td></tr>
 *   <tr><td>prism.image</td><td>PRISM_IMAGE</td><td>Docker image (default stoplight/prism:5.16.0,
 *       then the locally built happyfox-contacts/prism:5.16.0)</td></tr>
 *   <tr><td>prism.pull</td><td>PRISM_PULL</td><td>true to let Testcontainers pull a missing image (default false)</td></tr>
 *   <tr><td>prism.startupTimeout</td><td>PRISM_STARTUP_TIMEOUT</td><td>seconds to wait for "Prism is listening" (default 60)</td></tr>
 *   <tr><td>prism.nodeModules</td><td>PRISM_NODE_MODULES</td><td>node_modules holding @stoplight/prism-cli (process mode)</td></tr>
 *   <tr><td>prism.node</td><td>PRISM_NODE</td><td>the node executable (default: node on the PATH)</td></tr>
 *   <tr><td>prism.projectSpec</td><td>PRISM_PROJECT_SPEC</td><td>the project's OpenAPI document</td></tr>
 * </table>
 */
final class PrismSettings {

    static final String MODE = "prism.mode";
    static final String IMAGE = "prism.image";
    static final String PULL = "prism.pull";
    static final String STARTUP_TIMEOUT = "prism.startupTimeout";
    static final String NODE_MODULES = "prism.nodeModules";
    static final String NODE = "prism.node";
    static final String PROJECT_SPEC = "prism.projectSpec";

    static final String PROJECT_SPEC_RELATIVE = "openapi/happyfox-contacts.yaml";
    static final String PRISM_CLI_RELATIVE = "@stoplight/prism-cli/dist/index.js";

    private PrismSettings() {
    }

    /** The value of a setting: system property {@code name}, else environment variable PRISM_X. */
    static Optional<String> get(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(envName(property));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** {@code prism.startupTimeout} becomes {@code PRISM_STARTUP_TIMEOUT}. */
    static String envName(String property) {
        return property.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    static boolean pull() {
        return get(PULL).map(Boolean::parseBoolean).orElse(false);
    }

    static Duration startupTimeout() {
        return Duration.ofSeconds(get(STARTUP_TIMEOUT).map(Long::parseLong).orElse(60L));
    }

    static Path projectSpec() {
        return get(PROJECT_SPEC).map(p -> Paths.get(p).toAbsolutePath().normalize())
                .orElseGet(() -> findUpwards(PROJECT_SPEC_RELATIVE)
                        .orElse(Paths.get("..", PROJECT_SPEC_RELATIVE).toAbsolutePath().normalize()));
    }

    static Path nodeModules() {
        return get(NODE_MODULES).map(p -> Paths.get(p).toAbsolutePath().normalize())
                .orElseGet(() -> findUpwards("contract-tests/node_modules/" + PRISM_CLI_RELATIVE)
                        .or(() -> findUpwards("node_modules/" + PRISM_CLI_RELATIVE))
                        .map(cli -> cli.getParent().getParent().getParent().getParent())
                        .orElse(Paths.get("node_modules").toAbsolutePath().normalize()));
    }

    static String node() {
        return get(NODE).orElse("node");
    }

    /** The first {@code dir/relative} that exists, dir going from the working directory up. */
    private static Optional<Path> findUpwards(String relative) {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }
}
