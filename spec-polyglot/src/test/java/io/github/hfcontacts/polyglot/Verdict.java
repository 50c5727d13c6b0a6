package io.github.hfcontacts.polyglot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One language's row: each cell green or red, and for a red cell the failed steps and why. */
final class Verdict {
  final Language language;
  /** Cell id to its problems, in matrix order; an empty list is a green cell. */
  final Map<String, List<String>> cells = new LinkedHashMap<>();
  /** Step id to its problems; an empty list is a passed step. */
  final Map<String, List<String>> steps = new LinkedHashMap<>();
  /** Steps the program declared not applicable to its client, with the reason. */
  final Map<String, String> notApplicable = new LinkedHashMap<>();
  /** Cells with at least one judged step ({@code compiles} is always judged). */
  final Set<String> judged = new HashSet<>(Set.of(ConformanceRunner.COMPILES));

  Verdict(Language language, Iterable<String> cellIds) {
    this.language = language;
    for (String cell : cellIds) {
      cells.put(cell, new ArrayList<>());
    }
  }

  boolean green(String cell) {
    return cells.get(cell).isEmpty();
  }

  /** A cell none of whose steps applies to this client: neither green nor red. */
  boolean notApplicable(String cell) {
    return cells.get(cell).isEmpty() && !judged.contains(cell);
  }

  List<String> redCells() {
    List<String> red = new ArrayList<>();
    cells.forEach((cell, problems) -> {
      if (!problems.isEmpty()) {
        red.add(cell);
      }
    });
    return red;
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("language", language.id);
    json.put("label", language.label);
    Map<String, Object> cellJson = new LinkedHashMap<>();
    cells.forEach((cell, problems) -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("pass", problems.isEmpty());
      one.put("applicable", !notApplicable(cell));
      one.put("problems", problems);
      cellJson.put(cell, one);
    });
    json.put("cells", cellJson);
    json.put("steps", steps);
    json.put("not_applicable", notApplicable);
    return json;
  }
}
