package io.github.hfcontacts.contract.prism;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Starts a {@link PrismMock} in the configured {@link PrismMode}, and stops whatever is still
 * running when the JVM exits (a safety net: the extension and try-with-resources close them).
 */
public final class PrismMocks {

    private static final Logger LOG = LoggerFactory.getLogger(PrismMocks.class);

    /** Starts retried on a fresh port when the chosen one was taken meanwhile. */
    private static final int PORT_ATTEMPTS = 3;

    // identity: a container's equals/hashCode may change as it starts
    private static final Set<PrismMock> OPEN = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private static volatile Boolean dockerAvailable;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PrismMocks::closeAll, "prism-mock-shutdown"));
    }

    private PrismMocks() {
    }

    /** Starts Prism as configured; see {@link PrismMode} for how the mode is chosen. */
    public static PrismMock start(PrismConfig config) {
        if (!Files.isRegularFile(config.spec())) {
            throw new IllegalArgumentException("OpenAPI document not found: " + config.spec());
        }
        PrismMock mock;
        switch (config.mode()) {
            case PROCESS:
                mock = withFreePort(port -> PrismProcess.start(config, port));
                break;
            case DOCKER:
                if (!dockerAvailable()) {
                    throw new IllegalStateException("prism.mode=docker but no Docker daemon answers"
                            + " (contract-tests/scripts/start-docker.sh starts one)");
                }
                String image = PrismContainer.resolveImage(config).orElseThrow(() -> new IllegalStateException(
                        PrismContainer.noImageMessage(config)));
                mock = withFreePort(port -> PrismContainer.start(config, image, port));
                break;
            case AUTO:
            default:
                mock = startAuto(config);
                break;
        }
        OPEN.add(mock);
        LOG.info("Prism {} ({}{}) serving {} at {}{}", PrismMock.VERSION, mock.mode(), mock.dynamic() ? ", dynamic" : "",
                mock.spec().getFileName(), mock.baseUrl(), mock.upstream().map(u -> " as a validating proxy to " + u).orElse(""));
        return mock;
    }

    private static PrismMock startAuto(PrismConfig config) {
        if (dockerAvailable()) {
            Optional<String> image = PrismContainer.resolveImage(config);
            if (image.isPresent()) {
                try {
                    return withFreePort(port -> PrismContainer.start(config, image.get(), port));
                } catch (RuntimeException e) {
                    LOG.warn("prism.mode=auto: the Prism container did not start ({}); using the process instead", e.toString());
                }
            } else {
                LOG.info("prism.mode=auto: Docker answers but {}; using the process", PrismContainer.noImageMessage(config));
            }
        } else {
            LOG.info("prism.mode=auto: no Docker daemon answers; using the process");
        }
        return withFreePort(port -> PrismProcess.start(config, port));
    }

    /** Whether a Docker daemon answers, asked once per JVM. */
    public static boolean dockerAvailable() {
        Boolean available = dockerAvailable;
        if (available == null) {
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Docker not available", e);
                available = false;
            }
            dockerAvailable = available;
        }
        return available;
    }

    /** A port that was free on 127.0.0.1 a moment ago. */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * The {@code prism} arguments shared by both modes: {@code mock} ({@link #mockArguments}), or
     * {@code proxy -h 127.0.0.1 -p PORT --errors SPEC UPSTREAM} when the configuration has an
     * upstream. The upstream is on the host's loopback: the process reaches it directly, the
     * container through host networking.
     */
    static List<String> arguments(PrismConfig config, int port, String specPath) {
        if (config.upstream().isEmpty()) {
            return mockArguments(port, config.dynamic(), specPath);
        }
        List<String> args = new ArrayList<>(List.of("proxy"));
        args.addAll(commonArguments(port));
        args.add(specPath);
        args.add(config.upstream().get());
        return args;
    }

    /** The {@code prism mock} arguments. */
    static List<String> mockArguments(int port, boolean dynamic, String specPath) {
        List<String> args = new ArrayList<>(List.of("mock"));
        args.addAll(commonArguments(port));
        if (dynamic) {
            args.add("-d");
        }
        args.add(specPath);
        return args;
    }

    private static List<String> commonArguments(int port) {
        return List.of(
                "-h", "127.0.0.1",
                "-p", Integer.toString(port),
                "--errors",
                // Prism 5.16's --multiprocess (the default when NODE_ENV=production) fails to start.
                "--multiprocess=false");
    }

    /** Thrown by a starter when the port was taken between choosing and binding it. */
    static final class PortInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortInUseException(String message) {
            super(message);
        }
    }

    @FunctionalInterface
    private interface Starter {
        PrismMock start(int port);
    }

    private static PrismMock withFreePort(Starter starter) {
        PortInUseException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            try {
                return starter.start(freeLoopbackPort());
            } catch (PortInUseException e) {
                LOG.info("Prism port taken, retrying: {}", e.getMessage());
                last = e;
            }
        }
        throw last;
    }

    private static void closeAll() {
        List<PrismMock> open;
        synchronized (OPEN) {
            open = new ArrayList<>(OPEN);
            OPEN.clear();
        }
        for (PrismMock mock : open) {
            try {
                mock.close();
            } catch (RuntimeException e) {
                // the JVM is exiting: nothing more to do
            }
        }
    }

    /** Called by the mocks when they are closed. */
    static void forget(PrismMock mock) {
        OPEN.remove(mock);
    }
}
