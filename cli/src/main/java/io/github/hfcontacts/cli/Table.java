package io.github.hfcontacts.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Prints small listings (groups, custom fields) as an aligned table, CSV or JSON Lines. */
final class Table {
  /** The listing formats. */
  enum Format {
    TABLE, CSV, JSONL
  }

  private Table() {}

  static void print(Format format, List<String> headers, List<List<Object>> rows,
      OutputStream stdout) throws IOException {
    if (format == Format.TABLE) {
      PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
      int[] widths = new int[headers.size()];
      List<List<String>> cells = new ArrayList<>();
      List<String> head = new ArrayList<>();
      for (String header : headers) {
        head.add(header.toUpperCase(java.util.Locale.ROOT));
      }
      cells.add(head);
      for (List<Object> row : rows) {
        List<String> line = new ArrayList<>();
        for (Object cell : row) {
          line.add(ContactColumns.csvText(cell).replace('\n', ' '));
        }
        cells.add(line);
      }
      for (List<String> line : cells) {
        for (int i = 0; i < line.size(); i++) {
          widths[i] = Math.max(widths[i], line.get(i).length());
        }
      }
      for (List<String> line : cells) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < line.size(); i++) {
          text.append(line.get(i));
          if (i < line.size() - 1) {
            text.append(" ".repeat(widths[i] - line.get(i).length() + 2));
          }
        }
        out.println(text.toString().stripTrailing());
      }
      return;
    }
    try (ContactSink sink = ContactSink.open(format == Format.CSV ? FileFormat.CSV
        : FileFormat.JSONL, headers, new NonClosing(stdout))) {
      for (List<Object> row : rows) {
        sink.write(row);
      }
    }
  }
}
