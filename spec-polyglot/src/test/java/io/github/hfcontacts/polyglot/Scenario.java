package io.github.hfcontacts.polyglot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language-neutral scenario ({@code scenario/scenario.json}): the matrix's cells, the setup
 * requests sent by the runner, and the steps every language's program runs with its client.
 */
final class Scenario {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  private final Map<String, Object> root;

  private Scenario(Map<String, Object> root) {
    this.root = root;
  }

  @SuppressWarnings("unchecked")
  static Scenario load(Path file) {
    return new Scenario((Map<String, Object>) JsonValues.read(file));
  }

  Map<String, Object> json() {
    return root;
  }

  int seedContacts() {
    return ((Number) map(root.get("sandbox")).get("seed_contacts")).intValue();
  }

  boolean newerServer() {
    return Boolean.TRUE.equals(map(root.get("sandbox")).get("newer_server"));
  }

  /** Cell ids in matrix order, with their column titles. */
  Map<String, String> cells() {
    Map<String, String> cells = new LinkedHashMap<>();
    for (Object cell : list(root.get("cells"))) {
      cells.put((String) map(cell).get("id"), (String) map(cell).get("title"));
    }
    return cells;
  }

  List<Map<String, Object>> setup() {
    return maps(root.get("setup"));
  }

  List<Map<String, Object>> steps() {
    return maps(root.get("steps"));
  }

  /** This scenario with every {@code "${name}"} value replaced by {@code variables.get(name)}. */
  @SuppressWarnings("unchecked")
  Scenario resolve(Map<String, Object> variables) {
    return new Scenario((Map<String, Object>) substitute(root, variables));
  }

  static Object substitute(Object node, Map<String, Object> variables) {
    if (node instanceof String) {
      Matcher matcher = PLACEHOLDER.matcher((String) node);
      if (matcher.matches()) {
        if (!variables.containsKey(matcher.group(1))) {
          throw new IllegalStateException("the scenario uses ${" + matcher.group(1)
              + "}, which no setup request captured");
        }
        return variables.get(matcher.group(1));
      }
      return node;
    }
    if (node instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
        copy.put((String) entry.getKey(), substitute(entry.getValue(), variables));
      }
      return copy;
    }
    if (node instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<?>) node) {
        copy.add(substitute(item, variables));
      }
      return copy;
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Collections.emptyMap();
  }

  static List<Object> list(Object value) {
    return value instanceof List ? new ArrayList<>((List<?>) value) : Collections.emptyList();
  }

  private static List<Map<String, Object>> maps(Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object item : list(value)) {
      out.add(map(item));
    }
    return out;
  }
}
