package io.github.hfcontacts.contract.prism;

import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Prism {@value PrismMock#VERSION} in a Docker container (Testcontainers), on the host network:
 * {@code mock -h 127.0.0.1 -p <free port> --errors /prism/openapi.yaml}, the document copied in
 * (or {@code proxy ... /prism/openapi.yaml UPSTREAM} for a validating proxy: with host networking
 * the container reaches an upstream on the host's 127.0.0.1 as the process does). There is no
 * bridge network and no port mapping: Prism listens on the host's loopback.
 *
 * <p>The image is {@code prism.image} / {@code PRISM_IMAGE} when set; otherwise
 * {@value #DEFAULT_IMAGE} or, when only that one is present locally, {@value #LOCAL_IMAGE}
 * (built by {@code contract-tests/scripts/build-prism-image.sh} without any registry). Images
 * are pulled only when {@code prism.pull=true}: no registry is contacted otherwise.
 *
 * <p>Testcontainers needs {@code TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1} and
 * {@code TESTCONTAINERS_RYUK_DISABLED=true} against such a daemon; the module's surefire
 * configuration sets both.
 */
public class PrismContainer extends AbstractPrismMock {

    /** The upstream image. */
    public static final String DEFAULT_IMAGE = "stoplight/prism:" + VERSION;

    /** The image that build-prism-image.sh builds by default. */
    public static final String LOCAL_IMAGE = "happyfox-contacts/prism:" + VERSION;

    /** Where the document is copied in the container. */
    public static final String CONTAINER_SPEC = "/prism/openapi.yaml";

    private final GenericContainer<?> container;

    /**
     * A container (not started) serving {@code config.spec()} on {@code 127.0.0.1:port}.
     * {@link PrismMock#start(PrismConfig)} is the usual way in; this is for tests that need
     * to customise the container ({@link #container()}) before {@link #start()}.
     */
    public PrismContainer(PrismConfig config, String image, int port) {
        super(MODE_DOCKER, config, port);
        container = new GenericContainer<>(DockerImageName.parse(image))
                .withNetworkMode("host")
                .withImagePullPolicy(config.pull() ? PullPolicy.defaultPolicy() : imageName -> false)
                .withCopyFileToContainer(MountableFile.forHostPath(config.spec(), 0644), CONTAINER_SPEC)
                .withCommand(PrismMocks.arguments(config, port, CONTAINER_SPEC).toArray(new String[0]))
                .withEnv("NO_COLOR", "1")
                .withLogConsumer(this::onOutput)
                .waitingFor(Wait.forLogMessage(".*" + PrismOutput.LISTENING + ".*", 1)
                        .withStartupTimeout(config.startupTimeout()));
    }

    /** Creates and starts the container; a taken port surfaces as {@link PrismMocks.PortInUseException}. */
    static PrismContainer start(PrismConfig config, String image, int port) {
        PrismContainer prism = new PrismContainer(config, image, port);
        try {
            prism.start();
            return prism;
        } catch (RuntimeException e) {
            RuntimeException failure = prism.notStarted(
                    "Prism container " + image + " did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
            prism.close();
            throw failure;
        }
    }

    /** The Testcontainers container, to customise before {@link #start()}. */
    public GenericContainer<?> container() {
        return container;
    }

    /** Starts the container and waits until Prism listens. */
    public void start() {
        container.start();
    }

    /**
     * The image to run: the configured one, else the first of {@value #DEFAULT_IMAGE} and
     * {@value #LOCAL_IMAGE} present locally; with {@code prism.pull=true} the configured or
     * default image even when absent (Testcontainers pulls it). Empty when there is none.
     */
    static Optional<String> resolveImage(PrismConfig config) {
        List<String> candidates = new ArrayList<>();
        config.image().ifPresent(candidates::add);
        if (candidates.isEmpty()) {
            candidates.add(DEFAULT_IMAGE);
            candidates.add(LOCAL_IMAGE);
        }
        for (String candidate : candidates) {
            if (presentLocally(candidate)) {
                return Optional.of(candidate);
            }
        }
        return config.pull() ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    static String noImageMessage(PrismConfig config) {
        String images = config.image().orElse(DEFAULT_IMAGE + " nor " + LOCAL_IMAGE);
        return "no Prism image (" + images + ") is present locally and pulling is off (prism.pull=true allows it);"
                + " contract-tests/scripts/build-prism-image.sh builds " + LOCAL_IMAGE + " without a registry";
    }

    private static boolean presentLocally(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void onOutput(OutputFrame frame) {
        String text = frame.getUtf8StringWithoutLineEnding();
        if (text != null && !text.isEmpty()) {
            printed(text);
        }
    }

    @Override
    void shutDown() {
        container.stop();
    }

    @Override
    String describe() {
        return container.getDockerImageName();
    }
}
