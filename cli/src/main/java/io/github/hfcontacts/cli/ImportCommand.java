package io.github.hfcontacts.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code import}: create or update contacts from CSV or JSON Lines, by email. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Create or update contacts from CSV or JSON Lines, matched by email.",
    description = {
        "",
        "Every row is checked first (email, values of each custom-field column against the"
            + " account's definitions, repeated emails); nothing is sent while a row is invalid,"
            + " unless --skip-invalid. Rows are then sent in requests of 100 at the POST ceiling,"
            + " and the report lists every row once: row, email, outcome (created, updated,"
            + " saved, unchanged, invalid, rejected, failed), id, detail.",
        "",
        "By default an import merges: a contact keeps the custom fields whose cells are empty"
            + " (HappyFox would reset them), and a row that changes nothing is not sent. To do"
            + " that it reads the contacts first, by scanning every page (one GET per 50"
            + " contacts) or by one GET per row, whichever is fewer requests. --replace sends"
            + " the rows as they are and reads nothing.",
        "",
        "A checkpoint is written after every request; an import that was stopped (Ctrl-C, a"
            + " crash, kill -9, a 429) continues with --resume without repeating or skipping a"
            + " row.",
        "",
        "Examples:",
        "  happyfox-contacts --account acme import --dry-run contacts.csv",
        "  happyfox-contacts --account acme import contacts.csv --report report.csv",
        "  happyfox-contacts --account acme import contacts.csv --resume",
        ""})
final class ImportCommand implements Callable<Integer> {
  @ParentCommand HappyFoxContactsCommand root;

  @Parameters(index = "0", paramLabel = "FILE", description = "the rows (.csv or .jsonl)")
  Path input;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "csv or jsonl (default: from the file name, else csv)")
  FileFormat format;

  @Option(names = "--report", paramLabel = "FILE",
      description = "the per-row report, CSV (default: FILE.report.csv)")
  Path report;

  @Option(names = "--dry-run",
      description = "check every row and say what would happen; send nothing")
  boolean dryRun;

  @Option(names = "--resume",
      description = "continue an import that was stopped, from its checkpoint")
  boolean resume;

  @Option(names = "--replace",
      description = "send each row as it is: custom fields with empty cells are reset (no"
          + " reads; HappyFox's own upsert)")
  boolean replace;

  @Option(names = "--skip-invalid",
      description = "send the valid rows even if some rows are invalid (they are reported)")
  boolean skipInvalid;

  @Option(names = "--read", paramLabel = "HOW",
      description = "how existing contacts are read for merging: auto, scan (every page), lookup"
          + " (one GET per row) (default: ${DEFAULT-VALUE})", defaultValue = "auto")
  Importer.ReadMode read;

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "where the checkpoint is kept (default: FILE.checkpoint)")
  Path checkpoint;

  @Override
  public Integer call() throws Exception {
    if (input.toString().equals("-")) {
      throw CliException.usage("import reads its file more than once (check, then send): save"
          + " the rows to a file and name it");
    }
    if (dryRun && resume) {
      throw CliException.usage("--dry-run and --resume do not go together");
    }
    Path file = input.toAbsolutePath();
    Path reportFile = (report != null ? report : Path.of(input + ".report.csv")).toAbsolutePath();
    Path checkpointFile =
        (checkpoint != null ? checkpoint : Path.of(input + ".checkpoint")).toAbsolutePath();
    Importer.Options options = new Importer.Options(file, FileFormat.choose(format, input),
        reportFile, checkpointFile, dryRun, resume, replace, skipInvalid, read);
    return new Importer(root, options).run();
  }
}
