package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.Moshi;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The {@link Moshi} that reads and writes the generated models of the HappyFox Contacts API.
 * With Retrofit, add {@link HappyFoxConverterFactory#create()}, which wraps it.
 *
 * <p>It knows the generated models (declared properties by wire name, undeclared keys kept
 * where the schema has {@code additionalProperties}: new server fields in responses and
 * {@code c-cf-<id>} keys; nulls written only when set), the sum types of {@code oneOf}
 * schemas, exact numbers for "any value" properties, and
 * {@link BigDecimal}/{@link BigInteger}; it refuses an object without a property its schema
 * marks required, and number text longer than {@link #MAX_NUMBER_CHARS}. Instances are
 * immutable and thread-safe.
 */
public final class HappyFoxMoshi {
  /**
   * The longest JSON number text, in characters, that is converted to a number: 1,000 (the same
   * bound as Jackson's default). Converting number text to {@link BigDecimal} or
   * {@link BigInteger} takes time quadratic in its length, so longer text fails with a
   * {@code JsonDataException} instead. This Moshi applies it to every number it converts itself
   * ("any value" properties, {@code BigDecimal}, {@code BigInteger}, a long written as a string);
   * {@code HappyFoxClient} also refuses a response holding a longer number literal anywhere,
   * before parsing it. A real value needs at most a few dozen characters.
   */
  public static final int MAX_NUMBER_CHARS = 1000;

  private HappyFoxMoshi() {
  }

  /**
   * A new Moshi configured for the generated models.
   *
   * @return the Moshi
   */
  public static Moshi create() {
    return builder().build();
  }

  /**
   * A Moshi builder with the generated models' adapters already added, for callers who add
   * their own adapters (adapters added later have lower precedence).
   *
   * @return the builder
   */
  public static Moshi.Builder builder() {
    return new Moshi.Builder()
        .add(ExactNumbersJsonAdapter.FACTORY)
        .add(long.class, BoundedLongJsonAdapter.INSTANCE)
        .add(Long.class, BoundedLongJsonAdapter.INSTANCE.nullSafe())
        .add(BigDecimal.class, new NumberTextJsonAdapter<>("BigDecimal", BigDecimal::new))
        .add(BigInteger.class, new NumberTextJsonAdapter<>("BigInteger", BigInteger::new))
        .add(OneOfJsonAdapter.FACTORY)
        .add(ModelJsonAdapter.FACTORY);
  }
}
