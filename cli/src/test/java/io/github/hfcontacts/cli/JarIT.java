package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar as a process: the main job, kill -9 and resume, a crash between answer and checkpoint. */
class JarIT {
  @TempDir Path dir;

  @Test
  void versionAndHelpRunFromTheJar() throws Exception {
    JarProcess.Result version = new JarProcess(dir).run("--version");
    JarProcess.Result help = new JarProcess(dir).run("import", "--help");

    assertThat(version.exitCode).isZero();
    assertThat(version.stdout).startsWith("happyfox-contacts 0.1.0-SNAPSHOT");
    assertThat(help.exitCode).isZero();
    assertThat(help.stdout).contains("Usage: happyfox-contacts import", "--resume", "--replace",
        "--dry-run");
  }

  @Test
  void theMainJobExportsTheSandboxToARealFile() throws Exception {
    JarProcess.Result result =
        new JarProcess(dir).run("--sandbox", "export", "contacts.csv");

    assertThat(result.exitCode).as(result.toString()).isZero();
    assertThat(result.stdout).startsWith("Exported 250 contacts (5 pages) from the sandbox to"
        + " contacts.csv as csv in ");
    List<CSVRecord> rows = ExportCommandTest.read(dir.resolve("contacts.csv"));
    assertThat(rows).hasSize(251);
    assertThat(rows.get(0).values()).contains("email", "Account Number", "Region ID");
    assertThat(result.stderr).isEmpty(); // not a terminal: no progress bar, nothing else
  }

  @Test
  void anImportKilledWithSigkillResumesWithEveryRowOnce() throws Exception {
    int rows = 2_000;
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder().timeScale(120).start()) {
      Path file = newContacts(rows);
      JarProcess cli = JarProcess.against(dir, sandbox);
      // 2 POST a (scaled) minute: half a second apart in real time, so the kill lands mid-run.
      String[] command = {"--base-url", sandbox.baseUrl(), "--sandbox-time-scale", "120",
          "--post-per-minute", "2", "--parallel", "3", "import", file.toString()};
      Process first = cli.start(command);
      Path report = dir.resolve("rows.csv.report.csv");
      waitUntil(() -> Files.exists(report) && Files.readAllLines(report).size() > 500,
          Duration.ofMinutes(2));
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
      first.waitFor();
      assertThat(first.exitValue()).isEqualTo(137);
      long sentBefore = sandbox.stats().postRequests();
      assertThat(dir.resolve("rows.csv.checkpoint")).exists();

      String[] resume = {"--base-url", sandbox.baseUrl(), "--sandbox-time-scale", "120",
          "--parallel", "3", "import", file.toString(), "--resume"};
      JarProcess.Result second = cli.run(resume);

      assertThat(second.exitCode).as(second.toString()).isZero();
      assertThat(second.stderr).contains("Resuming the import of rows.csv at row");
      assertEveryRowOnce(report, rows);
      assertThat(emails(sandbox)).containsAll(expectedEmails(rows));
      assertThat(sandbox.stats().contacts()).isEqualTo(rows);
      // Each chunk is sent once, except those in flight at the kill that had not been applied.
      assertThat(sandbox.stats().postRequests()).isBetween(20L, 20L + 3);
      assertThat(sentBefore).isLessThan(20);
      assertThat(dir.resolve("rows.csv.checkpoint")).doesNotExist();
    }
  }

  @Test
  void aCrashBetweenAnAnswerAndItsCheckpointIsCheckedNotResent() throws Exception {
    int rows = 1_000;
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.builder().start()) {
      Path file = newContacts(rows);
      JarProcess cli = JarProcess.against(dir, sandbox);
      cli.env.put(Importer.CRASH_AFTER_CHUNK, "3");
      String[] command = {"--base-url", sandbox.baseUrl(), "--parallel", "1", "import",
          file.toString()};

      JarProcess.Result first = cli.run(command);

      assertThat(first.exitCode).isEqualTo(137);
      assertThat(sandbox.stats().postRequests()).isEqualTo(3); // applied, but not recorded
      Path report = dir.resolve("rows.csv.report.csv");
      assertThat(Files.readAllLines(report)).hasSize(201);
      Checkpoint checkpoint = Checkpoint.read(dir.resolve("rows.csv.checkpoint"));
      assertThat(checkpoint.nextRow).isEqualTo(201);
      assertThat(checkpoint.inflightFrom).isEqualTo(201);
      assertThat(checkpoint.inflightTo).isEqualTo(300);

      cli.env.remove(Importer.CRASH_AFTER_CHUNK);
      JarProcess.Result second = cli.run(command[0], command[1], command[2], command[3],
          command[4], command[5], "--resume");

      assertThat(second.exitCode).as(second.toString()).isZero();
      assertThat(sandbox.stats().postRequests()).isEqualTo(10); // chunk 3 was not sent again
      List<CSVRecord> lines = assertEveryRowOnce(report, rows);
      for (CSVRecord line : lines.subList(201, 301)) {
        assertThat(line.get(4)).isEqualTo("applied before the interruption; not sent again");
      }
      assertThat(lines.get(301).get(4)).isEmpty();
    }
  }

  private Path newContacts(int rows) throws IOException {
    StringBuilder text = new StringBuilder("email,name,Region ID,Account Number\n");
    for (int i = 1; i <= rows; i++) {
      text.append("person").append(i).append("@example.com,Person ").append(i)
          .append(",Europe,A-").append(i).append('\n');
    }
    Path file = dir.resolve("rows.csv");
    Files.writeString(file, text);
    return file;
  }

  private static List<String> expectedEmails(int rows) {
    List<String> emails = new ArrayList<>();
    for (int i = 1; i <= rows; i++) {
      emails.add("person" + i + "@example.com");
    }
    return emails;
  }

  private static Set<String> emails(HappyFoxSandbox sandbox) {
    Set<String> emails = new HashSet<>();
    for (Contact contact : sandbox.contacts()) {
      emails.add(contact.getEmail());
    }
    return emails;
  }

  static List<CSVRecord> assertEveryRowOnce(Path report, int rows) throws IOException {
    List<CSVRecord> lines = ExportCommandTest.read(report);
    assertThat(lines).hasSize(rows + 1);
    for (int i = 1; i <= rows; i++) {
      assertThat(lines.get(i).get(0)).isEqualTo(String.valueOf(i));
      assertThat(lines.get(i).get(2)).as("row %d", i).isIn("created", "updated");
      assertThat(lines.get(i).get(3)).as("row %d", i).isNotEmpty();
    }
    return lines;
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void waitUntil(Check check, Duration limit) throws Exception {
    Instant end = Instant.now().plus(limit);
    while (!check.ok()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("condition not met within " + limit);
      }
      Thread.sleep(50);
    }
  }
}
