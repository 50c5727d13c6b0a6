package io.github.hfcontacts.specgate;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.model.DiffContext;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate of the OpenAPI contract.
 *
 * <p>Compares the last released contract (the baseline) with the current one using openapi-diff.
 * An incompatible change fails the gate unless {@code info.version} of the current contract has a
 * higher major version than the baseline's; a compatible change (or none) passes. The differences
 * are written as a Markdown changelog.
 *
 * <p>On top of openapi-diff's own classification, the project treats a property removed from a
 * response body as breaking even when it was optional: the generated clients (Java, TypeScript,
 * Python) drop the field from their models, so code that reads it no longer compiles.
 *
 * <p>With release notes ({@code --notes openapi/CHANGELOG.md}), a contract whose {@code
 * info.version} differs from the baseline's must have a section {@code ## <version>} there, written
 * by hand: it heads the generated changelog, above openapi-diff's list of every difference.
 *
 * <pre>
 * java io.github.hfcontacts.specgate.BreakingChangeGate \
 *     --baseline openapi/baseline/happyfox-contacts.yaml \
 *     --current openapi/happyfox-contacts.yaml \
 *     --notes openapi/CHANGELOG.md \
 *     --changelog spec-gate/target/api-changelog.md
 * </pre>
 *
 * <p>Exit status: 0 when the gate passes, 1 when it fails, 2 on a usage or read error.
 */
public final class BreakingChangeGate {

  private static final Pattern MAJOR_VERSION = Pattern.compile("^\\s*v?(\\d+)(?:\\.|$|[-+\\s])");
  private static final Pattern NOTES_HEADING = Pattern.compile("^## (\\S+)");

  private BreakingChangeGate() {}

  /** The outcome of one comparison. */
  public static final class Verdict {
    private final boolean passed;
    private final DiffResult diff;
    private final String baselineVersion;
    private final String currentVersion;
    private final String reason;
    private final String changelog;
    private final List<String> removedResponseProperties;

    Verdict(
        boolean passed,
        DiffResult diff,
        String baselineVersion,
        String currentVersion,
        String reason,
        String changelog,
        List<String> removedResponseProperties) {
      this.passed = passed;
      this.diff = diff;
      this.baselineVersion = baselineVersion;
      this.currentVersion = currentVersion;
      this.reason = reason;
      this.changelog = changelog;
      this.removedResponseProperties = List.copyOf(removedResponseProperties);
    }

    /** Whether the current contract may be released against the baseline. */
    public boolean passed() {
      return passed;
    }

    /**
     * The classification of the differences (NO_CHANGES ... INCOMPATIBLE): openapi-diff's, raised
     * to INCOMPATIBLE when a response property was removed.
     */
    public DiffResult diff() {
      return diff;
    }

    /** Response properties that the current contract no longer has ("GET /users/: page_info.count"). */
    public List<String> removedResponseProperties() {
      return removedResponseProperties;
    }

    public String baselineVersion() {
      return baselineVersion;
    }

    public String currentVersion() {
      return currentVersion;
    }

    /** One sentence that explains the verdict. */
    public String reason() {
      return reason;
    }

    /** The Markdown changelog of the differences, with the verdict at the top. */
    public String changelog() {
      return changelog;
    }
  }

  /** Compares {@code baseline} (the last released contract) with {@code current}. */
  public static Verdict evaluate(Path baseline, Path current) throws IOException {
    return evaluate(baseline, current, null);
  }

