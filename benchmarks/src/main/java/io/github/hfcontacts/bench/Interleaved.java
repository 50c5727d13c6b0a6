package io.github.hfcontacts.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alternates the variants in short slices, round after round, and reports the median ratio of
 * their throughputs with its quartiles. On a machine shared with other work, two variants measured
 * minutes apart see different machines; measured in adjacent slices of one round they see nearly
 * the same one, so the ratio within a round is what carries information.
 *
 * <p>Usage: {@code Interleaved <apiBase> <rounds> <sliceMillis> <output.md>}.
 */
public final class Interleaved {
  interface Operation {
    Object run(Variant variant) throws IOException;
  }

  private static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>();

  static {
    OPERATIONS.put("GET one contact", Variant::getContact);
    OPERATIONS.put("GET page of 50", Variant::getPage);
    OPERATIONS.put("parse page of 50 from bytes", v -> v.parsePage(Fixtures.PAGE));
    OPERATIONS.put("bulk upsert of 100", Variant::upsert100);
  }

  private static final String[][] RATIOS = {
      {"facade", "raw"}, {"generated", "raw"}, {"facade", "stock"}};

  private Interleaved() {}

  public static void main(String[] args) throws Exception {
    String apiBase = args[0];
    int rounds = Integer.parseInt(args[1]);
    long sliceNanos = Long.parseLong(args[2]) * 1_000_000L;
    Path output = Path.of(args[3]);
    Map<String, Variant> variants = new LinkedHashMap<>();
    for (String name : Variant.NAMES) {
      variants.put(name, Variant.create(name, apiBase));
    }
    StringBuilder report = new StringBuilder();
    report.append("Interleaved run: ").append(rounds).append(" rounds of ").append(args[2])
        .append(" ms slices per variant and operation, variant order rotated each round; ")
        .append(Environment.describe()).append(".\n\n");
    report.append("| operation | facade / raw | generated / raw | facade / stock | ops/s raw · generated · facade · stock "
        + "| bytes/op (calling thread) raw · generated · facade · stock | facade / raw bytes |\n");
    report.append("|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Operation> operation : OPERATIONS.entrySet()) {
      // Warm-up: the same alternation, not recorded.
      for (int round = 0; round < Math.max(3, rounds / 3); round++) {
        for (Variant variant : variants.values()) {
          slice(variant, operation.getValue(), sliceNanos);
        }
      }
      Map<String, double[]> throughput = new LinkedHashMap<>();
      Map<String, double[]> bytes = new LinkedHashMap<>();
      for (String name : Variant.NAMES) {
        throughput.put(name, new double[rounds]);
        bytes.put(name, new double[rounds]);
      }
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < Variant.NAMES.length; k++) {
          String name = Variant.NAMES[(k + round) % Variant.NAMES.length];
          double[] measured = slice(variants.get(name), operation.getValue(), sliceNanos);
          throughput.get(name)[round] = measured[0];
          bytes.get(name)[round] = measured[1];
        }
      }
      report.append("| ").append(operation.getKey());
      for (String[] ratio : RATIOS) {
        report.append(" | ").append(quartiles(ratios(throughput.get(ratio[0]), throughput.get(ratio[1]))));
      }
      report.append(" | ");
      List<String> medians = new ArrayList<>();
      for (String name : Variant.NAMES) {
        medians.add(String.format(Locale.ROOT, "%,.0f", median(throughput.get(name))));
      }
      report.append(String.join(" · ", medians)).append(" | ");
      List<String> allocations = new ArrayList<>();
      for (String name : Variant.NAMES) {
        allocations.add(String.format(Locale.ROOT, "%,.0f", median(bytes.get(name))));
      }
      report.append(String.join(" · ", allocations)).append(" | ")
          .append(quartiles(ratios(bytes.get("facade"), bytes.get("raw")))).append(" |\n");
      System.out.println(operation.getKey() + " done");
    }
    report.append("\nRatios are of throughput (higher is faster for the first named), or of bytes allocated per "
        + "operation (lower is leaner); each cell is the median over the rounds with the first and third quartiles.\n");
    for (Variant variant : variants.values()) {
      variant.close();
    }
    Files.writeString(output, report.toString(), StandardCharsets.UTF_8);
    System.out.print(report);
  }

  /** Runs the operation for one slice; returns {ops per second, bytes allocated per op on this thread}. */
  private static double[] slice(Variant variant, Operation operation, long sliceNanos) throws IOException {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    long deadline = start + sliceNanos;
    long ops = 0;
    long now;
    do {
      if (operation.run(variant) == null) {
        throw new IllegalStateException("no result");
      }
      ops++;
      now = System.nanoTime();
    } while (now < deadline);
    long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
    return new double[] {ops * 1e9 / (now - start), (double) allocated / ops};
  }

  private static double[] ratios(double[] numerators, double[] denominators) {
    double[] ratios = new double[numerators.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = numerators[i] / denominators[i];
    }
    return ratios;
  }

  private static double median(double[] values) {
    return percentile(values, 0.5);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double index = p * (sorted.length - 1);
    int low = (int) Math.floor(index);
    int high = (int) Math.ceil(index);
    return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
  }

  private static String quartiles(double[] values) {
    return String.format(Locale.ROOT, "%.2f [%.2f–%.2f]",
        percentile(values, 0.5), percentile(values, 0.25), percentile(values, 0.75));
  }

  /** The machine, JDK and date a report was measured on. */
  static final class Environment {
    private Environment() {}

    static String describe() {
      return cpu() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
          + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
          + ", " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    }

    private static String cpu() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
          if (line.startsWith("model name")) {
            return line.substring(line.indexOf(':') + 1).trim();
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux
      }
      return System.getProperty("os.arch");
    }
  }
}
