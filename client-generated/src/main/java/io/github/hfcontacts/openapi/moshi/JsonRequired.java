package io.github.hfcontacts.openapi.moshi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated property that its schema lists as {@code required}: reading an object without
 * it (or with {@code null}, unless the property is {@link JsonNullable}) fails with a
 * {@code JsonDataException} naming the property, instead of producing a model whose required value
 * is silently {@code null}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface JsonRequired {
}
