package io.github.hfcontacts.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results ({@code -rf json}, with {@code -prof gc}) into a Markdown table:
 * throughput and bytes allocated per operation for each variant, and the facade's bytes relative
 * to raw. Usage: {@code JmhReport <jmh.json> <output.md>}.
 */
public final class JmhReport {
  private JmhReport() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    JsonAdapter<List<Map<String, Object>>> adapter = new Moshi.Builder().build()
        .adapter(Types.newParameterizedType(List.class, Map.class));
    List<Map<String, Object>> results = adapter.fromJson(Files.readString(Path.of(args[0])));
    Map<String, Map<String, double[]>> byOperation = new LinkedHashMap<>();
    for (Map<String, Object> result : results) {
      String benchmark = (String) result.get("benchmark");
      String operation = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String variant = (String) ((Map<String, Object>) result.get("params")).get("variant");
      Map<String, Object> primary = (Map<String, Object>) result.get("primaryMetric");
      Map<String, Object> secondary = (Map<String, Object>) result.get("secondaryMetrics");
      Map<String, Object> alloc = secondary == null ? null : (Map<String, Object>) secondary.get("gc.alloc.rate.norm");
      double bytes = alloc == null ? Double.NaN : number(alloc.get("score"));
      byOperation.computeIfAbsent(operation, k -> new LinkedHashMap<>()).put(variant, new double[] {
          number(primary.get("score")), number(primary.get("scoreError")), bytes});
    }
    StringBuilder report = new StringBuilder();
    report.append("JMH 1.37, `-prof gc`, 1 fork, 3×2 s warm-up, 5×2 s measurement; ")
        .append(Interleaved.Environment.describe()).append(".\n\n");
    report.append("| operation | variant | ops/s (± 99.9 % error) | bytes/op | bytes/op vs raw |\n");
    report.append("|---|---|---|---|---|\n");
    for (Map.Entry<String, Map<String, double[]>> operation : byOperation.entrySet()) {
      double[] raw = operation.getValue().get("raw");
      for (String variant : Variant.NAMES) {
        double[] figures = operation.getValue().get(variant);
        if (figures == null) {
          continue;
        }
        report.append(String.format(Locale.ROOT, "| %s | %s | %,.0f ± %,.0f | %,.0f | %s |%n",
            operation.getKey(), variant, figures[0], figures[1], figures[2],
            raw == null ? "" : String.format(Locale.ROOT, "%.2f×", figures[2] / raw[2])));
      }
    }
    Files.writeString(Path.of(args[1]), report.toString(), StandardCharsets.UTF_8);
    System.out.print(report);
  }

  /** JMH writes a number, or a string such as "NaN" when too few iterations ran. */
  private static double number(Object value) {
    return value instanceof Number ? ((Number) value).doubleValue() : Double.parseDouble(String.valueOf(value));
  }
}
