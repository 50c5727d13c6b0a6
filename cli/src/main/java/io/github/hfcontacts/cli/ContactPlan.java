package io.github.hfcontacts.cli;

import com.squareup.moshi.JsonAdapter;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.Phone;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import knows about each row's contact before it writes anything, kept on disk so that
 * memory stays constant however large the file and the account are: whether the row's email is
 * new, belongs to an existing contact (kept as HappyFox answered it, for read-merge-write), or
 * repeats an earlier row's email.
 *
 * <p>How it is built, with two passes of hash partitions (64 files each) instead of a map of
 * every email: the rows' emails are spread over key partitions as the file is validated; the
 * account's contacts (from a scan of every page, or from one lookup per email) are spread over
 * contact partitions the same way; then each pair of partitions is joined in memory, one at a
 * time, and the result written to an index of 8 bytes per row ({@code plan.idx}) pointing into
 * {@code plan.dat}. A partition holds about 1/64 of the rows, so 10 million rows still join in a
 * few megabytes.
 */
final class ContactPlan implements Closeable {
  static final int PARTITIONS = 64;
  private static final JsonAdapter<Contact> CONTACT =
      HappyFoxMoshi.create().adapter(Contact.class);

  private final Path dir;
  private RandomAccessFile index;
  private RandomAccessFile data;

  /** What the plan says about one row. */
  static final class Entry {
    static final Entry NEW = new Entry(null, 0);

    /** The contact as it was read, or null when the email is new. */
    final Contact existing;
    /** The earlier row with the same email, or 0. */
    final long duplicateOf;

    Entry(Contact existing, long duplicateOf) {
      this.existing = existing;
      this.duplicateOf = duplicateOf;
    }
  }

  private ContactPlan(Path dir) {
    this.dir = dir;
  }

  /** Opens a plan built earlier in {@code dir}. */
  static ContactPlan open(Path dir) throws IOException {
    ContactPlan plan = new ContactPlan(dir);
    if (!Files.exists(dir.resolve("plan.idx")) || !Files.exists(dir.resolve("plan.dat"))) {
      throw CliException.config("the import's work files in " + dir + " are missing; start the"
          + " import again without --resume");
    }
    plan.index = new RandomAccessFile(dir.resolve("plan.idx").toFile(), "r");
    plan.data = new RandomAccessFile(dir.resolve("plan.dat").toFile(), "r");
    return plan;
  }

