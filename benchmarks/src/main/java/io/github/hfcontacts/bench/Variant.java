package io.github.hfcontacts.bench;

import java.io.IOException;

/**
 * One way of calling the API, with the four measured operations. Each returns what it parsed,
 * so that nothing is optimised away, and throws when the call did not succeed.
 */
interface Variant extends AutoCloseable {
  /** The variants, in the order the reports list them. */
  String[] NAMES = {"raw", "generated", "facade", "stock"};

  /** {@code GET user/33/}: one contact of about 1.5 KB. */
  Object getContact() throws IOException;

  /** {@code GET users/?size=50&page=...}: a page of 50 contacts, about 77 KB. */
  Object getPage() throws IOException;

  /** The same page parsed from bytes in memory, without HTTP. */
  Object parsePage(byte[] page) throws IOException;

  /** {@code POST users/} with 100 contacts, and their 100 results. */
  Object upsert100() throws IOException;

  @Override
  void close();

  /** Releases an OkHttpClient's threads and pooled connections. */
  static void release(okhttp3.OkHttpClient http) {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  static Variant create(String name, String apiBase) {
    switch (name) {
      case "raw":
        return new RawVariant(apiBase);
      case "generated":
        return new GeneratedVariant(apiBase);
      case "facade":
        return new FacadeVariant(apiBase);
      case "stock":
        return new StockVariant(apiBase);
      default:
        throw new IllegalArgumentException("unknown variant " + name + "; one of raw, generated, facade, stock");
    }
  }
}