  /**
   * Compares {@code baseline} with {@code current}, and requires release notes in {@code notes}
   * (a {@code ## <version>} section) for a contract whose version differs from the baseline's.
   */
  public static Verdict evaluate(Path baseline, Path current, Path notes) throws IOException {
    requireReadable(baseline, "baseline");
    requireReadable(current, "current");
    if (notes != null) {
      requireReadable(notes, "release notes");
    }
    ChangedOpenApi changes =
        OpenApiCompare.fromLocations(
            baseline.toAbsolutePath().toString(), current.toAbsolutePath().toString());
    List<String> removedResponseProperties = removedResponseProperties(changes);
    DiffResult diff = changes.isChanged();
    if (!removedResponseProperties.isEmpty()) {
      diff = DiffResult.INCOMPATIBLE;
    }
    String baselineVersion = versionOf(changes.getOldSpecOpenApi());
    String currentVersion = versionOf(changes.getNewSpecOpenApi());

    boolean passed;
    String reason;
    if (!diff.isIncompatible()) {
      passed = true;
      reason =
          diff.isUnchanged()
              ? "No differences from the baseline."
              : "Only backward-compatible differences from the baseline (" + diff.getValue() + ").";
    } else if (isMajorBump(baselineVersion, currentVersion)) {
      passed = true;
      reason =
          "Breaking changes, allowed by the major version bump "
              + baselineVersion
              + " -> "
              + currentVersion
              + ".";
    } else {
      passed = false;
      reason =
          "Breaking changes without a major version bump (info.version "
              + baselineVersion
              + " -> "
              + currentVersion
              + "): restore compatibility, or raise the major version of info.version.";
    }
    String releaseNotes = null;
    if (notes != null && !baselineVersion.equals(currentVersion)) {
      releaseNotes = releaseNotes(Files.readString(notes, StandardCharsets.UTF_8), currentVersion);
      if (releaseNotes == null) {
        String missingNotes =
            "info.version "
                + currentVersion
                + " differs from the baseline's but has no release notes: add a section '## "
                + currentVersion
                + "' to "
                + notes.getFileName()
                + " saying what changed.";
        // Both problems when the differences failed the gate already.
        reason = passed ? missingNotes : reason + " " + missingNotes;
        passed = false;
      }
    }
    String changelog =
        changelog(
            changes,
            diff,
            baselineVersion,
            currentVersion,
            passed,
            reason,
            removedResponseProperties,
            releaseNotes);
    return new Verdict(
        passed, diff, baselineVersion, currentVersion, reason, changelog, removedResponseProperties);
  }

  /**
   * The properties that a response body schema of the baseline has and the current one has not,
   * found anywhere in openapi-diff's tree of changes (nested schemas included), sorted.
   */
  static List<String> removedResponseProperties(ChangedOpenApi changes) {
    Set<String> removed = new TreeSet<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Changed> pending = new ArrayList<>(changes.getChangedElements());
    while (!pending.isEmpty()) {
      Changed changed = pending.remove(pending.size() - 1);
      if (changed == null || !seen.add(changed)) {
        continue;
      }
      if (changed instanceof ChangedSchema) {
        ChangedSchema schema = (ChangedSchema) changed;
        DiffContext context = schema.getContext();
        if (context != null && context.isResponse()) {
          for (String property : schema.getMissingProperties().keySet()) {
            removed.add(where(context) + "response property `" + property + "` removed");
          }
        }
      }
      if (changed instanceof ComposedChanged) {
        pending.addAll(((ComposedChanged) changed).getChangedElements());
      }
    }
    return new ArrayList<>(removed);
  }

  /**
   * The section of {@code notes} headed {@code ## <version>} (up to the next {@code ## } heading),
   * without its heading, or {@code null} when there is none.
   */
  static String releaseNotes(String notes, String version) {
    StringBuilder section = null;
    for (String line : notes.split("\\R", -1)) {
      Matcher heading = NOTES_HEADING.matcher(line);
      if (heading.find()) {
        if (section != null) {
          break;
        }
        if (heading.group(1).equals(version)) {
          section = new StringBuilder();
        }
        continue;
      }
      if (section != null) {
        section.append(line).append('\n');
      }
    }
    return section == null ? null : section.toString().strip();
  }

  private static String where(DiffContext context) {
    String url = context.getUrl();
    if (url == null) {
      return "";
    }
    return (context.getMethod() == null ? "" : context.getMethod() + " ") + url + ": ";
  }

  /**
   * Whether {@code current} has a higher major version than {@code baseline}. A version without a
   * leading number is never a major bump.
   */
  static boolean isMajorBump(String baseline, String current) {
    OptionalInt baselineMajor = majorOf(baseline);
    OptionalInt currentMajor = majorOf(current);
    return baselineMajor.isPresent()
        && currentMajor.isPresent()
        && currentMajor.getAsInt() > baselineMajor.getAsInt();
  }

