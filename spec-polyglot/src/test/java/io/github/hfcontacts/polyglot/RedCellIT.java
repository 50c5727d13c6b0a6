package io.github.hfcontacts.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cell of the matrix really can turn red: the same programs, run against a proxy that breaks
 * one kind of answer, fail exactly the cells that answer belongs to.
 */
class RedCellIT {
  private static final Path MODULE = ConformanceMatrixIT.MODULE;
  private static Scenario scenario;
  private static SandboxProcess sandbox;

  @BeforeAll
  static void startSandbox() {
    scenario = Scenario.load(ConformanceMatrixIT.scenarioFile());
    sandbox = SandboxProcess.start(ConformanceMatrixIT.sandboxJar(), scenario);
  }

  @AfterAll
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void aCustomFieldValueLostOnTheWayBackTurnsOnlyTheRoundTripCellRed() {
    Verdict verdict = runThroughProxy(language("python"), (method, path, status, body) ->
        method.equals("GET") && path.endsWith("/user/grace.roundtrip@example.com/")
            ? body.replace("\"XHR-1234\"", "null") : body);

    assertEquals(List.of("custom-field-round-trip"), verdict.redCells(), verdict.cells.toString());
    assertTrue(verdict.steps.get("read-back-one").get(0).contains("expected \"XHR-1234\""),
        verdict.steps.get("read-back-one").toString());
  }

  @Test
  void anErrorBodyOfAnotherShapeTurnsOnlyTheErrorBodyCellRed() {
    Verdict verdict = runThroughProxy(language("java"), (method, path, status, body) ->
        status == 400 ? "{\"error\": \"name is required\"}" : body);

    assertEquals(List.of("error-body"), verdict.redCells(), verdict.cells.toString());
    assertTrue(verdict.steps.get("error-body").get(0).startsWith("failed: "),
        verdict.steps.get("error-body").toString());
  }

  @Test
  void anArrayAnsweredAsAnObjectTurnsTheObjectOrArrayCellRed() {
    Verdict verdict = runThroughProxy(language("go"), (method, path, status, body) ->
        method.equals("POST") && path.endsWith("/users/") && body.startsWith("[")
            ? JsonValues.compact(((List<?>) JsonValues.parse(body)).get(0)) : body);

    assertTrue(verdict.redCells().contains("object-or-array-body"), verdict.cells.toString());
    assertTrue(verdict.steps.get("upsert-many").get(0).contains(
            "ContactUpsertResponse: the contact: no value given for required property"),
        verdict.steps.get("upsert-many").toString());
    assertTrue(verdict.green("error-body") && verdict.green("paging"), verdict.cells.toString());
  }

  @Test
  void aProgramThatDoesNotCompileTurnsEveryCellRed() {
    Language broken = Language.process("broken", "does not compile", "none", null,
        List.of("bash", "-c", "echo 'syntax error' >&2; exit 3"), List.of("true"));

    Verdict verdict = new ConformanceRunner(MODULE, scenario,
        MODULE.resolve("target/conformance-red")).run(broken, sandbox, sandbox.apiUrl());

    assertEquals(verdict.cells.keySet().stream().toList(), verdict.redCells());
    assertTrue(verdict.cells.get("compiles").get(0).contains("exited with 3"),
        verdict.cells.get("compiles").toString());
  }

  private static Verdict runThroughProxy(Language language, RewritingProxy.Rewrite rewrite) {
    try (RewritingProxy proxy = new RewritingProxy(sandbox.apiUrl(), rewrite)) {
      return new ConformanceRunner(MODULE, scenario, MODULE.resolve("target/conformance-red"))
          .run(language, sandbox, proxy.apiUrl());
    }
  }

  private static Language language(String id) {
    return Language.all(MODULE).stream().filter(l -> l.id.equals(id)).findFirst().orElseThrow();
  }
}
