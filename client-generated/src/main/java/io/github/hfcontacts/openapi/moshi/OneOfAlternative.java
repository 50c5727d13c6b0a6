package io.github.hfcontacts.openapi.moshi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the static factory of one alternative of a generated sum type, with its index. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OneOfAlternative {
  /**
   * The alternative's index, as stored in the sum type's {@code variant} field.
   *
   * @return the index
   */
  int value();
}
