package io.github.hfcontacts.polyglot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeTest {
  private static List<String> diff(String expected, String observed) {
    return Judge.differences(JsonValues.parse(expected), JsonValues.parse(observed));
  }

  @Test
  void extraObservedPropertiesAreIgnored() {
    assertEquals(List.of(), diff("{\"id\": 1}", "{\"id\": 1, \"newer_server_field\": {}}"));
  }

  @Test
  void anExpectedNullMatchesNullOrAnAbsentProperty() {
    assertEquals(List.of(), diff("{\"value\": null}", "{}"));
    assertEquals(List.of(), diff("{\"value\": null}", "{\"value\": null}"));
    assertEquals(List.of("$.value: expected null, observed \"x\""),
        diff("{\"value\": null}", "{\"value\": \"x\"}"));
  }

  @Test
  void numbersMatchByValue() {
    assertEquals(List.of(), diff("[42, 1234.5]", "[42.0, 1234.50]"));
    assertEquals(List.of("$[0]: expected 42, observed \"42\""), diff("[42]", "[\"42\"]"));
  }

  @Test
  void arraysMustHaveTheSameLengthAndMatchItemByItem() {
    assertEquals(List.of("$.ids: expected 2 items, observed 1: [1]"),
        diff("{\"ids\": [1, 2]}", "{\"ids\": [1]}"));
    assertEquals(List.of("$[1].type: expected \"f\", observed null (or absent)"),
        diff("[{\"type\": \"mo\"}, {\"type\": \"f\"}]", "[{\"type\": \"mo\"}, {}]"));
  }

  @Test
  void aMissingObjectIsReportedWithItsPath() {
    assertEquals(List.of("$.primary_phone: expected an object, observed null (or absent)"),
        diff("{\"primary_phone\": {\"type\": \"f\"}}", "{}"));
  }

  @Test
  void placeholdersAreReplacedByWholeValues() {
    Object resolved = Scenario.substitute(JsonValues.parse("{\"id\": \"${ada_id}\", \"x\": \"a ${ada_id}\"}"),
        java.util.Map.of("ada_id", 24L));
    assertEquals("{\"id\":24,\"x\":\"a ${ada_id}\"}", JsonValues.compact(resolved));
  }
}
