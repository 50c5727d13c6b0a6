package io.github.hfcontacts.client.internal;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The credentials of one client, kept only to scrub them out of what could leak: exception
 * messages, body excerpts, log lines, and the causes and suppressed exceptions the client attaches
 * to its own exceptions. Not API.
 *
 * <p>Why causes too: a parser or HTTP library puts what it read into its messages (Moshi's
 * {@code Expected a long but was <value>}, OkHttp's {@code Unexpected status line: <line>}), and a
 * cause prints with every stack trace. {@link #scrub(Throwable)} therefore returns the throwable
 * itself when no message in its whole chain holds a secret, and otherwise a copy of the chain with
 * scrubbed messages, the same stack traces, and the same classes wherever the class has a public
 * {@code (String)} constructor (a {@link RedactedException} or {@link RedactedIOException} naming
 * the original class otherwise).
 *
 * <p>Thread safety: immutable.
 */
public final class Secrets {
  /** What replaces a secret. */
  public static final String MASK = "██";

  /** A text ending with this many characters of a secret's start may have been cut mid-secret. */
  private static final int MIN_PARTIAL_CHARS = 4;

  private final List<String> values;

  /**
   * Creates a scrubber for these values and their percent-encoded forms.
   *
   * @param values non-blank secrets, such as the API key, the auth code and the Basic token
   */
  public Secrets(List<String> values) {
    Set<String> all = new LinkedHashSet<>();
    for (String value : values) {
      if (value.isEmpty()) {
        continue;
      }
      all.add(value);
      // A secret can travel in a URL (a redirect's Location, a query echoed in an error).
      all.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    List<String> copy = new ArrayList<>(all);
    // Longest first, so that a secret containing another is masked whole.
    copy.sort(Comparator.comparingInt(String::length).reversed());
    this.values = List.copyOf(copy);
  }

  /**
   * Returns {@code text} with every occurrence of every secret replaced by {@link #MASK}.
   *
   * @param text any text
   * @return the scrubbed text
   */
  public String scrub(String text) {
    String result = text;
    for (String value : values) {
      if (result.contains(value)) {
        result = result.replace(value, MASK);
      }
    }
    return result;
  }

  /**
   * Like {@link #scrub(String)} for a text that was cut to a length: also masks a tail that is the
   * beginning of a secret (at least four characters), which a cut in the middle of a secret leaves.
   *
   * @param text a truncated text, such as a body excerpt
   * @return the scrubbed text
   */
  public String scrubTruncated(String text) {
    String result = scrub(text);
    for (String value : values) {
      for (int length = Math.min(value.length() - 1, result.length());
          length >= MIN_PARTIAL_CHARS; length--) {
        if (result.regionMatches(result.length() - length, value, 0, length)) {
          return result.substring(0, result.length() - length) + MASK;
        }
      }
    }
    return result;
  }

  /**
   * Returns whether any message or description in the chain of {@code thrown} (causes and
   * suppressed exceptions included) holds a secret.
   *
   * @param thrown any throwable, or null
   * @return whether scrubbing would change something
   */
  public boolean leaksIn(Throwable thrown) {
    return leaks(thrown, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  /**
   * Returns {@code thrown} when nothing in its chain holds a secret, and otherwise a scrubbed copy
   * of the chain (see the class description).
   *
   * @param thrown any throwable, or null
   * @return a throwable that shows no secret, or null for null
   */
  public Throwable scrub(Throwable thrown) {
    if (thrown == null || !leaksIn(thrown)) {
      return thrown;
    }
    return copy(thrown, new IdentityHashMap<>());
  }

  /**
   * Like {@link #scrub(Throwable)}, keeping the copy an {@link IOException}.
   *
   * @param thrown any I/O exception, or null
   * @return an I/O exception that shows no secret, or null for null
   */
  public IOException scrub(IOException thrown) {
    return (IOException) scrub((Throwable) thrown);
  }

  private boolean leaks(Throwable thrown, Set<Throwable> seen) {
    if (thrown == null || !seen.add(thrown)) {
      return false;
    }
    if (leaksShallow(thrown)) {
      return true;
    }
    for (Throwable suppressed : thrown.getSuppressed()) {
      if (leaks(suppressed, seen)) {
        return true;
      }
    }
    return leaks(thrown.getCause(), seen);
  }

  private boolean leaksShallow(Throwable thrown) {
    return holdsSecret(thrown.getMessage())
        || holdsSecret(thrown.getLocalizedMessage())
        || holdsSecret(String.valueOf(thrown));
  }

  private boolean holdsSecret(String text) {
    if (text == null) {
      return false;
    }
    for (String value : values) {
      if (text.contains(value)) {
        return true;
      }
    }
    return false;
  }

  private Throwable copy(Throwable original, Map<Throwable, Throwable> copies) {
    Throwable done = copies.get(original);
    if (done != null) {
      return done;
    }
    String message = original.getMessage() == null ? null : scrub(original.getMessage());
    Throwable copy = sameClass(original, message);
    if (copy == null || leaksShallow(copy)) {
      copy = original instanceof IOException
          ? new RedactedIOException(original.getClass().getName(), message)
          : new RedactedException(original.getClass().getName(), message);
    }
    copies.put(original, copy);
    copy.setStackTrace(original.getStackTrace());
    Throwable cause = original.getCause();
    if (cause != null && cause != original && copy.getCause() == null) {
      try {
        copy.initCause(copy(cause, copies));
      } catch (IllegalStateException | IllegalArgumentException e) {
        // The constructor fixed the cause already; keep the copy without it.
      }
    }
    for (Throwable suppressed : original.getSuppressed()) {
      copy.addSuppressed(copy(suppressed, copies));
    }
    return copy;
  }

  /** A new instance of the original's class with the scrubbed message, or null if impossible. */
  private static Throwable sameClass(Throwable original, String message) {
    Class<? extends Throwable> type = original.getClass();
    if (!Modifier.isPublic(type.getModifiers())) {
      return null;
    }
    try {
      Constructor<? extends Throwable> constructor = type.getConstructor(String.class);
      Throwable copy = constructor.newInstance(message);
      return copy.getClass() == type ? copy : null;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Never shows the values. */
  @Override
  public String toString() {
    return "Secrets{" + values.size() + " values, " + MASK + "}";
  }

  private static String describeRedacted(String originalClass, String message) {
    return originalClass + " (redacted)" + (message == null ? "" : ": " + message);
  }

  /**
   * Stands for a throwable whose class could not be re-created with a scrubbed message: its
   * {@code toString} names that class, and it keeps the stack trace. Not API.
   */
  public static final class RedactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The class name of the throwable this one stands for. */
    private final String originalClass;

    RedactedException(String originalClass, String message) {
      super(message);
      this.originalClass = originalClass;
    }

    @Override
    public String toString() {
      return describeRedacted(originalClass, getLocalizedMessage());
    }
  }

  /** Like {@link RedactedException}, for an {@link IOException}. Not API. */
  public static final class RedactedIOException extends IOException {
    private static final long serialVersionUID = 1L;
    /** The class name of the throwable this one stands for. */
    private final String originalClass;

    RedactedIOException(String originalClass, String message) {
      super(message);
      this.originalClass = originalClass;
    }

    @Override
    public String toString() {
      return describeRedacted(originalClass, getLocalizedMessage());
    }
  }
}
