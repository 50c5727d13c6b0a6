package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.AuthenticationException;
import io.github.hfcontacts.client.BulkResult;
import io.github.hfcontacts.client.ChunkFailure;
import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.Contacts;
import io.github.hfcontacts.client.FieldError;
import io.github.hfcontacts.client.HappyFoxException;
import io.github.hfcontacts.client.ItemResult;
import io.github.hfcontacts.client.NotFoundException;
import io.github.hfcontacts.client.Page;
import io.github.hfcontacts.client.RateBudget;
import io.github.hfcontacts.client.RateLimitedException;
import io.github.hfcontacts.openapi.model.Contact;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one import: check every row, plan (read the contacts to merge with), check the plan, then
 * send in chunks of 100 with a checkpoint around each, writing the report as it goes.
 */
final class Importer {
  static final int CHUNK = 100;
  /** Test hook: ends the process abruptly right after the Nth chunk's answer (as kill -9). */
  static final String CRASH_AFTER_CHUNK = "HAPPYFOX_CLI_CRASH_AFTER_CHUNK";
  static final List<String> REPORT_HEADER = List.of("row", "email", "outcome", "id", "detail");

  /** How existing contacts are read for merging. */
  enum ReadMode {
    AUTO, SCAN, LOOKUP
  }

  /** The options of one import. */
  static final class Options {
    final Path input;
    final FileFormat format;
    final Path report;
    final Path checkpoint;
    final boolean dryRun;
    final boolean resume;
    final boolean replace;
    final boolean skipInvalid;
    final ReadMode read;

    Options(Path input, FileFormat format, Path report, Path checkpoint, boolean dryRun,
        boolean resume, boolean replace, boolean skipInvalid, ReadMode read) {
      this.input = input;
      this.format = format;
      this.report = report;
      this.checkpoint = checkpoint;
      this.dryRun = dryRun;
      this.resume = resume;
      this.replace = replace;
      this.skipInvalid = skipInvalid;
      this.read = read;
    }
  }

  private final HappyFoxContactsCommand root;
  private final CliEnvironment env;
  private final Options options;
  private final Path work;
  private final PrintStream out;
  private final PrintStream err;

  Importer(HappyFoxContactsCommand root, Options options) {
    this.root = root;
    this.env = root.env();
    this.options = options;
    this.work = options.checkpoint.resolveSibling(options.checkpoint.getFileName() + ".d");
    this.out = new PrintStream(env.stdout(), true, StandardCharsets.UTF_8);
    this.err = env.stderr();
  }

  int run() throws IOException {
    if (!Files.isRegularFile(options.input)) {
      throw new CliException(ExitCode.NOT_FOUND, "file " + options.input + " does not exist");
    }
    String mode = options.replace ? "replace" : "merge";
    String fingerprint = Checkpoint.fingerprint(options.input);
    Checkpoint checkpoint = null;
    if (!options.dryRun && Files.exists(options.checkpoint)) {
      if (!options.resume) {
        throw CliException.config("an import of this file was stopped before it finished: "
            + "continue it with --resume, or delete " + options.checkpoint + " to start over");
      }
      checkpoint = Checkpoint.read(options.checkpoint);
      if (!checkpoint.inputFingerprint.equals(fingerprint)) {
        throw CliException.config(options.input + " changed since the stopped import (size or"
            + " content); its checkpoint applies to the old file. Restore it, or delete "
            + options.checkpoint + " to start over");
      }
      if (!checkpoint.mode.equals(mode)) {
        throw CliException.config("the stopped import ran " + (checkpoint.mode.equals("replace")
            ? "with" : "without") + " --replace; resume it the same way");
      }
      if (!checkpoint.report.equals(options.report.toString())) {
        throw CliException.config("the stopped import wrote its report to " + checkpoint.report
            + "; resume it with --report " + checkpoint.report);
      }
    } else if (options.resume) {
      err.println("note: no checkpoint at " + options.checkpoint + ": nothing was sent yet;"
          + " starting from the first row");
    }

    try (Session session = root.openSession()) {
      // The GETs of this run, from the first (the definitions): the pace of the reads counts them.
      RateMeter gets = new RateMeter(session.timeScale());
      ContactColumns columns = new ContactColumns(session.client().customFields().definitions());
      gets.count();
      Decider decider = new Decider(columns,
          Decider.RequiredFields.of(session.client().customFields()), options.replace);
      if (checkpoint == null) {
        try {
          checkpoint = prepare(session, columns, decider, fingerprint, mode, gets);
        } catch (Finished finished) {
          return finished.exitCode;
        }
      } else {
        err.println("Resuming the import of " + options.input.getFileName() + " at row "
            + Summary.count(checkpoint.nextRow) + " of " + Summary.count(checkpoint.totalRows)
            + (checkpoint.inFlight() ? " (checking the " + Summary.count(checkpoint.inflightTo
                - checkpoint.inflightFrom + 1) + " rows that were being sent)" : ""));
      }
      return send(session, columns, decider, checkpoint);
    }
  }

