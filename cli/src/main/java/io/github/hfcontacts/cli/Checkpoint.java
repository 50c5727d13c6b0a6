package io.github.hfcontacts.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Where an import stands, written atomically (a temporary file, flushed to disk, renamed over the
 * old one) so that a process killed at any instant leaves either the previous state or the new
 * one, never a torn file.
 *
 * <p>The protocol around each request: before a chunk is sent, the checkpoint names it as
 * <em>in flight</em> (rows {@code inflightFrom..inflightTo}); after the answer, the chunk's report
 * lines are appended and flushed, and then the checkpoint moves {@code nextRow} past the chunk and
 * records the report's new length. On {@code --resume}, the report is cut back to the recorded
 * length (dropping lines of a chunk whose checkpoint was not written) and an in-flight chunk is
 * reconciled against HappyFox before anything is sent again.
 */
final class Checkpoint {
  static final int VERSION = 1;

  String inputFingerprint;
  String mode;
  String report;
  long totalRows;
  long sendableRows;
  long nextRow = 1;
  long reportBytes;
  long inflightFrom;
  long inflightTo;
  final Counts counts = new Counts();

  /** The outcome counts so far, carried across resumes for the final summary. */
  static final class Counts {
    long created;
    long updated;
    long saved;
    long unchanged;
    long invalid;
    long rejected;
    long failed;

    long failures() {
      return invalid + rejected + failed;
    }

    long done() {
      return created + updated + saved + unchanged + invalid + rejected + failed;
    }
  }

  boolean inFlight() {
    return inflightFrom > 0;
  }

  void write(Path file) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("version", Integer.toString(VERSION));
    properties.setProperty("input", inputFingerprint);
    properties.setProperty("mode", mode);
    properties.setProperty("report", report);
    properties.setProperty("total_rows", Long.toString(totalRows));
    properties.setProperty("sendable_rows", Long.toString(sendableRows));
    properties.setProperty("next_row", Long.toString(nextRow));
    properties.setProperty("report_bytes", Long.toString(reportBytes));
    properties.setProperty("inflight_from", Long.toString(inflightFrom));
    properties.setProperty("inflight_to", Long.toString(inflightTo));
    properties.setProperty("created", Long.toString(counts.created));
    properties.setProperty("updated", Long.toString(counts.updated));
    properties.setProperty("saved", Long.toString(counts.saved));
    properties.setProperty("unchanged", Long.toString(counts.unchanged));
    properties.setProperty("invalid", Long.toString(counts.invalid));
    properties.setProperty("rejected", Long.toString(counts.rejected));
    properties.setProperty("failed", Long.toString(counts.failed));
    StringWriter text = new StringWriter();
    properties.store(text, "happyfox-contacts import checkpoint: do not edit");
    writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  static Checkpoint read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    try {
      if (Integer.parseInt(properties.getProperty("version", "0")) != VERSION) {
        throw CliException.config("checkpoint " + file + " was written by another version of"
            + " this tool; start the import again without --resume");
      }
      Checkpoint checkpoint = new Checkpoint();
      checkpoint.inputFingerprint = required(properties, "input");
      checkpoint.mode = required(properties, "mode");
      checkpoint.report = required(properties, "report");
      checkpoint.totalRows = number(properties, "total_rows");
      checkpoint.sendableRows = number(properties, "sendable_rows");
      checkpoint.nextRow = number(properties, "next_row");
      checkpoint.reportBytes = number(properties, "report_bytes");
      checkpoint.inflightFrom = number(properties, "inflight_from");
      checkpoint.inflightTo = number(properties, "inflight_to");
      checkpoint.counts.created = number(properties, "created");
      checkpoint.counts.updated = number(properties, "updated");
      checkpoint.counts.saved = number(properties, "saved");
      checkpoint.counts.unchanged = number(properties, "unchanged");
      checkpoint.counts.invalid = number(properties, "invalid");
      checkpoint.counts.rejected = number(properties, "rejected");
      checkpoint.counts.failed = number(properties, "failed");
      return checkpoint;
    } catch (NumberFormatException e) {
      throw CliException.config("checkpoint " + file + " is damaged (" + e.getMessage() + ");"
          + " start the import again without --resume");
    }
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new NumberFormatException(key + " is missing");
    }
    return value;
  }

  private static long number(Properties properties, String key) {
    return Long.parseLong(required(properties, key));
  }

  /** Writes a whole file so that readers see the old content or the new, never a mix. */
  static void writeAtomically(Path file, byte[] content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Path temporary = parent.resolve(file.getFileName() + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    moveAtomically(temporary, file);
    syncDirectory(parent);
  }

  /** Replaces {@code to} with {@code from} in one rename where the file system can. */
  static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes a rename durable (POSIX): without it a crash may forget the new directory entry. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some file systems (and Windows) cannot open a directory; the rename is still atomic.
    }
  }

  /** The size and SHA-256 of a file: a resumed import must read the very same file. */
  static String fingerprint(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long size = 0;
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      byte[] buffer = new byte[1 << 16];
      int read;
      while ((read = in.read(buffer)) > 0) {
        size += read;
      }
    }
    return size + ":" + HexFormat.of().formatHex(digest.digest());
  }

  /** Appends bytes to the report and flushes them to disk. */
  static long append(FileChannel report, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      report.write(buffer);
    }
    report.force(false);
    return report.size();
  }

}
