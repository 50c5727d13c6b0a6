package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomFieldValue;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import io.github.hfcontacts.sandbox.HappyFoxSandboxExtension;
import io.github.hfcontacts.sandbox.SandboxRateLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code import} in this JVM against a sandbox over HTTP. */
class ImportCommandTest {
  @RegisterExtension
  final HappyFoxSandboxExtension sandbox =
      HappyFoxSandboxExtension.of(HappyFoxSandbox.builder().seed(5).seedContacts(60));

  @TempDir Path dir;

  @Test
  void mergeKeepsTheCustomFieldsOfEmptyCells() throws IOException {
    Contact before = contactWithValues();
    Path file = write("rows.csv", "email,Account Number,Region ID,Products\n"
        + before.getEmail() + ",ACC-NEW,,\n");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "import", file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    Contact after = contact(before.getEmail());
    assertThat(value(after, 4)).isEqualTo("ACC-NEW");
    for (long kept : new long[] {5, 6, 7, 8}) {
      assertThat(value(after, kept)).as("field %d", kept).isEqualTo(value(before, kept));
    }
    assertThat(report(file)).containsExactly(
        List.of("row", "email", "outcome", "id", "detail"),
        List.of("1", before.getEmail(), "updated", String.valueOf(before.getId()), ""));
    assertThat(sandbox.stats().postRequests()).isEqualTo(1);
  }

  @Test
  void replaceResetsTheCustomFieldsOfEmptyCells() throws IOException {
    Contact before = contactWithValues();
    Path file = write("rows.csv", "email,Account Number\n" + before.getEmail() + ",ACC-NEW\n");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "import", "--replace",
        file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    Contact after = contact(before.getEmail());
    assertThat(value(after, 4)).isEqualTo("ACC-NEW");
    assertThat(value(after, 5)).isNull();
    assertThat(value(after, 7)).isNull();
    assertThat(report(file).get(1)).containsExactly("1", before.getEmail(), "saved",
        String.valueOf(before.getId()), "");
    assertThat(sandbox.stats().getRequests()).isEqualTo(1); // the definitions only: no reads
  }

