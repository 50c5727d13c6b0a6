package io.github.hfcontacts.bench;

import com.squareup.moshi.Moshi;
import io.github.hfcontacts.bench.stock.client.JSON;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import okio.Buffer;
import org.openjdk.jol.info.GraphLayout;

/**
 * Retained heap per parsed contact, for the plain Moshi classes, the project's generated model and
 * the stock client's Gson model, measured two ways: the heap that stays in use (after full
 * collections) while 2,000 parsed contacts are held, and JOL's walk of the object graph of a page's
 * 50 contacts (objects they share, such as enum constants, counted once).
 *
 * <p>Usage: {@code RetainedHeap <output.md>}; run with {@code -XX:+UseSerialGC} for steady
 * measurements.
 */
public final class RetainedHeap {
  private static final int PAGES = 40;

  interface Parser {
    List<?> contacts(byte[] page) throws IOException;
  }

  private RetainedHeap() {}

  public static void main(String[] args) throws Exception {
    Moshi raw = new Moshi.Builder().build();
    Moshi project = HappyFoxMoshi.create();
    Parser[] parsers = {
        page -> raw.adapter(RawModel.Page.class).fromJson(new Buffer().write(page)).data,
        page -> project.adapter(ContactPage.class).fromJson(new Buffer().write(page)).getData(),
        page -> JSON.<io.github.hfcontacts.bench.stock.model.ContactPage>deserialize(
            new String(page, StandardCharsets.UTF_8), io.github.hfcontacts.bench.stock.model.ContactPage.class)
            .getData()};
    String[] names = {"raw Moshi classes", "project model (HappyFoxMoshi)", "stock okhttp-gson model"};
    long[] heap = new long[parsers.length];
    long[] jol = new long[parsers.length];
    for (int i = 0; i < parsers.length; i++) {
      for (int warm = 0; warm < 200; warm++) {
        parsers[i].contacts(Fixtures.PAGE);
      }
      heap[i] = heapPerContact(parsers[i]);
      Object[] contacts = parsers[i].contacts(Fixtures.PAGE).toArray();
      jol[i] = (GraphLayout.parseInstance(contacts).totalSize() - GraphLayout.parseInstance((Object) new Object[contacts.length]).totalSize())
          / contacts.length;
    }
    StringBuilder report = new StringBuilder();
    report.append("Retained heap per parsed contact (the ").append(Fixtures.CONTACT.length)
        .append("-byte contact shape of the page fixture); ").append(Interleaved.Environment.describe()).append(".\n\n");
    report.append("| model | heap held by 2,000 contacts, per contact | JOL graph of 50 contacts, per contact | vs raw (heap) |\n");
    report.append("|---|---|---|---|\n");
    for (int i = 0; i < parsers.length; i++) {
      report.append(String.format(Locale.ROOT, "| %s | %,d B | %,d B | %.2f× |%n",
          names[i], heap[i], jol[i], (double) heap[i] / heap[0]));
    }
    Files.writeString(Path.of(args[0]), report.toString(), StandardCharsets.UTF_8);
    System.out.print(report);
  }

  private static long heapPerContact(Parser parser) throws IOException {
    Object[] held = new Object[PAGES * 50];
    long before = usedAfterFullGc();
    int n = 0;
    for (int page = 0; page < PAGES; page++) {
      for (Object contact : parser.contacts(Fixtures.PAGE)) {
        held[n++] = contact;
      }
    }
    long after = usedAfterFullGc();
    if (n != held.length || held[n - 1] == null) {
      throw new IllegalStateException("expected " + held.length + " contacts");
    }
    return (after - before) / n;
  }

  private static long usedAfterFullGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