  /** The run ended before sending: an empty file, a dry run, or invalid rows. */
  private static final class Finished extends Exception {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    Finished(int exitCode) {
      super(null, null, false, false);
      this.exitCode = exitCode;
    }
  }

  // ------------------------------------------------------------------ check and plan

  /** Checks every row and builds the plan; throws {@link Finished} when nothing is to be sent. */
  private Checkpoint prepare(Session session, ContactColumns columns, Decider decider,
      String fingerprint, String mode, RateMeter gets) throws IOException, Finished {
    ContactPlan.delete(work);
    Files.createDirectories(work);
    long rows = 0;
    long invalid = 0;
    try (RowSource source = RowSource.open(options.input, options.format);
        ContactPlan.Keys keys = new ContactPlan.Keys(work)) {
      checkHeader(source.headers(), columns);
      InputRow row;
      while ((row = source.next()) != null) {
        rows++;
        ParsedRow parsed = ParsedRow.parse(row, columns);
        if (parsed.valid()) {
          keys.add(parsed.number, parsed.emailKey());
        } else {
          invalid++;
        }
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      ContactPlan.delete(work);
      throw new CliException(ExitCode.INVALID_INPUT, options.input.getFileName()
          + " is not UTF-8 text (" + e.getClass().getSimpleName() + "); save it as UTF-8");
    }
    if (rows == 0) {
      out.println("Nothing to import: " + options.input.getFileName() + " has no rows.");
      ContactPlan.delete(work);
      throw new Finished(ExitCode.OK);
    }
    plan(session, rows, rows - invalid, gets);

    // Decide every row (no request), to count what would happen and find plan-level problems.
    Checkpoint.Counts counts = new Checkpoint.Counts();
    boolean writeReport = options.dryRun;
    long sendable = 0;
    for (int pass = 0; pass < 2; pass++) {
      counts = new Checkpoint.Counts();
      sendable = 0;
      try (RowSource source = RowSource.open(options.input, options.format);
          ContactPlan plan = ContactPlan.open(work);
          FileChannel report = writeReport ? openReport() : null) {
        StringBuilder lines = new StringBuilder();
        InputRow row;
        while ((row = source.next()) != null) {
          Decision decision = decider.decide(ParsedRow.parse(row, columns), plan.entry(row.number));
          count(counts, decision.kind.outcome);
          if (decision.kind.sends()) {
            sendable++;
          }
          if (report != null) {
            String outcome;
            String detail = String.join("; ", decision.reasons);
            if (options.dryRun) {
              outcome = decision.kind.dryRunOutcome;
            } else if (decision.kind == Decision.Kind.INVALID) {
              outcome = "invalid";
            } else {
              outcome = "not-sent";
              detail = "other rows are invalid; nothing was sent";
            }
            appendLine(lines, decision.row, decision.email, outcome, decision.id, detail);
            if (lines.length() > 1 << 16) {
              Checkpoint.append(report, bytes(lines));
              lines.setLength(0);
            }
          }
        }
        if (report != null) {
          Checkpoint.append(report, bytes(lines));
        }
      }
      boolean stop = options.dryRun || (counts.invalid > 0 && !options.skipInvalid);
      if (!stop || writeReport) {
        break;
      }
      writeReport = true; // decide again, this time writing the report of why nothing is sent
    }
    if (options.dryRun) {
      out.println("Dry run of " + options.input.getFileName() + ": " + Summary.count(rows)
          + " rows; " + Summary.count(counts.created) + " would be created, "
          + Summary.count(counts.updated) + " updated, " + Summary.count(counts.saved)
          + " saved as they are, " + Summary.count(counts.unchanged) + " unchanged, "
          + Summary.count(counts.invalid) + " invalid. Nothing was sent. Report: "
          + options.report);
      ContactPlan.delete(work);
      throw new Finished(counts.invalid > 0 ? ExitCode.INVALID_INPUT : ExitCode.OK);
    }
    if (counts.invalid > 0 && !options.skipInvalid) {
      err.println(Summary.count(counts.invalid) + " of " + Summary.count(rows) + " rows are"
          + " invalid, so nothing was sent; the reasons are in " + options.report
          + ". Fix them, or send the valid rows with --skip-invalid.");
      ContactPlan.delete(work);
      throw new Finished(ExitCode.INVALID_INPUT);
    }
    Checkpoint checkpoint = new Checkpoint();
    checkpoint.inputFingerprint = fingerprint;
    checkpoint.mode = mode;
    checkpoint.report = options.report.toString();
    checkpoint.totalRows = rows;
    checkpoint.sendableRows = sendable;
    checkpoint.nextRow = 1;
    try (FileChannel report = openReport()) {
      checkpoint.reportBytes = report.size();
    }
    checkpoint.write(options.checkpoint);
    return checkpoint;
  }

  private void checkHeader(List<String> headers, ContactColumns columns) {
    if (headers.isEmpty()) {
      return; // JSON Lines: each row's keys are checked with the row
    }
    List<String> unknown = new ArrayList<>();
    boolean email = false;
    for (String header : headers) {
      ContactColumns.Binding binding = columns.bind(header);
      if (binding.role == ContactColumns.Role.UNKNOWN) {
        unknown.add(columns.unknownColumnMessage(header));
      }
      email |= ContactColumns.EMAIL.equals(binding.standard);
    }
    if (!email) {
      unknown.add(0, "the header has no email column: email is the key that finds or creates"
          + " each contact");
    }
    if (!unknown.isEmpty()) {
      throw new CliException(ExitCode.INVALID_INPUT, "nothing was sent: "
          + String.join("; ", unknown));
    }
  }

  /** Reads the contacts that rows may update, by scan or by lookups, into the plan. */
  private void plan(Session session, long rows, long validRows, RateMeter meter)
      throws IOException {
    Contacts contacts = session.client().contacts();
    if (options.replace || validRows == 0) {
      ContactPlan.build(work, rows, false, null, () -> { });
      return;
    }
    try (PageSource pages = new PageSource(contacts.list(), root.parallel())) {
      Page<Contact> first = pages.next();
      meter.count();
      long pageCount = first == null ? 0 : first.pageCount().orElse(Integer.MAX_VALUE);
      boolean scan = options.read == ReadMode.SCAN
          || (options.read == ReadMode.AUTO && pageCount <= validRows);
      if (scan) {
        scan(session, rows, first, pages, pageCount, meter);
      } else {
        lookUp(session, rows, validRows, meter);
      }
    }
  }

  /** Reads every page of the account into the plan's partitions (one GET per 50 contacts). */
  private void scan(Session session, long rows, Page<Contact> first, PageSource pages,
      long pageCount, RateMeter meter) throws IOException {
    long read = 0;
    AtomicLong pagesRead = new AtomicLong(first == null ? 0 : 1);
    long total = first == null ? 0 : first.totalItems().orElse((int) (pageCount * 50));
    try (ContactPlan.Snapshot snapshot = new ContactPlan.Snapshot(work);
        Progress progress = root.showProgress()
            ? Progress.bar(err, "Reading contacts", "contacts", total,
                Progress.eta(session, RateBudget.Kind.GET,
                    () -> Math.max(0, pageCount - pagesRead.get()), pagesRead::get))
            : Progress.none()) {
      Page<Contact> page = first;
      while (page != null) {
        for (Contact contact : page.items()) {
          snapshot.add(contact);
        }
        read += page.items().size();
        progress.step(page.items().size());
        progress.message("page " + Summary.count(pagesRead.get()) + "/"
            + Summary.count(pageCount) + " · " + meter.brief("GET"));
        page = pages.next();
        if (page != null) {
          meter.count();
          pagesRead.incrementAndGet();
        }
      }
    }
    ContactPlan.build(work, rows, true, null, () -> { });
    out.println("Read " + Summary.plural(read, "contact", "contacts") + " ("
        + Summary.plural(pagesRead.get(), "page", "pages") + ") to merge with, in "
        + Summary.duration(meter.elapsed()) + ": "
        + meter.describe("GET", session.limits().getsPerMinute()) + session.timeNote() + ".");
  }

  /** Reads the rows' contacts one email at a time (one GET per distinct email). */
  private void lookUp(Session session, long rows, long validRows, RateMeter meter)
      throws IOException {
    Contacts contacts = session.client().contacts();
    AtomicLong looked = new AtomicLong();
    try (Progress progress = root.showProgress()
        ? Progress.bar(err, "Looking up contacts", "emails", validRows,
            Progress.eta(session, RateBudget.Kind.GET,
                () -> Math.max(0, validRows - looked.get()), meter::requests))
        : Progress.none()) {
      long distinct = ContactPlan.build(work, rows, false, email -> {
        meter.count();
        try {
          return contacts.getByEmail(email);
        } catch (NotFoundException e) {
          return null;
        }
      }, () -> {
        looked.incrementAndGet();
        progress.step(1);
      });
      out.println("Looked up " + Summary.plural(distinct, "email", "emails") + " to merge"
          + " with, in " + Summary.duration(meter.elapsed()) + ": "
          + meter.describe("GET", session.limits().getsPerMinute()) + session.timeNote() + ".");
    }
  }

  // ------------------------------------------------------------------ send

  private int send(Session session, ContactColumns columns, Decider decider,
      Checkpoint checkpoint) throws IOException {
    long startRow = checkpoint.nextRow;
    long totalChunks = (checkpoint.sendableRows + CHUNK - 1) / CHUNK;
    ExecutorService pool = Executors.newFixedThreadPool(root.parallel(), runnable -> {
      Thread thread = new Thread(runnable, "happyfox-contacts-import");
      thread.setDaemon(true);
      return thread;
    });
    Sender sender;
    try (RowSource source = RowSource.open(options.input, options.format);
        ContactPlan plan = ContactPlan.open(work);
        FileChannel report = FileChannel.open(options.report, StandardOpenOption.WRITE)) {
      if (report.size() < checkpoint.reportBytes) {
        throw CliException.config("the report " + options.report + " is shorter than the"
            + " checkpoint says (was it edited or replaced?); delete " + options.checkpoint
            + " and the report to start over");
      }
      report.truncate(checkpoint.reportBytes);
      report.position(checkpoint.reportBytes);
      sender = new Sender(session, columns, checkpoint, report, pool);
      Progress progress = root.showProgress()
          ? Progress.bar(err, "Importing", "rows", checkpoint.totalRows,
              Progress.eta(session, RateBudget.Kind.POST,
                  () -> Math.max(0, totalChunks - sender.chunks), sender.meter::requests))
          : Progress.none();
      sender.progress = progress;
      sender.totalChunks = totalChunks;
      try {
        progress.step(checkpoint.nextRow - 1);
        List<Decision> batch = new ArrayList<>();
        int sendable = 0;
        InputRow row;
        long reconcileTo = checkpoint.inFlight() ? checkpoint.inflightTo : 0;
        while ((row = source.next()) != null) {
          if (row.number < checkpoint.nextRow) {
            continue;
          }
          Decision decision =
              decider.decide(ParsedRow.parse(row, columns), plan.entry(row.number));
          batch.add(decision);
          if (decision.kind.sends()) {
            sendable++;
          }
          if (reconcileTo > 0) {
            if (row.number == reconcileTo) {
              sender.reconcile(batch);
              batch = new ArrayList<>();
              sendable = 0;
              reconcileTo = 0;
            }
          } else if (sendable == CHUNK) {
            sender.submit(batch);
            batch = new ArrayList<>();
            sendable = 0;
          }
        }
        if (!batch.isEmpty()) {
          sender.submit(batch);
        }
        sender.drain();
      } finally {
        progress.close();
        pool.shutdownNow();
      }
    }
    Duration elapsed = sender.meter.elapsed();
    Checkpoint.Counts counts = checkpoint.counts;
    out.println("Imported " + options.input.getFileName() + " into " + session.target() + ": "
        + Summary.count(checkpoint.totalRows) + " rows, " + Summary.count(counts.created)
        + " created, " + Summary.count(counts.updated) + " updated, "
        + Summary.count(counts.saved) + " saved, " + Summary.count(counts.unchanged)
        + " unchanged, " + Summary.count(counts.invalid) + " invalid, "
        + Summary.count(counts.rejected) + " rejected, " + Summary.count(counts.failed)
        + " failed" + (startRow > 1 ? " (resumed at row " + Summary.count(startRow) + ")" : "")
        + "; in " + Summary.duration(elapsed) + ", "
        + sender.meter.describe("POST", session.limits().postsPerMinute()) + session.timeNote()
        + ". Report: " + options.report);
    Files.deleteIfExists(options.checkpoint);
    ContactPlan.delete(work);
    return counts.failures() > 0 ? ExitCode.PARTIAL_FAILURE : ExitCode.OK;
  }

  /**
   * Sends chunks, up to {@code --parallel} at once, and commits them strictly in file order:
   * report lines, then the checkpoint. While chunks are in flight, the checkpoint names the rows
   * from the oldest uncommitted one to the end of the newest chunk sent; a resumed import checks
   * exactly those rows against HappyFox before sending any of them again.
   */
  private final class Sender {
    private final Contacts contacts;
    private final ContactColumns columns;
    private final Checkpoint checkpoint;
    private final FileChannel report;
    private final ExecutorService pool;
    private final Deque<Chunk> window = new ArrayDeque<>();
    private final long crashAfter = crashAfter();
    private final Session session;
    Progress progress = Progress.none();
    long totalChunks;
    final RateMeter meter;
    volatile long chunks;
    private long answered;

    Sender(Session session, ContactColumns columns, Checkpoint checkpoint, FileChannel report,
        ExecutorService pool) {
      this.session = session;
      this.meter = new RateMeter(session.timeScale());
      this.contacts = session.client().contacts();
      this.columns = columns;
      this.checkpoint = checkpoint;
      this.report = report;
      this.pool = pool;
    }

    /** Sends a chunk (at most 100 rows to send, and the rows around them that send nothing). */
    void submit(List<Decision> batch) throws IOException {
      Chunk chunk = new Chunk(batch);
      if (!chunk.toSend.isEmpty()) {
        if (window.size() >= root.parallel()) {
          commit(window.poll());
        }
        checkpoint.inflightFrom = window.isEmpty() ? chunk.from : checkpoint.nextRow;
        checkpoint.inflightTo = chunk.to;
        checkpoint.write(options.checkpoint);
        List<ContactDraft> drafts = chunk.drafts();
        // Complete records: every custom field is in the draft (merged), or --replace asked for it.
        chunk.result =
            pool.submit(() -> contacts.upsertAllResettingOmittedCustomFields(drafts));
      }
      window.add(chunk);
      while (!window.isEmpty() && window.peek().result == null) {
        commit(window.poll()); // nothing to send, and everything before it is committed
      }
    }

    /**
     * The rows that were in flight when an earlier run stopped: each row to send is read back
     * first, and only those HappyFox does not already hold are sent again (in one call, split
     * into requests of 100).
     */
    void reconcile(List<Decision> batch) throws IOException {
      Chunk chunk = new Chunk(batch);
      for (int i : new ArrayList<>(chunk.toSend)) {
        Decision decision = batch.get(i);
        Contact now;
        try {
          now = contacts.getByEmail(decision.email);
        } catch (NotFoundException e) {
          now = null;
        }
        if (Decider.applied(decision.draft, now)) {
          chunk.outcomes[i] = decision.kind.outcome;
          chunk.ids[i] = now.getId();
          chunk.details[i] = "applied before the interruption; not sent again";
          chunk.toSend.remove(Integer.valueOf(i));
        }
      }
      if (!chunk.toSend.isEmpty()) {
        List<ContactDraft> drafts = chunk.drafts();
        chunk.result = CompletableFuture.completedFuture(
            contacts.upsertAllResettingOmittedCustomFields(drafts));
      }
      commit(chunk);
    }

    void drain() throws IOException {
      while (!window.isEmpty()) {
        commit(window.poll());
      }
    }

    private void commit(Chunk chunk) throws IOException {
      if (chunk.result != null) {
        BulkResult<ContactDraft> result = await(chunk.result);
        long requests = (chunk.toSend.size() + CHUNK - 1) / CHUNK;
        for (long r = 0; r < requests; r++) {
          meter.count();
        }
        answered++;
        if (crashAfter > 0 && answered == crashAfter) {
          Runtime.getRuntime().halt(137); // as kill -9 between an answer and its checkpoint
        }
        stopIfBlocked(result);
        for (int k = 0; k < chunk.toSend.size(); k++) {
          chunk.record(chunk.toSend.get(k), result.items().get(k));
        }
      }
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < chunk.batch.size(); i++) {
        Decision decision = chunk.batch.get(i);
        appendLine(lines, decision.row, decision.email, chunk.outcomes[i], chunk.ids[i],
            chunk.details[i]);
        count(checkpoint.counts, chunk.outcomes[i]);
      }
      checkpoint.reportBytes = Checkpoint.append(report, bytes(lines));
      checkpoint.nextRow = chunk.to + 1;
      writeInFlight();
      chunks++;
      progress.step(chunk.batch.size());
      progress.message("request " + Summary.count(chunks) + "/" + Summary.count(totalChunks)
          + " · " + meter.brief("POST"));
    }

    /** Records in the checkpoint which rows may be in flight: from the first not reported. */
    private void writeInFlight() throws IOException {
      if (window.isEmpty()) {
        checkpoint.inflightFrom = 0;
        checkpoint.inflightTo = 0;
      } else {
        checkpoint.inflightFrom = checkpoint.nextRow;
      }
      checkpoint.write(options.checkpoint);
    }

    /**
     * A 401/403 or 429 stops the import: the chunk was not applied. Chunks sent after it may have
     * been, so they stay in the checkpoint's in-flight range and are checked on resume.
     */
    private void stopIfBlocked(BulkResult<ContactDraft> result) throws IOException {
      for (ChunkFailure failure : result.chunkFailures()) {
        HappyFoxException exception = failure.exception();
        boolean blocked = exception instanceof RateLimitedException;
        boolean refused = exception instanceof AuthenticationException;
        if ((blocked || refused) && !failure.mayHaveBeenApplied()) {
          for (Chunk later : window) {
            if (later.result != null) {
              try {
                await(later.result);
              } catch (RuntimeException e) {
                // its rows stay in flight and are checked on resume
              }
            }
          }
          writeInFlight();
          String resume = " " + Summary.count(checkpoint.nextRow - 1) + " of "
              + Summary.count(checkpoint.totalRows) + " rows are done and reported; continue"
              + " with the same command and --resume";
          if (blocked && exception.statusCode().isEmpty()) {
            throw new CliException(ExitCode.RATE_LIMITED, "the rate budget had no room for a"
                + " request before its deadline (" + exception.getMessage() + ")." + resume);
          }
          if (blocked) {
            throw new CliException(ExitCode.RATE_LIMITED, "HappyFox answered 429: the account"
                + " is rate limited" + ((RateLimitedException) exception).retryAfter()
                    .map(wait -> " for " + Summary.duration(wait)).orElse("")
                + " (other tools may share it; lower --post-per-minute)." + resume);
          }
          throw new CliException(ExitCode.AUTH, "HappyFox refused the credentials ("
              + exception.statusCode().orElse(401) + ")." + resume);
        }
      }
    }

    private BulkResult<ContactDraft> await(Future<BulkResult<ContactDraft>> future) {
      return PageSource.await(future);
    }

    /** One chunk: its rows, what is sent, and each row's outcome once known. */
    private final class Chunk {
      final List<Decision> batch;
      final long from;
      final long to;
      final String[] outcomes;
      final Long[] ids;
      final String[] details;
      final List<Integer> toSend = new ArrayList<>();
      Future<BulkResult<ContactDraft>> result;

      Chunk(List<Decision> batch) {
        this.batch = batch;
        this.from = batch.get(0).row;
        this.to = batch.get(batch.size() - 1).row;
        this.outcomes = new String[batch.size()];
        this.ids = new Long[batch.size()];
        this.details = new String[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
          Decision decision = batch.get(i);
          ids[i] = decision.id;
          details[i] = String.join("; ", decision.reasons);
          if (decision.kind.sends()) {
            toSend.add(i);
          } else {
            outcomes[i] = decision.kind.outcome;
          }
        }
      }

      List<ContactDraft> drafts() {
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i : toSend) {
          drafts.add(batch.get(i).draft);
        }
        return drafts;
      }

      void record(int i, ItemResult<ContactDraft> item) {
        Decision decision = batch.get(i);
        switch (item.status()) {
          case SUCCEEDED:
            outcomes[i] = decision.kind.outcome;
            ids[i] = item.id().isPresent() ? item.id().getAsLong() : decision.id;
            break;
          case REJECTED:
            outcomes[i] = "rejected";
            details[i] = rejection(columns, item);
            break;
          default:
            outcomes[i] = "failed";
            ChunkFailure failure = item.chunkFailure().orElse(null);
            details[i] = (failure == null ? "failed" : columns.describe(
                failure.exception().getMessage()))
                + item.message().map(found -> " (" + found + ")").orElse("")
                + (item.outcomeUnknown() ? "; HappyFox may have applied it: import the file"
                    + " again to check (rows already applied come out unchanged)" : "");
        }
      }
    }
  }

  private static String rejection(ContactColumns columns, ItemResult<ContactDraft> item) {
    if (item.errors().isEmpty()) {
      return item.message().orElse("HappyFox rejected the row without a reason");
    }
    List<String> parts = new ArrayList<>();
    for (FieldError error : item.errors()) {
      parts.add(columns.describe(error.field()) + ": " + String.join(" ", error.messages()));
    }
    return String.join("; ", parts);
  }

  private FileChannel openReport() throws IOException {
    Path parent = options.report.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new CliException(ExitCode.NOT_FOUND, "folder " + parent + " does not exist");
    }
    FileChannel report = FileChannel.open(options.report, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    StringBuilder header = new StringBuilder();
    appendLine(header, REPORT_HEADER);
    Checkpoint.append(report, bytes(header));
    return report;
  }

  private static void appendLine(StringBuilder lines, long row, String email, String outcome,
      Long id, String detail) {
    appendLine(lines, List.of(row, email == null ? "" : email, outcome, id == null ? "" : id,
        detail == null ? "" : detail));
  }

  private static void appendLine(StringBuilder lines, List<?> cells) {
    lines.append(ContactSink.csvLine(cells));
  }

  private static byte[] bytes(StringBuilder text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void count(Checkpoint.Counts counts, String outcome) {
    switch (outcome) {
      case "created":
        counts.created++;
        break;
      case "updated":
        counts.updated++;
        break;
      case "saved":
        counts.saved++;
        break;
      case "unchanged":
        counts.unchanged++;
        break;
      case "invalid":
        counts.invalid++;
        break;
      case "rejected":
        counts.rejected++;
        break;
      default:
        counts.failed++;
    }
  }

  private long crashAfter() {
    String value = env.variable(CRASH_AFTER_CHUNK);
    if (value == null) {
      return 0;
    }
    try {
      return Long.parseLong(value.trim().toLowerCase(Locale.ROOT));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
