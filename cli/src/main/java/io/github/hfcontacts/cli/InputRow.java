package io.github.hfcontacts.cli;

import java.util.Map;

/**
 * One contact of an import file: its number (1 is the first contact of the file, after a CSV
 * header) and its cells by column name, or the reason it could not be read at all.
 */
final class InputRow {
  final long number;
  final Map<String, Object> cells;
  final String problem;

  InputRow(long number, Map<String, Object> cells, String problem) {
    this.number = number;
    this.cells = cells;
    this.problem = problem;
  }
}
