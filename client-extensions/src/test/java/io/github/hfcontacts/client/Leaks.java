package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Looks for the canary credentials everywhere a failure can show them: message, {@code toString},
 * the cause chain, suppressed exceptions, the printed stack trace, the typed details (body excerpt,
 * field errors) and the log lines.
 */
final class Leaks {
  static final String TOKEN = MockHappyFox.BASIC.substring("Basic ".length());
  static final List<String> CANARIES = List.of(MockHappyFox.API_KEY, MockHappyFox.AUTH_CODE, TOKEN);

  private Leaks() {}

  /** Everything a failure shows, as one text. */
  static String everything(Throwable thrown) {
    StringBuilder text = new StringBuilder();
    describe(thrown, text, Collections.newSetFromMap(new IdentityHashMap<>()));
    StringWriter printed = new StringWriter();
    thrown.printStackTrace(new PrintWriter(printed, true));
    return text.append('\n').append(printed).toString();
  }

  private static void describe(Throwable thrown, StringBuilder text, Set<Throwable> seen) {
    if (thrown == null || !seen.add(thrown)) {
      return;
    }
    text.append(thrown).append('\n').append(thrown.getMessage()).append('\n')
        .append(thrown.getLocalizedMessage()).append('\n');
    if (thrown instanceof HappyFoxException) {
      ((HappyFoxException) thrown).bodyExcerpt().ifPresent(text::append);
    }
    if (thrown instanceof ValidationException) {
      text.append(((ValidationException) thrown).fieldErrors());
    }
    for (Throwable suppressed : thrown.getSuppressed()) {
      describe(suppressed, text, seen);
    }
    describe(thrown.getCause(), text, seen);
  }

  /** Returns the canaries found in {@code text} (empty when none). */
  static List<String> found(String text) {
    return CANARIES.stream().filter(text::contains).collect(java.util.stream.Collectors.toList());
  }

  static void assertNone(Throwable thrown, Collection<String> logLines) {
    if (thrown != null) {
      assertThat(found(everything(thrown))).as("credentials shown by %s", thrown).isEmpty();
    }
    assertThat(found(String.join("\n", logLines))).as("credentials in the log lines").isEmpty();
  }
}
