package io.github.hfcontacts.client.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The credentials of one client, kept only to scrub them out of text that could leak: exception
 * messages, body excerpts and log lines. Not API.
 *
 * <p>Thread safety: immutable.
 */
public final class Secrets {
  /** What replaces a secret. */
  public static final String MASK = "██";

  private final List<String> values;

  /**
   * Creates a scrubber for these values.
   *
   * @param values non-blank secrets, such as the API key, the auth code and the Basic token
   */
  public Secrets(List<String> values) {
    List<String> copy = new ArrayList<>(values);
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
      if (!value.isEmpty() && result.contains(value)) {
        result = result.replace(value, MASK);
      }
    }
    return result;
  }

  /** Never shows the values. */
  @Override
  public String toString() {
    return "Secrets{" + values.size() + " values, " + MASK + "}";
  }
}
