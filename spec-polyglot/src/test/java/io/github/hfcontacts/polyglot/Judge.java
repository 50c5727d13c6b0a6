package io.github.hfcontacts.polyglot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares what a program observed with what the scenario expects. An expected object matches an
 * observed object that has every expected property with a matching value; other observed
 * properties are ignored (a client may keep properties it does not know). An expected
 * {@code null} matches {@code null} or an absent property (many serialisers leave nulls out).
 * Arrays match element by element and must have the same length; numbers match by value
 * ({@code 42} is {@code 42.0}); strings and booleans match exactly.
 */
final class Judge {
  private static final int MAX_REPORTED = 5;

  private Judge() {}

  /** The differences, each as {@code $.path: expected X, observed Y}; empty when it matches. */
  static List<String> differences(Object expected, Object observed) {
    List<String> out = new ArrayList<>();
    compare("$", expected, observed, out);
    return out.size() > MAX_REPORTED ? new ArrayList<>(out.subList(0, MAX_REPORTED)) : out;
  }

  private static void compare(String path, Object expected, Object observed, List<String> out) {
    if (expected == null) {
      if (observed != null) {
        out.add(path + ": expected null, observed " + show(observed));
      }
      return;
    }
    if (expected instanceof Map) {
      if (!(observed instanceof Map)) {
        out.add(path + ": expected an object, observed " + show(observed));
        return;
      }
      Map<?, ?> observedMap = (Map<?, ?>) observed;
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) expected).entrySet()) {
        compare(path + "." + entry.getKey(), entry.getValue(), observedMap.get(entry.getKey()),
            out);
      }
      return;
    }
    if (expected instanceof List) {
      if (!(observed instanceof List)) {
        out.add(path + ": expected an array, observed " + show(observed));
        return;
      }
      List<?> want = (List<?>) expected;
      List<?> got = (List<?>) observed;
      if (want.size() != got.size()) {
        out.add(path + ": expected " + want.size() + " items, observed " + got.size() + ": "
            + show(observed));
        return;
      }
      for (int i = 0; i < want.size(); i++) {
        compare(path + "[" + i + "]", want.get(i), got.get(i), out);
      }
      return;
    }
    if (expected instanceof Number) {
      if (!(observed instanceof Number) || new BigDecimal(expected.toString())
          .compareTo(new BigDecimal(observed.toString())) != 0) {
        out.add(path + ": expected " + show(expected) + ", observed " + show(observed));
      }
      return;
    }
    if (!expected.equals(observed)) {
      out.add(path + ": expected " + show(expected) + ", observed " + show(observed));
    }
  }

  private static String show(Object value) {
    if (value == null) {
      return "null (or absent)";
    }
    String json = JsonValues.compact(value);
    return json.length() > 120 ? json.substring(0, 117) + "..." : json;
  }
}
