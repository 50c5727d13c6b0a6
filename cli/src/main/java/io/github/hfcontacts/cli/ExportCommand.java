package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.CustomFieldDefinition;
import io.github.hfcontacts.client.Page;
import io.github.hfcontacts.client.Pager;
import io.github.hfcontacts.client.RateBudget;
import io.github.hfcontacts.client.SearchQuery;
import io.github.hfcontacts.openapi.model.Contact;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export}: every contact, or a search, to CSV or JSON Lines. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Export contacts to CSV or JSON Lines, custom fields as named columns.",
    description = {
        "",
        "Streams page by page (50 contacts a request, at the GET ceiling), so memory stays"
            + " constant however many contacts there are. The file is written under a temporary"
            + " name and renamed when complete. Columns: id, name, email, phone, phone_type,"
            + " login_enabled, groups, tickets_count, pending_tickets_count, created_at,"
            + " updated_at, then one per custom field, named as in HappyFox.",
        "",
        "Examples:",
        "  happyfox-contacts --sandbox export contacts.csv",
        "  happyfox-contacts --account acme export --query 'name:adam' adams.jsonl",
        "  happyfox-contacts --account acme export --updated-since 2026-01-01 - | gzip > x.csv.gz",
        ""})
final class ExportCommand implements Callable<Integer> {
  @ParentCommand HappyFoxContactsCommand root;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "where to write (.csv or .jsonl; '-' for standard output)")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "csv or jsonl (default: from the file name, else csv)")
  FileFormat format;

  @Option(names = {"-q", "--query"}, paramLabel = "QUERY",
      description = "HappyFox search, e.g. 'name:adam email:adam@example.com' (fields: name,"
          + " email, phone, updated_since, created_since; all must match)")
  String query;

  @Option(names = "--name", paramLabel = "TEXT", description = "contacts whose name matches")
  String name;

  @Option(names = "--email", paramLabel = "EMAIL", description = "contacts with this email")
  String email;

  @Option(names = "--phone", paramLabel = "NUMBER", description = "contacts with this phone")
  String phone;

  @Option(names = "--updated-since", paramLabel = "DATE",
      description = "contacts updated on or after DATE (yyyy-mm-dd)")
  String updatedSince;

  @Option(names = "--created-since", paramLabel = "DATE",
      description = "contacts created on or after DATE (yyyy-mm-dd)")
  String createdSince;

  @Override
  public Integer call() throws IOException {
    CliEnvironment env = root.env();
    SearchQuery search = searchQuery();
    boolean toStdout = output.toString().equals("-");
    FileFormat chosen = FileFormat.choose(format, toStdout ? null : output);
    Path target = toStdout ? null : output.toAbsolutePath();
    if (target != null && Files.isDirectory(target)) {
      throw CliException.usage(output + " is a directory; name the file to write");
    }
    if (target != null && target.getParent() != null && !Files.isDirectory(target.getParent())) {
      throw new CliException(ExitCode.NOT_FOUND, "folder " + target.getParent()
          + " does not exist");
    }
    PrintStream summaryOut = toStdout ? env.stderr() : new PrintStream(env.stdout(), true,
        java.nio.charset.StandardCharsets.UTF_8);
    try (Session session = root.openSession()) {
      RateMeter meter = new RateMeter(session.timeScale());
      List<CustomFieldDefinition> definitions = session.client().customFields().definitions();
      meter.count();
      ContactColumns columns = new ContactColumns(definitions);
      Pager<Contact> pager = search == null ? session.client().contacts().list()
          : session.client().contacts().search(search);
      Path partial = target == null ? null
          : target.resolveSibling(target.getFileName() + ".part");
      long contacts = 0;
      AtomicLong pages = new AtomicLong();
      AtomicLong pageCount = new AtomicLong(-1);
      try (OutputStream out = target == null ? new NonClosing(env.stdout())
              : Files.newOutputStream(partial);
          ContactSink sink = ContactSink.open(chosen, columns.headers(), out)) {
        PageSource pageSource = new PageSource(pager, root.parallel());
        Progress progress = Progress.none();
        try {
          Page<Contact> page;
          while ((page = pageSource.next()) != null) {
            pages.incrementAndGet();
            meter.count();
            if (pages.get() == 1) {
              pageCount.set(page.pageCount().orElse(-1));
              long total = page.totalItems().orElse(page.pageCount().orElse(1) * 50);
              if (root.showProgress()) {
                long first = pages.get();
                progress = Progress.bar(env.stderr(), "Exporting", "contacts", total,
                    Progress.eta(session, RateBudget.Kind.GET,
                        () -> Math.max(0, pageCount.get() - pages.get()),
                        () -> pages.get() - first));
              }
            }
            for (Contact contact : page.items()) {
              sink.write(columns.values(contact));
              contacts++;
            }
            progress.step(page.items().size());
            progress.message("page " + Summary.count(pages.get()) + "/"
                + (pageCount.get() < 0 ? "?" : Summary.count(pageCount.get())) + " · "
                + meter.brief("GET"));
          }
        } finally {
          progress.close();
          pageSource.close();
        }
      } catch (IOException | RuntimeException e) {
        if (partial != null) {
          Files.deleteIfExists(partial);
        }
        throw e;
      }
      if (partial != null) {
        Checkpoint.moveAtomically(partial, target);
      }
      Duration elapsed = meter.elapsed();
      summaryOut.println("Exported " + Summary.plural(contacts, "contact", "contacts") + " ("
          + Summary.plural(pages.get(), "page", "pages") + ") from " + session.target() + " to "
          + (target == null ? "standard output" : output) + " as " + chosen.name().toLowerCase()
          + " in " + Summary.duration(elapsed) + "; "
          + meter.describe("GET", session.limits().getsPerMinute()) + session.timeNote() + ".");
      if (columns.fieldColumns().isEmpty()) {
        env.stderr().println("note: the account has no contact custom fields");
      }
    }
    return ExitCode.OK;
  }

  private SearchQuery searchQuery() {
    if (query == null && name == null && email == null && phone == null && updatedSince == null
        && createdSince == null) {
      return null;
    }
    SearchQuery.Builder builder = SearchQuery.builder();
    try {
      if (query != null) {
        for (String term : query.strip().split(" +")) {
          int colon = term.indexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("--query: \"" + term + "\" is not field:value");
          }
          apply(builder, term.substring(0, colon), term.substring(colon + 1));
        }
      }
      if (name != null) {
        apply(builder, "name", name);
      }
      if (email != null) {
        apply(builder, "email", email);
      }
      if (phone != null) {
        apply(builder, "phone", phone);
      }
      if (updatedSince != null) {
        apply(builder, "updated_since", updatedSince);
      }
      if (createdSince != null) {
        apply(builder, "created_since", createdSince);
      }
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private static void apply(SearchQuery.Builder builder, String field, String value) {
    switch (field) {
      case "name":
        builder.name(value);
        break;
      case "email":
        builder.email(value);
        break;
      case "phone":
        builder.phone(value);
        break;
      case "updated_since":
        builder.updatedSince(date(field, value));
        break;
      case "created_since":
        builder.createdSince(date(field, value));
        break;
      default:
        throw new IllegalArgumentException("search field \"" + field + "\" is not one of name,"
            + " email, phone, updated_since, created_since");
    }
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": \"" + value + "\" is not a date as"
          + " yyyy-mm-dd", e);
    }
  }
}
