package io.github.hfcontacts.client.internal;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Byte-level looks at a response body that decide cheaply, without parsing, whether the parser
 * must be involved. Not API.
 *
 * <p>Thread safety: stateless.
 */
final class BodyScan {
  /** The UTF-8 byte-order mark, which Retrofit's Moshi converter skips too. */
  static final ByteString UTF8_BOM = ByteString.decodeHex("efbbbf");

  private static final byte[] ERROR_KEY_REST = {'e', 'r', 'r', 'o', 'r', '"'};

  private BodyScan() {}

  /**
   * Whether the body may be an error envelope: after an optional byte-order mark and whitespace,
   * a JSON object whose first key is {@code "error"} (or a key written with escapes, which only
   * the parser can read). Reads into {@code source}'s buffer only as far as needed to decide,
   * usually a dozen bytes, and consumes nothing.
   *
   * @throws IOException when reading fails (a network failure or the size cap)
   */
  static boolean mayBeErrorEnvelope(BufferedSource source) throws IOException {
    long i = source.rangeEquals(0, UTF8_BOM) ? UTF8_BOM.size() : 0;
    i = skipWhitespace(source, i);
    if (i < 0 || source.getBuffer().getByte(i) != '{') {
      return false;
    }
    i = skipWhitespace(source, i + 1);
    if (i < 0 || source.getBuffer().getByte(i) != '"') {
      return false;
    }
    for (int k = 0; k < ERROR_KEY_REST.length; k++) {
      long at = i + 1 + k;
      if (!source.request(at + 1)) {
        return false;
      }
      byte b = source.getBuffer().getByte(at);
      if (b == '\\') {
        return true;
      }
      if (b != ERROR_KEY_REST[k]) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first byte at or after {@code i} that is not JSON whitespace, or -1 at the end. */
  private static long skipWhitespace(BufferedSource source, long i) throws IOException {
    while (source.request(i + 1)) {
      byte b = source.getBuffer().getByte(i);
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return i;
      }
      i++;
    }
    return -1;
  }

  /**
   * Returns the offset of a JSON number literal longer than {@code maxChars} characters, or -1.
   *
   * <p>Cheap for a normal body: a literal that long covers one of the positions
   * {@code maxChars - 1, 2 * maxChars - 1, ...}, so only those are looked at, with the run of
   * number characters around each. Only when such a run is longer than {@code maxChars} is the
   * whole body scanned, skipping strings, to tell a number literal from a long run inside a string
   * (which is not a number and is allowed).
   */
  static long longNumberLiteral(Buffer body, int maxChars) {
    long size = body.size();
    if (size <= maxChars) {
      return -1;
    }
    boolean longRun = false;
    try (Buffer.UnsafeCursor cursor = body.readUnsafe()) {
      for (long p = maxChars - 1; p < size && !longRun; p += maxChars) {
        if (isNumberChar(byteAt(cursor, p))) {
          longRun = runLength(cursor, p, size) > maxChars;
        }
      }
    }
    return longRun ? longNumberLiteralOutsideStrings(body, maxChars) : -1;
  }

  private static long runLength(Buffer.UnsafeCursor cursor, long p, long size) {
    long start = p;
    while (start > 0 && isNumberChar(byteAt(cursor, start - 1))) {
      start--;
    }
    long end = p + 1;
    while (end < size && isNumberChar(byteAt(cursor, end))) {
      end++;
    }
    return end - start;
  }

  private static long longNumberLiteralOutsideStrings(Buffer body, int maxChars) {
    boolean inString = false;
    boolean escaped = false;
    long run = 0;
    long runStart = 0;
    try (Buffer.UnsafeCursor cursor = body.readUnsafe()) {
      for (int n = cursor.seek(0); n != -1; n = cursor.next()) {
        byte[] data = cursor.data;
        for (int k = cursor.start; k < cursor.end; k++) {
          byte b = data[k];
          if (inString) {
            if (escaped) {
              escaped = false;
            } else if (b == '\\') {
              escaped = true;
            } else if (b == '"') {
              inString = false;
            }
          } else if (b == '"') {
            inString = true;
            run = 0;
          } else if (isNumberChar(b)) {
            if (run == 0) {
              runStart = cursor.offset + (k - cursor.start);
            }
            if (++run > maxChars) {
              return runStart;
            }
          } else {
            run = 0;
          }
        }
      }
    }
    return -1;
  }

  private static byte byteAt(Buffer.UnsafeCursor cursor, long offset) {
    cursor.seek(offset); // starts from the cursor's segment: cheap for nearby offsets
    return cursor.data[cursor.start];
  }

  private static boolean isNumberChar(byte b) {
    return (b >= '0' && b <= '9') || b == '.' || b == 'e' || b == 'E' || b == '-' || b == '+';
  }

  /**
   * Copies the first {@code maxBytes} bytes of {@code body} into a new buffer without consuming
   * or sharing its segments (a shared segment can no longer be recycled by Okio).
   */
  static Buffer head(Buffer body, long maxBytes) {
    Buffer head = new Buffer();
    try (Buffer.UnsafeCursor cursor = body.readUnsafe()) {
      for (int n = cursor.seek(0); n != -1 && head.size() < maxBytes; n = cursor.next()) {
        int count = (int) Math.min(cursor.end - cursor.start, maxBytes - head.size());
        head.write(cursor.data, cursor.start, count);
      }
    }
    return head;
  }
}
