package io.github.hfcontacts.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the contacts of an import file one at a time, in constant memory. */
interface RowSource extends Closeable {
  /** The header of a CSV file; empty for JSON Lines (each object names its own columns). */
  List<String> headers();

  /** The next row, or null at the end of the file. */
  InputRow next() throws IOException;

  /** Opens a file in the given format. */
  static RowSource open(Path file, FileFormat format) throws IOException {
    Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    reader.mark(1);
    int first = reader.read();
    if (first != '\uFEFF') {
      reader.reset();
    }
    try {
      return format == FileFormat.CSV ? new CsvRowSource(reader) : new JsonlRowSource(reader);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }
}
