package io.github.hfcontacts.specgate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that every custom rule of the project's Spectral ruleset (openapi/.spectral.yaml) fires.
 *
 * <p>src/test/resources/lint/good.yaml passes the ruleset without any finding; each file of lint/bad/
 * is a copy of it with one defect, named after the rule that must report it ({@code <rule>.yaml} or
 * {@code <rule>--<variant>.yaml}). Spectral runs once, as a process, over all fixtures.
 */
class SpectralRulesetTest {

  private static final Path OPENAPI_DIR = Path.of(System.getProperty("openapi.dir", "../openapi"));
  private static final Path LINT_FIXTURES = Path.of("src", "test", "resources", "lint").toAbsolutePath();
  private static final Path GOOD = LINT_FIXTURES.resolve("good.yaml");
  private static final Path BAD = LINT_FIXTURES.resolve("bad");
  private static final String CUSTOM_RULE_PREFIX = "hfc-";

  // Spectral's "text" format: <file>:<line>:<column> <severity> <rule> "<message>"
  private static final Pattern FINDING =
      Pattern.compile("^(?<file>.+?\\.yaml):\\d+:\\d+ (?<severity>error|warning|information|hint) (?<rule>\\S+) ");

  private static final Map<String, Set<String>> RULES_BY_FILE = new TreeMap<>();
  private static int exitCode;
  private static String output;

  @BeforeAll
  static void lintAllFixtures() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(OPENAPI_DIR.resolve("node_modules/.bin/spectral").toAbsolutePath().toString());
    command.add("lint");
    command.add("--ruleset");
    command.add(OPENAPI_DIR.resolve(".spectral.yaml").toAbsolutePath().toString());
    command.add("--format");
    command.add("text");
    command.add("--fail-severity");
    command.add("warn");
    command.add(GOOD.toString());
    for (Path fixture : badFixtures()) {
      command.add(fixture.toString());
    }
    Process process =
        new ProcessBuilder(command)
            .directory(OPENAPI_DIR.toFile())
            .redirectErrorStream(true)
            .start();
    output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("spectral finished").isTrue();
    exitCode = process.exitValue();

    for (String line : output.split("\\R")) {
      Matcher finding = FINDING.matcher(line.trim());
      if (finding.find()) {
        String file = Path.of(finding.group("file")).getFileName().toString();
        RULES_BY_FILE.computeIfAbsent(file, f -> new TreeSet<>()).add(finding.group("rule"));
      }
    }
  }

  private static List<Path> badFixtures() throws IOException {
    try (Stream<Path> files = Files.list(BAD)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().collect(Collectors.toList());
    }
  }

  private static String expectedRule(Path fixture) {
    String name = fixture.getFileName().toString().replaceFirst("\\.yaml$", "");
    int variant = name.indexOf("--");
    return variant < 0 ? name : name.substring(0, variant);
  }

  private static Set<String> rulesFor(String file) {
    return RULES_BY_FILE.getOrDefault(file, Set.of());
  }

  @Test
  void spectralRanAndFailedOnTheBadFixtures() {
    assertThat(exitCode).as("spectral exit code (1 = findings at or above warn)\n%s", output).isEqualTo(1);
  }

  @Test
  void goodFixtureHasNoFinding() {
    assertThat(rulesFor(GOOD.getFileName().toString())).as(output).isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> eachBadFixtureFailsWithItsRule() throws IOException {
    return badFixtures().stream()
        .map(
            fixture ->
                DynamicTest.dynamicTest(
                    fixture.getFileName().toString(),
                    () -> {
                      String file = fixture.getFileName().toString();
                      String rule = expectedRule(fixture);
                      Set<String> customRules =
                          rulesFor(file).stream()
                              .filter(r -> r.startsWith(CUSTOM_RULE_PREFIX))
                              .collect(Collectors.toCollection(TreeSet::new));
                      assertThat(customRules)
                          .as("custom rules reported for %s\n%s", file, output)
                          .containsExactly(rule);
                    }));
  }

  @Test
  void everyCustomRuleOfTheRulesetHasABadFixture() throws IOException {
    String ruleset = Files.readString(OPENAPI_DIR.resolve(".spectral.yaml"), StandardCharsets.UTF_8);
    Matcher ruleName = Pattern.compile("(?m)^  (" + CUSTOM_RULE_PREFIX + "[a-z0-9-]+):\\s*$").matcher(ruleset);
    Set<String> customRules = new TreeSet<>();
    while (ruleName.find()) {
      customRules.add(ruleName.group(1));
    }
    Set<String> covered =
        badFixtures().stream().map(SpectralRulesetTest::expectedRule).collect(Collectors.toCollection(TreeSet::new));

    assertThat(customRules).isNotEmpty();
    assertThat(covered).isEqualTo(customRules);
  }
}
