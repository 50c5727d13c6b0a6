package io.github.hfcontacts.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The response bodies the benchmark server answers, read from {@code fixtures/} once. */
final class Fixtures {
  /** One contact with phones, groups and custom fields: about 1.5 KB. */
  static final byte[] CONTACT = read("contact.json");
  /** A page of 50 such contacts: about 77 KB. */
  static final byte[] PAGE = read("page-of-50.json");
  /** The per-item results of a bulk upsert of the 100 contacts {@link Drafts} describes. */
  static final byte[] UPSERT_RESULTS = read("upsert-results-100.json");

  private Fixtures() {}

  private static byte[] read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
