package io.github.hfcontacts.polyglot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written Go types ({@code go/custom/}) pass their own tests inside the generated
 * package: {@code go test} in GOPATH mode, as the Go row builds them.
 */
class GoCustomTypesIT {
  private static final Path MODULE = ConformanceMatrixIT.MODULE;
  private static final Pattern TEST_FUNCTION = Pattern.compile(
      "(?m)^func (Test\\w+)\\(t \\*testing\\.T\\)");

  @Test
  void everyTestOfTheHandWrittenGoTypesPasses() throws IOException {
    String tests = Matrix.read(MODULE.resolve("go/custom/happyfox_custom_types_test.go"));
    List<String> names = new ArrayList<>();
    for (Matcher m = TEST_FUNCTION.matcher(tests); m.find(); ) {
      names.add(m.group(1));
    }
    assertFalse(names.isEmpty(), "no Test function in go/custom/happyfox_custom_types_test.go");

    Path log = MODULE.resolve("target/go-test.log");
    String failure = ConformanceRunner.exec(MODULE,
        List.of("bash", "scripts/build-program.sh", "go-test"), Map.of(), log, 180);
    String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);

    assertNull(failure, failure + "\n" + output);
    for (String name : names) {
      assertTrue(output.contains("--- PASS: " + name + " "), name + " did not pass:\n" + output);
    }
  }
}
