package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.Moshi;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The {@link Moshi} that reads and writes the generated models of the HappyFox Contacts API.
 *
 * <pre>{@code
 * Retrofit retrofit = new Retrofit.Builder()
 *     .baseUrl("https://acme.happyfox.com/api/1.1/json/")
 *     .client(okHttpClient)
 *     .addConverterFactory(MoshiConverterFactory.create(HappyFoxMoshi.create()))
 *     .build();
 * ContactsApi contacts = retrofit.create(ContactsApi.class);
 * }</pre>
 *
 * <p>It knows the generated models (declared properties by wire name, undeclared keys kept
 * where the schema has {@code additionalProperties}: new server fields in responses and
 * {@code c-cf-<id>} keys; nulls written only when set), the sum types of {@code oneOf}
 * schemas, exact numbers for "any value" properties, and
 * {@link BigDecimal}/{@link BigInteger}. Instances are immutable and thread-safe.
 */
public final class HappyFoxMoshi {
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
        .add(BigDecimal.class, new NumberTextJsonAdapter<>("BigDecimal", BigDecimal::new))
        .add(BigInteger.class, new NumberTextJsonAdapter<>("BigInteger", BigInteger::new))
        .add(OneOfJsonAdapter.FACTORY)
        .add(ModelJsonAdapter.FACTORY);
  }
}