  /** Reads the entry of a row (1-based). */
  Entry entry(long row) {
    try {
      long slot = row * 8;
      if (slot + 8 > index.length()) {
        return Entry.NEW;
      }
      index.seek(slot);
      long value = index.readLong();
      if (value == 0) {
        return Entry.NEW;
      }
      if (value < 0) {
        return new Entry(null, -value);
      }
      data.seek(value - 1);
      byte[] bytes = new byte[data.readInt()];
      data.readFully(bytes);
      return new Entry(CONTACT.fromJson(new String(bytes, StandardCharsets.UTF_8)), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the import's work file in " + dir, e);
    }
  }

  @Override
  public void close() throws IOException {
    if (index != null) {
      index.close();
    }
    if (data != null) {
      data.close();
    }
  }

  /**
   * The 64 files {@code prefix-N.ext} of {@code key<TAB>value} lines, each key in
   * the file of its {@link #partition(String)}.
   */
  abstract static class Partitions implements Closeable {
    private final BufferedWriter[] writers = new BufferedWriter[PARTITIONS];

    Partitions(Path dir, String prefix, String ext) throws IOException {
      Files.createDirectories(dir);
      for (int i = 0; i < PARTITIONS; i++) {
        writers[i] = Files.newBufferedWriter(dir.resolve(prefix + "-" + i + "." + ext),
            StandardCharsets.UTF_8);
      }
    }

    final void write(String key, String value) throws IOException {
      BufferedWriter writer = writers[partition(key)];
      writer.write(key);
      writer.write('\t');
      writer.write(value);
      writer.write('\n');
    }

    @Override
    public void close() throws IOException {
      for (BufferedWriter writer : writers) {
        if (writer != null) {
          writer.close();
        }
      }
    }
  }

  /** The key partitions, filled while the file is validated. */
  static final class Keys extends Partitions {
    Keys(Path dir) throws IOException {
      super(dir, "keys", "tsv");
    }

    /** Records a valid row's email. */
    void add(long row, String emailKey) throws IOException {
      write(emailKey, Long.toString(row));
    }
  }

  /** The account's contacts, spread over partitions as a scan reads them. */
  static final class Snapshot extends Partitions {
    Snapshot(Path dir) throws IOException {
      super(dir, "contacts", "jsonl");
    }

    void add(Contact contact) throws IOException {
      if (contact.getEmail() == null || contact.getEmail().isBlank()) {
        return; // a contact known by phone only cannot match a row
      }
      write(contact.getEmail().strip().toLowerCase(Locale.ROOT), CONTACT.toJson(trim(contact)));
    }
  }

  /** Emails that a lookup plan still has to fetch, partition by partition. */
  interface Lookup {
    /** The contact with this email, or null when there is none. */
    Contact find(String emailKey);
  }

  /**
   * Joins the key partitions (written and closed) with the snapshot's partitions (or with
   * lookups, or with nothing for {@code --replace}) into {@code plan.idx} and {@code plan.dat}.
   *
   * @param rows how many rows the file has, valid or not
   * @param snapshot whether a snapshot was written
   * @param lookup fetches one contact by email when there is no snapshot; null for none
   * @param onEmail called once per email looked up (for progress)
   * @return the number of distinct emails
   */
  static long build(Path dir, long rows, boolean snapshot, Lookup lookup, Runnable onEmail)
      throws IOException {
    long distinct = 0;
    try (RandomAccessFile index = new RandomAccessFile(dir.resolve("plan.idx").toFile(), "rw");
        RandomAccessFile data = new RandomAccessFile(dir.resolve("plan.dat").toFile(), "rw")) {
      index.setLength(0);
      index.setLength((rows + 1) * 8);
      data.setLength(0);
      for (int p = 0; p < PARTITIONS; p++) {
        Path keyFile = dir.resolve("keys-" + p + ".tsv");
        Map<String, Long> first = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(keyFile, StandardCharsets.UTF_8)) {
          String line;
          while ((line = reader.readLine()) != null) {
            int tab = line.lastIndexOf('\t');
            String email = line.substring(0, tab);
            long row = Long.parseLong(line.substring(tab + 1));
            Long earlier = first.putIfAbsent(email, row);
            if (earlier != null) {
              index.seek(row * 8);
              index.writeLong(-earlier);
            }
          }
        }
        distinct += first.size();
        if (snapshot) {
          Path contactFile = dir.resolve("contacts-" + p + ".jsonl");
          try (BufferedReader reader =
              Files.newBufferedReader(contactFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
              int tab = line.indexOf('\t');
              Long row = first.remove(line.substring(0, tab));
              if (row != null) {
                write(index, data, row, line.substring(tab + 1));
              }
            }
          }
          Files.deleteIfExists(contactFile);
        } else if (lookup != null) {
          List<Map.Entry<String, Long>> entries = new ArrayList<>(first.entrySet());
          entries.sort(Map.Entry.comparingByValue());
          for (Map.Entry<String, Long> entry : entries) {
            Contact contact = lookup.find(entry.getKey());
            if (contact != null) {
              write(index, data, entry.getValue(), CONTACT.toJson(trim(contact)));
            }
            onEmail.run();
          }
        }
        Files.deleteIfExists(keyFile);
      }
      index.getFD().sync();
      data.getFD().sync();
    }
    return distinct;
  }

  private static void write(RandomAccessFile index, RandomAccessFile data, long row, String json)
      throws IOException {
    long offset = data.length();
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    data.seek(offset);
    data.writeInt(bytes.length);
    data.write(bytes);
    index.seek(row * 8);
    index.writeLong(offset + 1);
  }

  /** What read-merge-write needs of a contact, and nothing else (its groups, counts...). */
  static Contact trim(Contact contact) {
    Contact trimmed = new Contact()
        .id(contact.getId())
        .name(contact.getName())
        .email(contact.getEmail())
        .customFields(contact.getCustomFields())
        .isLoginEnabled(contact.getIsLoginEnabled());
    List<Phone> phones = new ArrayList<>();
    if (contact.getPhones() != null) {
      phones.addAll(contact.getPhones());
    }
    if (contact.getPrimaryPhone() != null) {
      phones.add(contact.getPrimaryPhone());
    }
    return trimmed.phones(phones);
  }

  static int partition(String emailKey) {
    return Math.floorMod(emailKey.hashCode() * 0x9E3779B9, PARTITIONS);
  }

  /** Deletes the work directory and everything in it. */
  static void delete(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // Leftover work files are harmless; the next import overwrites them.
    }
  }
}
