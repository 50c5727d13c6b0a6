package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import io.github.hfcontacts.sandbox.SandboxStats;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Export N contacts and import N rows (half updates, half new contacts) with the jar as a process
 * in a 128 MB heap, against a sandbox with HappyFox's limits (500 GET and 300 POST a minute, a
 * 10-minute block) in time scaled T times. Checks: no 429, every row reported once, the final
 * state; measures the rate of each phase against HappyFox's ceiling and the peak heap, and writes
 * the figures to {@code target/scale/figures.txt}.
 *
 * <p>{@code verify} runs 5,000 contacts at T = 10 (every phase fits in one window, so no rate is
 * asserted); {@code scripts/scale-test.sh} runs 100,000, where each phase spans many windows and
 * the rate must reach 95% of the ceiling.
 */
class ScaleIT {
  private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final Pattern RATE = Pattern.compile(
      "([0-9,]+) (GET|POST) requests?, ([0-9.]+) a minute \\(([0-9.]+)% of the pace");

  @Test
  void exportAndImportAtTheCeilingInConstantMemory() throws Exception {
    int contacts = Integer.getInteger("cli.scale.contacts", 5_000);
    double timeScale = Double.parseDouble(System.getProperty("cli.scale.timeScale", "10"));
    Path dir = Path.of(System.getProperty("cli.scale.out", "target/scale"));
    Files.createDirectories(dir);
    try (var old = Files.list(dir)) {
      for (Path file : (Iterable<Path>) old::iterator) {
        if (Files.isRegularFile(file)) {
          Files.delete(file); // the files of an earlier run, GC logs included
        }
      }
    }
    List<String> figures = new ArrayList<>();
    figures.add(String.format(Locale.ROOT, "scale run: %,d contacts, sandbox with HappyFox's"
        + " limits (500 GET / 300 POST a minute, 10-minute block) at time scale %s, jar in"
        + " -Xmx128m, --parallel 4", contacts, timeScale));
    String scale = String.valueOf(timeScale);
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder().seed(1).seedContacts(contacts)
        .timeScale(timeScale).start()) {
      // Export
      JarProcess export = jar(dir, sandbox, "export-gc.log");
      long start = System.nanoTime();
      JarProcess.Result exported = export.run("--base-url", sandbox.baseUrl(),
          "--sandbox-time-scale", scale, "export", "contacts.csv");
      Duration exportWall = Duration.ofNanos(System.nanoTime() - start);
      SandboxStats afterExport = sandbox.stats();
      assertThat(exported.exitCode).as(exported.toString()).isZero();
      long rows;
      try (Reader reader = Files.newBufferedReader(dir.resolve("contacts.csv"))) {
        rows = CSVFormat.DEFAULT.parse(reader).stream().count() - 1;
      }
      assertThat(rows).isEqualTo(contacts);
      assertThat(afterExport.rateLimited()).isZero();
      figures.add(line("export", exportWall, exported.stdout, "GET", 500,
          afterExport.getRequests(), afterExport.peakGetsPerWindow(),
          dir.resolve("export-gc.log")));

      // The export's requests leave HappyFox's rolling minute first, so that the import's figures
      // are its own (started at once, its budget would start with them spent: RequestLogTest).
      Thread.sleep((long) (61_000 / timeScale));

      // Import: the first half of the export with a new account number, then as many new
      // contacts.
      Path input = dir.resolve("rows.jsonl");
      writeImport(dir.resolve("contacts.csv"), input, contacts);
      JarProcess importer = jar(dir, sandbox, "import-gc.log");
      start = System.nanoTime();
      JarProcess.Result imported = importer.run("--base-url", sandbox.baseUrl(),
          "--sandbox-time-scale", scale, "import", input.toString());
      Duration importWall = Duration.ofNanos(System.nanoTime() - start);
      SandboxStats afterImport = sandbox.stats();
      assertThat(imported.exitCode).as(imported.toString()).isZero();
      assertThat(afterImport.rateLimited()).isZero();
      assertThat(afterImport.contacts()).isEqualTo(contacts + contacts / 2);
      List<CSVRecord> report =
          JarIT.assertEveryRowOnce(dir.resolve("rows.jsonl.report.csv"), contacts);
      long created = report.stream().filter(r -> r.get(2).equals("created")).count();
      assertThat(created).isEqualTo(contacts / 2);
      figures.add(line("import, reading contacts to merge", importWall, imported.stdout, "GET",
          500, afterImport.getRequests() - afterExport.getRequests(),
          afterImport.peakGetsPerWindow(), dir.resolve("import-gc.log")));
      figures.add(line("import, writing", importWall, imported.stdout, "POST", 300,
          afterImport.postRequests(), afterImport.peakPostsPerWindow(),
          dir.resolve("import-gc.log")));
      figures.add(String.format(Locale.ROOT, "import: %,d rows reported, each once (%,d created,"
          + " %,d updated); 429 answers in the whole run: %d; wall time %s",
          report.size() - 1, created, report.size() - 1 - created, afterImport.rateLimited(),
          Summary.duration(importWall)));
    }
    Files.write(dir.resolve("figures.txt"), figures);
    figures.forEach(System.out::println);
  }

  private static JarProcess jar(Path dir, HappyFoxSandbox sandbox, String gcLog) {
    JarProcess jar = JarProcess.against(dir, sandbox);
    jar.jvm.addAll(List.of("-Xmx128m", "-Xlog:gc:file=" + dir.resolve(gcLog)));
    return jar;
  }

  /** One phase's figures; asserts the rate when the phase spans several windows. */
  private static String line(String phase, Duration wall, String stdout, String method,
      int ceiling, long requests, int peakPerWindow, Path gcLog) throws IOException {
    Matcher rate = RATE.matcher(stdout);
    String measured = "within the first minute (no rate)";
    while (rate.find()) {
      if (rate.group(2).equals(method)) {
        double perMinute = Double.parseDouble(rate.group(3));
        double pace = Double.parseDouble(rate.group(4));
        measured = String.format(Locale.ROOT, "%.1f/min, %.1f%% of the fastest pace HappyFox's"
            + " %d/min allows for that many", perMinute, pace, ceiling);
        if (requests > 3L * ceiling) {
          assertThat(pace).as(phase + " pace").isGreaterThanOrEqualTo(95.0);
        }
      }
    }
    int peakBefore = 0;
    int peakAfter = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher heap = HEAP.matcher(line);
      if (heap.find()) {
        peakBefore = Math.max(peakBefore, Integer.parseInt(heap.group(1)));
        peakAfter = Math.max(peakAfter, Integer.parseInt(heap.group(2)));
      }
    }
    return String.format(Locale.ROOT, "%s: %,d %s requests, %s; busiest rolling minute %d"
        + " (limit %d); heap peak %d MB before a GC, %d MB live after (limit 128 MB)", phase,
        requests, method, measured, peakPerWindow, ceiling, peakBefore, peakAfter);
  }

  private static void writeImport(Path export, Path input, int contacts) throws IOException {
    try (Reader reader = Files.newBufferedReader(export);
        BufferedWriter out = Files.newBufferedWriter(input)) {
      int n = 0;
      for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .get().parse(reader)) {
        if (n++ >= contacts / 2) {
          break;
        }
        out.write("{\"email\": \"" + record.get("email") + "\", \"Account Number\": \"IMP-"
            + n + "\"}\n");
      }
      for (int i = 1; i <= contacts - contacts / 2; i++) {
        out.write("{\"email\": \"new." + i + "@import.test\", \"name\": \"New " + i
            + "\", \"Region ID\": \"Europe\", \"Credit Limit\": 12.5}\n");
      }
    }
  }
}