  @Test
  void reimportingAnExportSendsNothing() throws IOException {
    Path export = dir.resolve("all.csv");
    assertThat(cli().run("--base-url", sandbox.baseUrl(), "export", export.toString()).exitCode)
        .isZero();

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "import", export.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.stdout).contains("60 rows, 0 created, 0 updated, 0 saved, 60 unchanged");
    assertThat(sandbox.stats().postRequests()).isZero();
    assertThat(report(export)).hasSize(61)
        .allSatisfy(line -> assertThat(line.get(2)).isIn("outcome", "unchanged"));
  }

  @Test
  void invalidRowsStopTheImportBeforeAnyWrite() throws IOException {
    Contact existing = contactWithValues();
    Path file = write("rows.csv", "email,name,Region ID,Credit Limit,Renewal Date\n"
        + existing.getEmail() + ",,Mars,,\n"
        + "ok@example.com,Ok,APAC,12.5,2026-01-31\n"
        + "not-an-email,X,,,\n"
        + "cents@example.com,C,,1.234,\n"
        + "when@example.com,W,,,31/01/2026\n");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "import", file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.stderr).contains("4 of 5 rows are invalid, so nothing was sent");
    assertThat(sandbox.stats().postRequests()).isZero();
    List<List<String>> report = report(file);
    assertThat(report).hasSize(6);
    assertThat(report.get(1).get(4)).isEqualTo("Region ID: \"Mars\" is not one of its choices"
        + " (APAC, Australia, Europe, North America)");
    assertThat(report.get(2)).containsExactly("2", "ok@example.com", "not-sent", "",
        "other rows are invalid; nothing was sent");
    assertThat(report.get(3).get(4)).isEqualTo("email: \"not-an-email\" is not a valid address");
    assertThat(report.get(4).get(4)).contains("Credit Limit: 1.234 has more than 2 decimal"
        + " places");
    assertThat(report.get(5).get(4)).isEqualTo("Renewal Date: \"31/01/2026\" is not a date as"
        + " yyyy-mm-dd");
  }

  @Test
  void skipInvalidSendsTheValidRowsAndReportsTheOthers() throws IOException {
    Path file = write("rows.csv", "email,name\nnew1@example.com,New One\nbad,Bad\n"
        + "new2@example.com,\n");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "import", "--skip-invalid",
        file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.PARTIAL_FAILURE);
    List<List<String>> report = report(file);
    assertThat(report.get(1).subList(0, 3)).containsExactly("1", "new1@example.com", "created");
    assertThat(report.get(1).get(3)).isNotEmpty();
    assertThat(report.get(2).get(2)).isEqualTo("invalid");
    assertThat(report.get(3)).containsExactly("3", "new2@example.com", "invalid", "",
        "name is required to create a contact, and no contact has this email");
    assertThat(contact("new1@example.com").getName()).isEqualTo("New One");
  }

  @Test
  void anUnknownColumnIsRefusedBeforeAnyRequestIsSentForRows() throws IOException {
    Path file = write("rows.csv", "email,Acount Number\na@example.com,1\n");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "import", file.toString());

    assertThat(run.exitCode).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(run.stderr).contains("column \"Acount Number\" is neither a contact column",
        "\"Account Number\"");
    assertThat(sandbox.stats().postRequests()).isZero();
    assertThat(sandbox.stats().getRequests()).isEqualTo(1); // the definitions
  }

  @Test
  void aRepeatedEmailIsInvalid() throws IOException {
    Path file = write("rows.jsonl", "{\"email\": \"twice@example.com\", \"name\": \"A\"}\n"
        + "{\"email\": \"TWICE@example.com\", \"name\": \"B\"}\n");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "import", file.toString());

    assertThat(run.exitCode).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(report(file).get(2).get(4))
        .isEqualTo("email TWICE@example.com is also on row 1: a contact may appear once per"
            + " import");
  }

  @Test
  void dryRunSaysWhatWouldHappenAndSendsNothing() throws IOException {
    Contact existing = contactWithValues();
    Path file = write("rows.csv", "email,name,Account Number\n"
        + existing.getEmail() + ",,CHANGED\nfresh@example.com,Fresh,\n");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "import", "--dry-run",
        file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.stdout).contains("1 would be created, 1 updated", "Nothing was sent");
    assertThat(report(file).get(1).get(2)).isEqualTo("would-update");
    assertThat(report(file).get(2).get(2)).isEqualTo("would-create");
    assertThat(sandbox.stats().postRequests()).isZero();
    assertThat(dir.resolve("rows.csv.checkpoint")).doesNotExist();
  }

  @Test
  void rowsGoInRequestsOfOneHundredAndEachIsReportedOnce() throws IOException {
    StringBuilder rows = new StringBuilder("email,name,Region ID\n");
    for (int i = 1; i <= 250; i++) {
      rows.append("bulk").append(i).append("@example.com,Bulk ").append(i).append(",Europe\n");
    }
    Path file = write("rows.csv", rows.toString());

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "--parallel", "2", "import",
        file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(sandbox.stats().postRequests()).isEqualTo(3);
    List<List<String>> report = report(file);
    assertThat(report).hasSize(251);
    for (int i = 1; i <= 250; i++) {
      assertThat(report.get(i).subList(0, 3))
          .containsExactly(String.valueOf(i), "bulk" + i + "@example.com", "created");
    }
    assertThat(sandbox.stats().contacts()).isEqualTo(310);
    assertThat(dir.resolve("rows.csv.checkpoint")).doesNotExist();
  }

  @Test
  void lookupReadsOneContactPerRowInsteadOfEveryPage() throws IOException {
    Contact existing = contactWithValues();
    Path file = write("rows.csv", "email,Account Number\n" + existing.getEmail() + ",L-1\n");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "import", "--read", "lookup",
        file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    // definitions, the first page (to count pages), one lookup
    assertThat(sandbox.stats().getRequests()).isEqualTo(3);
    assertThat(value(contact(existing.getEmail()), 4)).isEqualTo("L-1");
    assertThat(value(contact(existing.getEmail()), 5)).isEqualTo(value(existing, 5));
  }

  @Test
  void aCheckpointLeftBehindMustBeResumedOrDeleted() throws IOException {
    Path file = write("rows.csv", "email,name\na@example.com,A\n");
    Files.writeString(dir.resolve("rows.csv.checkpoint"), "version=1\n");

    CliRun run = cli().run("--base-url", sandbox.baseUrl(), "import", file.toString());

    assertThat(run.exitCode).isEqualTo(ExitCode.CONFIG);
    assertThat(run.stderr).contains("continue it with --resume, or delete");
    assertThat(sandbox.stats().requests()).isZero();
  }

  @Test
  void a429StopsTheImportAndResumeFinishesItWithEveryRowOnce() throws IOException {
    // The sandbox's clock stands still (every request in one window) until the test moves it.
    AtomicLong now = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean();
    LongSupplier ticker = () -> running.get()
        ? now.addAndGet(Duration.ofMinutes(1).toNanos() + 1) : now.get();
    try (HappyFoxSandbox strict = HappyFoxSandbox.builder()
        .rateLimits(SandboxRateLimits.of(500, 2, Duration.ofMinutes(1), Duration.ofMinutes(10)))
        .ticker(ticker)
        .start()) {
      StringBuilder rows = new StringBuilder("email,name\n");
      for (int i = 1; i <= 450; i++) {
        rows.append("r").append(i).append("@example.com,R ").append(i).append('\n');
      }
      Path file = write("rows.csv", rows.toString());

      // The client's budget (300 POST a minute) is more than this account allows (2).
      CliRun first = CliRun.against(dir, strict).run("--base-url", strict.baseUrl(),
          "--parallel", "1", "import", file.toString());

      assertThat(first.exitCode).as(first.toString()).isEqualTo(ExitCode.RATE_LIMITED);
      assertThat(first.stderr).contains("HappyFox answered 429", "200 of 450 rows are done",
          "--resume");
      assertThat(report(file)).hasSize(201);
      assertThat(dir.resolve("rows.csv.checkpoint")).exists();
      assertThat(strict.stats().contacts()).isEqualTo(200);

      now.addAndGet(Duration.ofMinutes(11).toNanos()); // the block is over
      running.set(true); // and from now on each request finds a fresh window
      CliRun second = CliRun.against(dir, strict).run("--base-url", strict.baseUrl(),
          "--parallel", "1", "import", file.toString(), "--resume");

      assertThat(second.exitCode).as(second.toString()).isEqualTo(ExitCode.OK);
      assertThat(second.stdout).contains("450 rows, 450 created", "(resumed at row 201)");
      List<List<String>> report = report(file);
      assertThat(report).hasSize(451);
      for (int i = 1; i <= 450; i++) {
        assertThat(report.get(i).subList(0, 3))
            .containsExactly(String.valueOf(i), "r" + i + "@example.com", "created");
      }
      assertThat(strict.stats().contacts()).isEqualTo(450);
      assertThat(dir.resolve("rows.csv.checkpoint")).doesNotExist();
    }
  }

  private Contact contactWithValues() {
    for (Contact contact : sandbox.sandbox().contacts()) {
      if (value(contact, 4) != null && value(contact, 5) != null && value(contact, 7) != null
          && value(contact, 8) != null) {
        return contact;
      }
    }
    throw new AssertionError("the seed has no contact with fields 4, 5, 7 and 8 set");
  }

  private Contact contact(String email) {
    Optional<Contact> found = sandbox.sandbox().contacts().stream()
        .filter(c -> c.getEmail().equalsIgnoreCase(email)).findFirst();
    assertThat(found).as("contact %s", email).isPresent();
    return found.get();
  }

  private static Object value(Contact contact, long fieldId) {
    for (ContactCustomFieldValue field : contact.getCustomFields()) {
      if (Objects.equals(field.getId(), fieldId)) {
        return field.getValueId() != null ? field.getValueId() : field.getValue();
      }
    }
    return null;
  }

  private CliRun.Builder cli() {
    return CliRun.against(dir, sandbox.sandbox());
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  private static List<List<String>> report(Path input) throws IOException {
    List<List<String>> lines = new ArrayList<>();
    for (CSVRecord record : ExportCommandTest.read(
        input.resolveSibling(input.getFileName() + ".report.csv"))) {
      lines.add(record.toList());
    }
    return lines;
  }
}
