package io.github.hfcontacts.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats of export and import. */
enum FileFormat {
  CSV, JSONL;

  /** The format named by the option, else by the file's extension (CSV by default). */
  static FileFormat choose(FileFormat option, Path file) {
    if (option != null) {
      return option;
    }
    String name = file == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSONL;
    }
    return CSV;
  }
}
