package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Converts number text to {@code long}, {@link BigInteger} and {@link BigDecimal} with a bound on
 * its length.
 *
 * <p>Why: {@code new BigInteger(String)} and {@code new BigDecimal(String)} take time quadratic
 * in the number of digits (a 100,000-digit literal costs a fifth of a second, 400,000 digits
 * three seconds), and parsing runs after the body was read, where no timeout applies. Text
 * longer than {@link HappyFoxMoshi#MAX_NUMBER_CHARS} is refused before any conversion.
 */
final class NumberLimits {
  private NumberLimits() {}

  /**
   * Refuses number text longer than the limit, naming the JSON path but not the text. Called
   * right after the text was read from {@code reader}.
   */
  static String check(String text, JsonReader reader) {
    if (text.length() > HappyFoxMoshi.MAX_NUMBER_CHARS) {
      throw new JsonDataException("Number of " + text.length() + " characters exceeds the limit of "
          + HappyFoxMoshi.MAX_NUMBER_CHARS + " at path " + pathOfValueJustRead(reader));
    }
    return text;
  }

  /**
   * The path of the value just read: inside an array the reader has already moved on to the next
   * index ({@code $.ids[2]} after reading {@code $.ids[1]}); inside an object it still names the
   * member.
   */
  static String pathOfValueJustRead(JsonReader reader) {
    String path = reader.getPath();
    int open = path.lastIndexOf('[');
    if (path.endsWith("]") && open >= 0) {
      try {
        int next = Integer.parseInt(path.substring(open + 1, path.length() - 1));
        return path.substring(0, open + 1) + Math.max(0, next - 1) + "]";
      } catch (NumberFormatException e) {
        return path;
      }
    }
    return path;
  }

  /**
   * The exact value of a JSON number: a {@link Long} when it is an integer that fits, a
   * {@link BigInteger} for a larger integer, else a {@link BigDecimal}.
   */
  static Number exact(String text, JsonReader reader) {
    check(text, reader);
    if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
      if (text.length() <= 18) {
        return Long.parseLong(text); // at most 18 digits (or 17 and a sign) always fit
      }
      BigInteger integer = new BigInteger(text);
      return integer.bitLength() < Long.SIZE ? (Number) integer.longValue() : integer;
    }
    return new BigDecimal(text);
  }

  /**
   * A {@code long} from number text, the way Moshi reads one (an integral value, {@code 5.0} and
   * {@code 5e0} included), with the length bound.
   */
  static long parseLong(String text, JsonReader reader) {
    check(text, reader);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notPlain) {
      try {
        return new BigDecimal(text).longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        // The text is not echoed: a server may put anything, a credential included, where a number
        // belongs.
        throw new JsonDataException("Expected a long but was a string that is not one at path "
            + pathOfValueJustRead(reader));
      }
    }
  }
}
