package io.github.hfcontacts.cli;

import com.squareup.moshi.JsonWriter;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okio.Buffer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes rows of cells as CSV or JSON Lines, one at a time (constant memory). */
abstract class ContactSink implements Closeable {
  abstract void write(List<Object> cells) throws IOException;

  static ContactSink open(FileFormat format, List<String> headers, OutputStream out)
      throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
        1 << 16);
    return format == FileFormat.CSV ? new Csv(headers, writer) : new Jsonl(headers, writer);
  }

  /** CSV with a header row, {@code \n} line ends, quotes only where needed. */
  static CSVFormat csvFormat() {
    return CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
  }

  /** One record in {@link #csvFormat()}, its line end included. */
  static String csvLine(List<?> cells) {
    StringWriter text = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(text, csvFormat())) {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static final class Csv extends ContactSink {
    private final CSVPrinter printer;

    Csv(List<String> headers, Writer writer) throws IOException {
      this.printer = new CSVPrinter(writer, csvFormat());
      printer.printRecord(headers);
    }

    @Override
    void write(List<Object> cells) throws IOException {
      for (Object cell : cells) {
        printer.print(ContactColumns.csvText(cell));
      }
      printer.println();
    }

    @Override
    public void close() throws IOException {
      printer.close(true);
    }
  }

  private static final class Jsonl extends ContactSink {
    private final List<String> headers;
    private final Writer writer;
    private final Buffer buffer = new Buffer();

    Jsonl(List<String> headers, Writer writer) {
      this.headers = headers;
      this.writer = writer;
    }

    @Override
    void write(List<Object> cells) throws IOException {
      JsonWriter json = JsonWriter.of(buffer);
      json.setSerializeNulls(true);
      json.beginObject();
      for (int i = 0; i < headers.size(); i++) {
        json.name(headers.get(i));
        value(json, cells.get(i));
      }
      json.endObject();
      json.flush();
      writer.write(buffer.readUtf8());
      writer.write('\n');
    }

    private static void value(JsonWriter json, Object value) throws IOException {
      if (value == null) {
        json.nullValue();
      } else if (value instanceof Boolean) {
        json.value((Boolean) value);
      } else if (value instanceof BigDecimal) {
        json.value((BigDecimal) value);
      } else if (value instanceof Number) {
        json.value(((Number) value).longValue());
      } else if (value instanceof List) {
        json.beginArray();
        for (Object item : (List<?>) value) {
          json.value(String.valueOf(item));
        }
        json.endArray();
      } else {
        json.value(String.valueOf(value));
      }
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }
}
