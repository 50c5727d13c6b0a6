package io.github.hfcontacts.contract.prism;

import java.util.ArrayDeque;
import java.util.Deque;

/** The most recent lines a Prism printed, kept for failure messages. Thread-safe. */
final class PrismOutput {

    static final String LISTENING = "Prism is listening";

    private static final int MAX_LINES = 400;

    private final Deque<String> lines = new ArrayDeque<>();
    private boolean listening;

    /** Adds one line (ANSI colour codes removed). */
    synchronized void add(String line) {
        String clean = line.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
        if (lines.size() == MAX_LINES) {
            lines.removeFirst();
        }
        lines.addLast(clean);
        if (clean.contains(LISTENING)) {
            listening = true;
            notifyAll();
        }
    }

    synchronized boolean listening() {
        return listening;
    }

    /** Waits up to {@code millis} for the "Prism is listening" line; true when it came. */
    synchronized boolean awaitListening(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!listening) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    synchronized boolean contains(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    @Override
    public synchronized String toString() {
        return String.join(System.lineSeparator(), lines);
    }
}
