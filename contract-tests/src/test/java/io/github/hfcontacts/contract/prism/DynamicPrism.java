package io.github.hfcontacts.contract.prism;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link PrismMock} parameter that the dynamic ({@code -d}) {@link PrismMockExtension}
 * resolves; unmarked {@link PrismMock} parameters come from the static one. This lets a class
 * register both without the two extensions competing for the same parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface DynamicPrism {
}
