package io.github.hfcontacts.cli;

/** Markers for the cells of an import row. */
final class Cells {
  /** A JSON {@code null}: clear the field (an empty CSV cell, or a missing key, keeps it). */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private Cells() {}
}