  static OptionalInt majorOf(String version) {
    if (version == null) {
      return OptionalInt.empty();
    }
    Matcher matcher = MAJOR_VERSION.matcher(version);
    if (!matcher.find()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(matcher.group(1)));
    } catch (NumberFormatException tooLong) {
      return OptionalInt.empty();
    }
  }

  private static String versionOf(OpenAPI api) {
    Info info = api == null ? null : api.getInfo();
    return info == null || info.getVersion() == null ? "(none)" : info.getVersion();
  }

  private static void requireReadable(Path file, String role) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IOException("The " + role + " contract " + file + " does not exist or is not readable.");
    }
  }

  private static String changelog(
      ChangedOpenApi changes,
      DiffResult diff,
      String baselineVersion,
      String currentVersion,
      boolean passed,
      String reason,
      List<String> removedResponseProperties,
      String releaseNotes) {
    StringBuilder text = new StringBuilder();
    text.append("# API changelog: ").append(baselineVersion).append(" -> ").append(currentVersion);
    text.append("\n\n");
    text.append("- Baseline (last released contract): `info.version` ").append(baselineVersion).append('\n');
    text.append("- Current contract: `info.version` ").append(currentVersion).append('\n');
    text.append("- Differences: ").append(describe(diff)).append('\n');
    text.append("- Gate: ").append(passed ? "**passed**" : "**FAILED**").append(" - ").append(reason);
    text.append("\n\n");
    if (releaseNotes != null) {
      text.append("## Release notes of ").append(currentVersion).append("\n\n");
      text.append(releaseNotes).append("\n\n");
      text.append("## Every difference (openapi-diff)\n\n");
    }
    if (!removedResponseProperties.isEmpty()) {
      text.append("## Removed response properties (breaking for the generated clients)\n\n");
      for (String removal : removedResponseProperties) {
        text.append("- ").append(removal).append('\n');
      }
      text.append('\n');
    }
    if (diff.isUnchanged()) {
      text.append("No differences.\n");
    } else {
      text.append(renderMarkdown(changes));
      if (!removedResponseProperties.isEmpty() && !changes.isChanged().isIncompatible()) {
        text.append("\n> openapi-diff's own result above does not count removed optional response")
            .append(" properties as breaking; this project's gate does (see the top).\n");
      }
    }
    return text.toString();
  }

  private static String describe(DiffResult diff) {
    switch (diff) {
      case NO_CHANGES:
        return "none";
      case METADATA:
        return "documentation only (descriptions, summaries)";
      case COMPATIBLE:
        return "backward compatible";
      case INCOMPATIBLE:
        return "**breaking** (backward incompatible)";
      default:
        return diff.getValue();
    }
  }

  private static String renderMarkdown(ChangedOpenApi changes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      new MarkdownRender().render(changes, writer);
    } catch (IOException e) {
      throw new IllegalStateException("Could not render the changelog", e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Command line: {@code --baseline FILE --current FILE [--notes FILE] [--changelog FILE]}. */
  public static void main(String[] args) {
    Path baseline = null;
    Path current = null;
    Path changelog = null;
    Path notes = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        usage("missing value after " + option);
        return;
      }
      Path value = Path.of(args[++i]);
      switch (option) {
        case "--baseline":
          baseline = value;
          break;
        case "--current":
          current = value;
          break;
        case "--changelog":
          changelog = value;
          break;
        case "--notes":
          notes = value;
          break;
        default:
          usage("unknown option " + option);
          return;
      }
    }
    if (baseline == null || current == null) {
      usage("--baseline and --current are required");
      return;
    }
    try {
      Verdict verdict = evaluate(baseline, current, notes);
      if (changelog != null) {
        Path parent = changelog.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(changelog, verdict.changelog(), StandardCharsets.UTF_8);
      }
      System.out.println(
          "Breaking-change gate: "
              + (verdict.passed() ? "PASSED" : "FAILED")
              + " ("
              + verdict.diff()
              + "): "
              + verdict.reason());
      if (changelog != null) {
        System.out.println("Changelog: " + changelog);
      }
      if (!verdict.passed()) {
        System.out.println();
        System.out.println(verdict.changelog());
      }
      System.exit(verdict.passed() ? 0 : 1);
    } catch (IOException | RuntimeException e) {
      System.err.println("Breaking-change gate: error: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void usage(String problem) {
    System.err.println("Breaking-change gate: " + problem);
    System.err.println(
        "usage: BreakingChangeGate --baseline <released spec> --current <spec> [--notes <CHANGELOG.md>]"
            + " [--changelog <file.md>]");
    System.exit(2);
  }
}
