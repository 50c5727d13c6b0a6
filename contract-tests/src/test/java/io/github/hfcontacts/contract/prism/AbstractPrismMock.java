package io.github.hfcontacts.contract.prism;

import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link PrismContainer} and {@link PrismProcess} share: the facts of one Prism (its mode,
 * loopback port, static or dynamic responses, the document it serves), the lines it printed, and
 * closing it once, after which {@link PrismMocks} forgets it. A subclass starts Prism, feeds its
 * lines to {@link #printed(String)} and stops it in {@link #shutDown()}.
 */
abstract class AbstractPrismMock implements PrismMock {

    /** The most recent lines Prism printed; fed through {@link #printed(String)}. */
    final PrismOutput output = new PrismOutput();

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String mode;
    private final int port;
    private final boolean dynamic;
    private final Path spec;
    private final Optional<String> upstream;
    private boolean closed;

    AbstractPrismMock(String mode, PrismConfig config, int port) {
        this.mode = mode;
        this.port = port;
        this.dynamic = config.dynamic();
        this.spec = config.spec();
        this.upstream = config.upstream();
    }

    /** Stops Prism; called once, by {@link #close()}. */
    abstract void shutDown();

    /** What tells this Prism apart in {@link #toString()}: the image, or the process id. */
    abstract String describe();

    /** Records one line Prism printed (and logs it at debug level). */
    final void printed(String line) {
        output.add(line);
        log.debug("prism: {}", line);
    }

    /**
     * The exception for a Prism that did not start, with what it printed: a
     * {@link PrismMocks.PortInUseException} (the starter tries another port) when the port was
     * taken meanwhile, else an {@link IllegalStateException}.
     */
    final RuntimeException notStarted(String message, Throwable cause) {
        String withOutput = message + "; output:\n" + output;
        if (output.contains("EADDRINUSE")) {
            return new PrismMocks.PortInUseException(withOutput);
        }
        return new IllegalStateException(withOutput, cause);
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public boolean dynamic() {
        return dynamic;
    }

    @Override
    public Path spec() {
        return spec;
    }

    @Override
    public Optional<String> upstream() {
        return upstream;
    }

    @Override
    public String output() {
        return output.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            shutDown();
        } finally {
            PrismMocks.forget(this);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + describe() + ", " + baseUrl() + (dynamic ? ", dynamic" : "")
                + upstream.map(u -> ", proxy to " + u).orElse("") + "]";
    }
}
