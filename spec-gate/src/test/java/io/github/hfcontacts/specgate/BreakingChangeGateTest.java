package io.github.hfcontacts.specgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapitools.openapidiff.core.model.DiffResult;

/** The gate against small contracts: src/test/resources/gate/base.yaml and copies of it with one change. */
class BreakingChangeGateTest {

  private static final Path GATE_FIXTURES = Path.of("src", "test", "resources", "gate");
  private static final Path BASELINE = GATE_FIXTURES.resolve("base.yaml");

  private static BreakingChangeGate.Verdict compareWithBaseline(String fixture) throws Exception {
    return BreakingChangeGate.evaluate(BASELINE, GATE_FIXTURES.resolve(fixture));
  }

  @Test
  void removedOperationFails() throws Exception {
    BreakingChangeGate.Verdict verdict = compareWithBaseline("removed-operation.yaml");

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.diff()).isEqualTo(DiffResult.INCOMPATIBLE);
    assertThat(verdict.changelog())
        .contains("**FAILED**")
        .contains("/contact_group/{group_id}/");
  }

  @Test
  void newlyRequiredParameterFails() throws Exception {
    BreakingChangeGate.Verdict verdict = compareWithBaseline("new-required-parameter.yaml");

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.diff()).isEqualTo(DiffResult.INCOMPATIBLE);
    assertThat(verdict.changelog()).contains("**FAILED**").contains("`q`");
  }

  @Test
  void removedResponseFieldFailsEvenWithAMinorVersionBump() throws Exception {
    BreakingChangeGate.Verdict verdict = compareWithBaseline("removed-response-field.yaml");

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.diff()).isEqualTo(DiffResult.INCOMPATIBLE);
    assertThat(verdict.currentVersion()).isEqualTo("1.1.0");
    assertThat(verdict.removedResponseProperties())
        .contains("GET /users/: response property `tickets_count` removed")
        .contains("GET /user/{contact}/: response property `tickets_count` removed");
    assertThat(verdict.changelog()).contains("**FAILED**").contains("tickets_count");
  }

  @Test
  void removedRequiredResponseFieldFails() throws Exception {
    BreakingChangeGate.Verdict verdict = compareWithBaseline("removed-required-response-field.yaml");

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.diff()).isEqualTo(DiffResult.INCOMPATIBLE);
    assertThat(verdict.changelog()).contains("**FAILED**").contains("email");
  }

  @Test
  void addedOptionalFieldPasses() throws Exception {
    BreakingChangeGate.Verdict verdict = compareWithBaseline("added-optional-field.yaml");

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.diff()).isEqualTo(DiffResult.COMPATIBLE);
    assertThat(verdict.removedResponseProperties()).isEmpty();
    assertThat(verdict.changelog())
        .contains("**passed**")
        .contains("pending_tickets_count")
        .contains("is_login_enabled");
  }

  @Test
  void breakingChangeWithMajorVersionBumpPasses() throws Exception {
    BreakingChangeGate.Verdict verdict = compareWithBaseline("breaking-with-major-bump.yaml");

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.diff()).isEqualTo(DiffResult.INCOMPATIBLE);
    assertThat(verdict.reason()).contains("1.0.0 -> 2.0.0");
    assertThat(verdict.changelog()).contains("**passed**").contains("/contact_group/{group_id}/");
  }

  @Test
  void breakingChangeWithMinorVersionBumpFails() throws Exception {
    BreakingChangeGate.Verdict verdict = compareWithBaseline("breaking-with-minor-bump.yaml");

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.diff()).isEqualTo(DiffResult.INCOMPATIBLE);
  }

  @Test
  void identicalContractPasses() throws Exception {
    BreakingChangeGate.Verdict verdict = compareWithBaseline("base.yaml");

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.diff()).isEqualTo(DiffResult.NO_CHANGES);
    assertThat(verdict.changelog()).contains("No differences.");
  }

  @Test
  void aNewVersionPutsItsReleaseNotesAtTheTopOfTheChangelog() throws Exception {
    BreakingChangeGate.Verdict verdict = BreakingChangeGate.evaluate(
        BASELINE, GATE_FIXTURES.resolve("breaking-with-major-bump.yaml"), GATE_FIXTURES.resolve("release-notes.md"));

    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.changelog())
        .contains("## Release notes of 2.0.0\n\nGroups can no longer be edited.\n\n## Every difference (openapi-diff)")
        .doesNotContain("First release.");
    assertThat(verdict.changelog().indexOf("Groups can no longer be edited."))
        .isLessThan(verdict.changelog().indexOf("/contact_group/{group_id}/"));
  }

  @Test
  void aNewVersionWithoutReleaseNotesFails() throws Exception {
    BreakingChangeGate.Verdict verdict = BreakingChangeGate.evaluate(BASELINE,
        GATE_FIXTURES.resolve("breaking-with-major-bump.yaml"), GATE_FIXTURES.resolve("release-notes-without-2.0.0.md"));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.reason()).contains("2.0.0", "'## 2.0.0'", "release-notes-without-2.0.0.md");
    assertThat(verdict.changelog()).contains("**FAILED**");
  }

  @Test
  void breakingChangesWithoutAMajorBumpAndWithoutReleaseNotesReportBoth() throws Exception {
    BreakingChangeGate.Verdict verdict = BreakingChangeGate.evaluate(BASELINE,
        GATE_FIXTURES.resolve("breaking-with-minor-bump.yaml"), GATE_FIXTURES.resolve("release-notes-without-2.0.0.md"));

    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.reason())
        .contains("Breaking changes without a major version bump (info.version 1.0.0 -> 1.1.0)")
        .contains("1.1.0 differs from the baseline's but has no release notes", "'## 1.1.0'");
    assertThat(verdict.changelog()).contains("**FAILED**");
  }

  @Test
  void theSameVersionNeedsNoNewReleaseNotes() throws Exception {
    BreakingChangeGate.Verdict verdict = BreakingChangeGate.evaluate(
        BASELINE, GATE_FIXTURES.resolve("base.yaml"), GATE_FIXTURES.resolve("release-notes-without-2.0.0.md"));

    assertThat(verdict.currentVersion()).isEqualTo(verdict.baselineVersion());
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.changelog()).doesNotContain("Release notes");
  }

  @Test
  void releaseNotesAreTheSectionOfTheVersionOnly() {
    String notes = "# Changelog\n\n## 2.1.0\n\nNewer.\n\n## 2.0.0\n\nLine one.\n\nLine two.\n## 1.0.0\nOld.\n";

    assertThat(BreakingChangeGate.releaseNotes(notes, "2.0.0")).isEqualTo("Line one.\n\nLine two.");
    assertThat(BreakingChangeGate.releaseNotes(notes, "2.0")).isNull();
    assertThat(BreakingChangeGate.releaseNotes(notes, "3.0.0")).isNull();
  }

  @ParameterizedTest
  @CsvSource({
    "1.0.0, 2.0.0, true",
    "1.9.9, 2.0.0-rc.1, true",
    "v1.2, v3, true",
    "1.0.0, 1.1.0, false",
    "1.0.0, 1.0.0, false",
    "2.0.0, 1.9.0, false",
    "1.0.0, next, false",
    "draft, 2.0.0, false"
  })
  void majorBumpIsDetectedFromInfoVersion(String baseline, String current, boolean expected) {
    assertThat(BreakingChangeGate.isMajorBump(baseline, current)).isEqualTo(expected);
  }

  @Test
  void majorVersionOfNonNumericVersionIsUnknown() {
    assertThat(BreakingChangeGate.majorOf("latest")).isEqualTo(OptionalInt.empty());
    assertThat(BreakingChangeGate.majorOf("10.2.3")).isEqualTo(OptionalInt.of(10));
  }
}
