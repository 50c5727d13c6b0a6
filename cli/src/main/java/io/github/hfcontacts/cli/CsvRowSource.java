package io.github.hfcontacts.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV rows: the first record is the header; a record with another number of cells is a problem. */
final class CsvRowSource implements RowSource {
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> headers;
  private long number;

  CsvRowSource(Reader reader) throws IOException {
    this.parser = CSVParser.builder()
        .setReader(reader)
        .setFormat(CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get())
        .get();
    this.records = parser.iterator();
    if (!records.hasNext()) {
      throw new CliException(ExitCode.INVALID_INPUT, "the file is empty: a CSV import needs a"
          + " header row (email, name, ... and custom field names)");
    }
    List<String> header = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String cell : records.next()) {
      String name = ContactColumns.normalise(cell);
      if (name.isEmpty()) {
        throw new CliException(ExitCode.INVALID_INPUT,
            "the header has an empty column name (column " + (header.size() + 1) + ")");
      }
      if (!seen.add(name)) {
        throw new CliException(ExitCode.INVALID_INPUT,
            "the header names column \"" + cell.strip() + "\" twice");
      }
      header.add(cell.strip());
    }
    this.headers = Collections.unmodifiableList(header);
  }

  @Override
  public List<String> headers() {
    return headers;
  }

  @Override
  public InputRow next() throws IOException {
    CSVRecord record;
    try {
      if (!records.hasNext()) {
        return null;
      }
      record = records.next();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    number++;
    if (record.size() != headers.size()) {
      return new InputRow(number, Map.of(), "has " + record.size() + " cells but the header has "
          + headers.size());
    }
    Map<String, Object> cells = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      cells.put(headers.get(i), record.get(i));
    }
    return new InputRow(number, cells, null);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
