package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import io.github.hfcontacts.sandbox.HappyFoxSandboxExtension;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code export} in this JVM against a sandbox over HTTP. */
class ExportCommandTest {
  @RegisterExtension
  static final HappyFoxSandboxExtension SANDBOX =
      HappyFoxSandboxExtension.of(HappyFoxSandbox.builder().seed(3).seedContacts(120))
          .resetBeforeEach();

  @TempDir Path dir;

  @Test
  void csvHasEveryContactWithCustomFieldsAsNamedColumns() throws IOException {
    Path file = dir.resolve("contacts.csv");

    CliRun run = cli().run("--base-url", SANDBOX.baseUrl(), "export", file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.stdout).startsWith("Exported 120 contacts (3 pages) from "
        + SANDBOX.baseUrl() + " to " + file + " as csv");
    List<CSVRecord> records = read(file);
    assertThat(records.get(0).values()).containsExactly("id", "name", "email", "phone",
        "phone_type", "login_enabled", "groups", "tickets_count", "pending_tickets_count",
        "created_at", "updated_at", "Account Number", "Region ID", "Credit Limit", "Products",
        "Renewal Date", "VAT Number");
    assertThat(records).hasSize(121);
    Map<String, Contact> byId = new HashMap<>();
    for (Contact contact : SANDBOX.sandbox().contacts()) {
      byId.put(String.valueOf(contact.getId()), contact);
    }
    for (CSVRecord record : records.subList(1, records.size())) {
      Contact contact = byId.remove(record.get(0));
      assertThat(contact).as("row for id %s", record.get(0)).isNotNull();
      assertThat(record.get(2)).isEqualTo(contact.getEmail());
      assertThat(record.get(1)).isEqualTo(contact.getName());
      assertThat(record.get(11)).isEqualTo(rawValue(contact, 4));
      assertThat(record.get(12)).isEqualTo(rawValue(contact, 5)); // a choice, by its label
    }
    assertThat(byId).isEmpty();
    assertThat(SANDBOX.stats().getRequests()).isEqualTo(4); // definitions + 3 pages
    assertThat(SANDBOX.stats().postRequests()).isZero();
    assertThat(dir.resolve("contacts.csv.part")).doesNotExist();
  }

  @Test
  void jsonLinesKeepNumbersListsAndNulls() throws IOException {
    Path file = dir.resolve("contacts.jsonl");

    CliRun run = cli().run("--base-url", SANDBOX.baseUrl(), "export", file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(120);
    assertThat(lines).allSatisfy(line -> assertThat(line)
        .startsWith("{\"id\":").contains("\"Account Number\":").contains("\"VAT Number\":"));
    assertThat(lines).anySatisfy(line -> assertThat(line).containsPattern(
        "\"Products\":\\[\"[A-Za-z ]+\"(,\"[A-Za-z ]+\")*\\]"));
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"VAT Number\":null"));
    assertThat(lines).anySatisfy(line -> assertThat(line)
        .containsPattern("\"Credit Limit\":[0-9]+(\\.[0-9]+)?[,}]"));
  }

  @Test
  void searchExportsOnlyTheMatches() throws IOException {
    Contact someone = SANDBOX.sandbox().contacts().get(17);
    Path file = dir.resolve("one.csv");

    CliRun run = cli().run("--base-url", SANDBOX.baseUrl(), "export", "--query",
        "email:" + someone.getEmail(), file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    List<CSVRecord> records = read(file);
    assertThat(records).hasSize(2);
    assertThat(records.get(1).get(2)).isEqualTo(someone.getEmail());
  }

  @Test
  void standardOutputGetsTheRowsAndStandardErrorTheSummary() {
    CliRun run = cli().run("--base-url", SANDBOX.baseUrl(), "export", "--format", "jsonl",
        "-");

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.stdout.lines()).hasSize(120);
    assertThat(run.stderr).contains("Exported 120 contacts", "to standard output as jsonl");
  }

  @Test
  void badSearchIsAUsageErrorBeforeAnyRequest() {
    CliRun run = cli().run("--base-url", SANDBOX.baseUrl(), "export", "--query",
        "colour:red", dir.resolve("x.csv").toString());

    assertThat(run.exitCode).isEqualTo(ExitCode.USAGE);
    assertThat(run.stderr).contains("search field \"colour\" is not one of");
    assertThat(SANDBOX.stats().requests()).isZero();
  }

  @Test
  void refusedCredentialsExitWithTheAuthCodeAndLeaveNoFile() {
    Path file = dir.resolve("x.csv");

    CliRun run = CliRun.in(dir).env("HAPPYFOX_API_KEY", "wrong-key-123")
        .env("HAPPYFOX_AUTH_CODE", "wrong-code-456")
        .run("--base-url", SANDBOX.baseUrl(), "export", file.toString());

    assertThat(run.exitCode).isEqualTo(ExitCode.AUTH);
    assertThat(run.stderr).contains("HappyFox refused the credentials")
        .doesNotContain("wrong-key-123", "wrong-code-456");
    assertThat(file).doesNotExist();
    assertThat(dir.resolve("x.csv.part")).doesNotExist();
  }

  @Test
  void verboseLogsRequestsWithoutCredentials() {
    CliRun run = cli().run("-vv", "--base-url", SANDBOX.baseUrl(), "export",
        dir.resolve("x.csv").toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.stderr).contains("[http] --> GET", "users/?size=50&page=3", "Authorization:")
        .doesNotContain(SANDBOX.apiKey(), SANDBOX.authCode());
  }

  @Test
  void embeddedSandboxNeedsNoAccountOrCredentials() throws IOException {
    Path file = dir.resolve("contacts.csv");

    CliRun run = CliRun.in(dir).run("--sandbox", "--seed-contacts", "75", "export",
        file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.stdout).startsWith("Exported 75 contacts (2 pages) from the sandbox");
    assertThat(read(file)).hasSize(76);
  }

  private CliRun.Builder cli() {
    return CliRun.against(dir, SANDBOX.sandbox());
  }

  private static String rawValue(Contact contact, long fieldId) {
    return contact.getCustomFields().stream().filter(f -> f.getId() == fieldId).findFirst()
        .map(f -> f.getValue() == null ? "" : String.valueOf(f.getValue())).orElse("");
  }

  static List<CSVRecord> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return CSVFormat.DEFAULT.parse(reader).getRecords();
    }
  }
}
