package io.github.hfcontacts.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The conformance matrix: every language's program runs the scenario against one sandbox (reset
 * before each language); the matrix goes to {@code target/conformance/matrix.md} and must be the
 * one in the README; any red cell fails the build, naming the steps that failed and why.
 */
class ConformanceMatrixIT {
  static final Path MODULE = Paths.get(System.getProperty("polyglot.module", "."))
      .toAbsolutePath().normalize();
  static final Path STANDARD_SCENARIO = MODULE.resolve("scenario/scenario.json");

  @Test
  void everyLanguagePassesEveryCellAndTheReadmeShowsTheMatrix() {
    Path scenarioFile = scenarioFile();
    Scenario scenario = Scenario.load(scenarioFile);
    List<Language> languages = selected();
    Path output = MODULE.resolve("target/conformance");
    List<Verdict> verdicts = new ArrayList<>();
    long started = System.nanoTime();
    try (SandboxProcess sandbox = SandboxProcess.start(sandboxJar(), scenario)) {
      ConformanceRunner runner = new ConformanceRunner(MODULE, scenario, output);
      for (Language language : languages) {
        long start = System.nanoTime();
        verdicts.add(runner.run(language, sandbox, sandbox.apiUrl()));
        System.out.printf("conformance: %s in %d ms%n", language.id,
            (System.nanoTime() - start) / 1_000_000);
      }
    }
    String matrix = Matrix.markdown(scenario, verdicts, MODULE);
    Matrix.write(output.resolve("matrix.md"), matrix);
    Map<String, Object> all = new LinkedHashMap<>();
    verdicts.forEach(v -> all.put(v.language.id, v.toJson()));
    JsonValues.write(output.resolve("results.json"), all);
    System.out.printf("%nConformance matrix (%d languages, %d s):%n%n%s%n", verdicts.size(),
        (System.nanoTime() - started) / 1_000_000_000, matrix);

    List<String> red = new ArrayList<>();
    for (Verdict verdict : verdicts) {
      for (String cell : verdict.redCells()) {
        red.add(verdict.language.id + " / " + cell + ":\n    "
            + String.join("\n    ", verdict.cells.get(cell)));
      }
    }
    if (!red.isEmpty()) {
      fail(red.size() + " red cell(s) (details in target/conformance/<language>/):\n"
          + String.join("\n", red) + "\n\n" + matrix);
    }
    if (languages.size() == Language.all(MODULE).size() && scenarioFile.equals(STANDARD_SCENARIO)) {
      checkReadme(matrix);
    }
  }

  private static void checkReadme(String matrix) {
    Path readme = MODULE.resolve("../README.md").normalize();
    String text = Matrix.read(readme);
    String block = Matrix.readmeBlock(text);
    assertNotNull(block, "README.md has no matrix block: add the lines " + Matrix.START + " and "
        + Matrix.END);
    if (Boolean.getBoolean("polyglot.updateReadme")) {
      Matrix.write(readme, Matrix.withBlock(text, matrix));
      return;
    }
    assertEquals(matrix.trim(), block, "README.md's conformance matrix is stale: run"
        + " ./mvnw -B verify -Dpolyglot.updateReadme=true (or copy"
        + " spec-polyglot/target/conformance/matrix.md between its markers)");
  }

  private static List<Language> selected() {
    String only = System.getProperty("polyglot.languages", "").trim();
    List<Language> all = Language.all(MODULE);
    if (only.isEmpty()) {
      return all;
    }
    List<String> ids = Arrays.asList(only.split(","));
    List<Language> chosen = all.stream().filter(l -> ids.contains(l.id))
        .collect(Collectors.toList());
    assertEquals(ids.size(), chosen.size(), "unknown language in -Dpolyglot.languages=" + only
        + "; known: " + all);
    return chosen;
  }

  /** The scenario: {@code scenario/scenario.json}, or {@code -Dpolyglot.scenario=FILE}. */
  static Path scenarioFile() {
    return Paths.get(System.getProperty("polyglot.scenario", STANDARD_SCENARIO.toString()))
        .toAbsolutePath().normalize();
  }

  static Path sandboxJar() {
    String jar = System.getProperty("polyglot.sandboxJar");
    assertNotNull(jar, "-Dpolyglot.sandboxJar (set by the build) names the standalone sandbox jar");
    return Paths.get(jar);
  }
}
