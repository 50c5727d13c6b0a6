package io.github.hfcontacts.contract.prism;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prism {@value PrismMock#VERSION} from {@code contract-tests/node_modules} (installed by
 * {@code npm ci}), run as a child process: {@code node node_modules/@stoplight/prism-cli/dist/index.js
 * mock -h 127.0.0.1 -p PORT --errors SPEC} (or {@code proxy ... SPEC UPSTREAM}). {@link #close()}
 * destroys it and its children.
 */
public final class PrismProcess extends AbstractPrismMock {

    private static final Logger LOG = LoggerFactory.getLogger(PrismProcess.class);

    private final Process process;

    private PrismProcess(Process process, PrismConfig config, int port) {
        super(MODE_PROCESS, config, port);
        this.process = process;
    }

    /**
     * Starts Prism on {@code port} and waits for "Prism is listening".
     *
     * @throws IllegalStateException when the CLI is not installed, Prism exits or does not
     *                               listen in time (the message carries its output)
     */
    static PrismProcess start(PrismConfig config, int port) {
        Path cli = config.nodeModules().resolve(PrismSettings.PRISM_CLI_RELATIVE);
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("Prism CLI not found at " + cli + ": run `npm ci` in contract-tests"
                    + " (the Maven build does so when node_modules is missing), or set prism.nodeModules");
        }
        List<String> command = new ArrayList<>(List.of(config.node(), cli.toString()));
        command.addAll(PrismMocks.arguments(config, port, config.spec().toString()));

        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(config.nodeModules().getParent().toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("NODE_ENV");
        env.put("NO_COLOR", "1");
        env.put("FORCE_COLOR", "0");
        env.put("SCARF_ANALYTICS", "false");

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + config.node() + " (set prism.node / PRISM_NODE): " + e.getMessage(), e);
        }
        PrismProcess prism = new PrismProcess(process, config, port);
        Thread reader = new Thread(prism::pump, "prism-process-" + port);
        reader.setDaemon(true);
        reader.start();

        long timeoutMillis = config.startupTimeout().toMillis();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (!prism.output.awaitListening(100)) {
                if (!process.isAlive()) {
                    reader.join(2_000);
                    throw prism.notStarted("Prism exited with code " + process.exitValue() + " before listening on 127.0.0.1:"
                            + port + "; command: " + String.join(" ", command), null);
                }
                if (System.nanoTime() > deadline) {
                    prism.close();
                    throw new IllegalStateException("Prism did not print \"" + PrismOutput.LISTENING + "\" within "
                            + timeoutMillis + " ms (prism.startupTimeout); command: " + String.join(" ", command)
                            + "; output:\n" + prism.output);
                }
            }
        } catch (InterruptedException e) {
            prism.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Prism", e);
        }
        return prism;
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                printed(line);
            }
        } catch (IOException e) {
            // the stream closes when the process is destroyed
            LOG.debug("prism output closed: {}", e.toString());
        }
    }

    /** The operating-system process id, for diagnostics. */
    public long pid() {
        return process.pid();
    }

    @Override
    void shutDown() {
        try {
            List<ProcessHandle> children = process.descendants().toList();
            children.forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    String describe() {
        return "pid=" + process.pid();
    }
}
