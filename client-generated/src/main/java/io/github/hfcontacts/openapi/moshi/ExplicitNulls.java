package io.github.hfcontacts.openapi.moshi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the generated {@code long} whose bits record which properties are explicitly
 * {@code null}: bit {@code i} stands for the property whose wire name is {@code value()[i]}. A
 * bit set instead of a set of names, so that tracking costs one field per object and nothing per
 * property read.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ExplicitNulls {
  /**
   * The wire names of the model's properties, in bit order (at most 64).
   *
   * @return the names
   */
  String[] value();
}
