package io.github.hfcontacts.polyglot;

import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the conformance programs of the JVM rows share: each step of the scenario file performed
 * in turn (a step that throws reports the error), and the results file written.
 */
final class JvmProgram {
  /** Performs one step and puts its {@code observed} value or {@code not_applicable} reason. */
  interface Step {
    void perform(Map<String, Object> step, Map<String, Object> params, Map<String, Object> result)
        throws Exception;
  }

  private JvmProgram() {}

  /** Runs every step of {@code scenarioFile} and writes {@code resultsFile}. */
  static void run(String scenarioFile, String resultsFile, Step step) {
    Map<String, Object> results = new LinkedHashMap<>();
    for (Map<String, Object> one : Scenario.load(Paths.get(scenarioFile)).steps()) {
      Map<String, Object> result = new LinkedHashMap<>();
      try {
        step.perform(one, Scenario.map(one.get("params")), result);
      } catch (Exception | LinkageError e) {
        result.clear();
        result.put("error", e.toString());
      }
      results.put((String) one.get("id"), result);
    }
    JsonValues.write(Paths.get(resultsFile), Map.of("steps", results));
  }

  static long groupId(Map<?, ?> params) {
    return ((Number) params.get("group_id")).longValue();
  }
}
