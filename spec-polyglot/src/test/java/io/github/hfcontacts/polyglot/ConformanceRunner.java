package io.github.hfcontacts.polyglot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scenario for one language: compiles its program (unless Maven did), resets the
 * sandbox, sends the setup requests, hands the resolved scenario to the program, and judges the
 * results it writes. Everything a run leaves is under {@code target/conformance/<language>/}.
 */
final class ConformanceRunner {
  static final String COMPILES = "compiles";
  private static final long COMPILE_TIMEOUT_SECONDS = 600;
  private static final long RUN_TIMEOUT_SECONDS = 180;
  /** Language id to its compile failure ("" when it compiled): each compiles once per JVM. */
  private static final Map<String, String> COMPILED = new ConcurrentHashMap<>();

  private final Path module;
  private final Scenario scenario;
  private final Path outputRoot;

  ConformanceRunner(Path module, Scenario scenario, Path outputRoot) {
    this.module = module;
    this.scenario = scenario;
    this.outputRoot = outputRoot;
  }

  /** Compiles, runs and judges {@code language} against the sandbox at {@code apiUrl}. */
  Verdict run(Language language, SandboxProcess sandbox, String apiUrl) {
    Verdict verdict = new Verdict(language, scenario.cells().keySet());
    Path dir = outputRoot.resolve(language.id);
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(dir.resolve("results.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!language.compile.isEmpty()) {
      String failure = COMPILED.computeIfAbsent(language.id, id -> {
        String problem = exec(module, language.compile, language.environment,
            dir.resolve("compile.log"), COMPILE_TIMEOUT_SECONDS);
        return problem == null ? "" : problem;
      });
      if (!failure.isEmpty()) {
        verdict.cells.get(COMPILES).add(failure);
        for (String cell : verdict.cells.keySet()) {
          if (!cell.equals(COMPILES)) {
            verdict.cells.get(cell).add("not run: the program did not compile");
          }
        }
        return verdict;
      }
    }
    sandbox.reset();
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Map<String, Object> request : scenario.setup()) {
      Object answer = sandbox.request((String) request.get("method"), (String) request.get("path"),
          Scenario.substitute(request.get("body"), variables));
      Scenario.map(request.get("capture")).forEach((name, property) ->
          variables.put(name, Scenario.map(answer).get(property)));
    }
    Scenario resolved = scenario.resolve(variables);
    Path scenarioFile = dir.resolve("scenario.json");
    Path resultsFile = dir.resolve("results.json");
    JsonValues.write(scenarioFile, resolved.json());
    List<String> arguments = List.of(scenarioFile.toString(), resultsFile.toString(), apiUrl,
        sandbox.apiKey(), sandbox.authCode());
    String failure;
    if (language.jvmMain != null) {
      failure = runInJvm(language.jvmMain, arguments);
    } else {
      List<String> command = new ArrayList<>(language.run);
      command.addAll(arguments);
      failure = exec(module, command, language.environment, dir.resolve("run.log"),
          RUN_TIMEOUT_SECONDS);
    }
    judge(resolved, resultsFile, failure, verdict);
    JsonValues.write(dir.resolve("verdict.json"), verdict.toJson());
    return verdict;
  }

  private static void judge(Scenario resolved, Path resultsFile, String failure, Verdict verdict) {
    Map<String, Object> results = Map.of();
    if (Files.exists(resultsFile)) {
      try {
        results = Scenario.map(Scenario.map(JsonValues.read(resultsFile)).get("steps"));
      } catch (UncheckedIOException e) {
        failure = "the results file is not JSON (" + e.getMessage() + ")"
            + (failure == null ? "" : "; " + failure);
      }
    }
    for (Map<String, Object> step : resolved.steps()) {
      String id = (String) step.get("id");
      List<String> problems = new ArrayList<>();
      Map<String, Object> result = Scenario.map(results.get(id));
      boolean expectsError = step.containsKey("expect_error");
      if (!results.containsKey(id)) {
        problems.add("no result reported" + (failure == null ? "" : " (" + failure + ")"));
      } else if (result.containsKey("not_applicable")) {
        verdict.notApplicable.put(id, String.valueOf(result.get("not_applicable")));
        continue;
      } else if (result.containsKey("error")) {
        problems.add("failed: " + result.get("error"));
      } else if (!result.containsKey("observed")) {
        problems.add("neither observed nor error reported");
      } else {
        for (String difference : Judge.differences(
            step.get(expectsError ? "expect_error" : "expect"), result.get("observed"))) {
          problems.add(difference);
        }
      }
      verdict.steps.put(id, problems);
      for (Object cell : Scenario.list(step.get("cells"))) {
        List<String> cellProblems = verdict.cells.get(cell);
        if (cellProblems == null) {
          throw new IllegalStateException("step " + id + " names an unknown cell " + cell);
        }
        verdict.judged.add((String) cell);
        for (String problem : problems) {
          cellProblems.add(id + ": " + problem);
        }
      }
    }
  }

  /**
   * Runs a command in {@code directory}, its output to {@code log}; answers null on exit 0, else
   * what went wrong.
   */
  static String exec(Path directory, List<String> command, Map<String, String> environment,
      Path log, long timeoutSeconds) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return String.join(" ", command) + " did not finish in " + timeoutSeconds + " s";
      }
      if (process.exitValue() != 0) {
        return String.join(" ", command) + " exited with " + process.exitValue() + ": "
            + tail(log);
      }
      return null;
    } catch (IOException e) {
      return "cannot run " + command.get(0) + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String runInJvm(String mainClass, List<String> arguments) {
    try {
      Method main = Class.forName(mainClass).getMethod("main", String[].class);
      main.invoke(null, (Object) arguments.toArray(new String[0]));
      return null;
    } catch (InvocationTargetException e) {
      return mainClass + " threw " + e.getCause();
    } catch (ReflectiveOperationException | LinkageError e) {
      return "cannot run " + mainClass + ": " + e;
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
