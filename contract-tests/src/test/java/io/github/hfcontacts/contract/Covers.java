package io.github.hfcontacts.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the operations (their {@code operationId} in {@code openapi/happyfox-contacts.yaml}) that
 * a contract test exercises against Prism, and through which client layer.
 * {@link ContractCoverageTest} reads these annotations reflectively and fails when an operation of
 * the document has no test at a layer, or when an annotation names an operation the document does
 * not have.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Covers {

    /** The operationIds exercised by the annotated test method. */
    String[] value();

    /** The client layer the test goes through. */
    Layer layer() default Layer.GENERATED;

    /** Client layers whose coverage is counted separately. */
    enum Layer {
        /** The generated Retrofit interfaces ({@code io.github.hfcontacts.openapi.api}). */
        GENERATED,
        /** The hand-written facade ({@code io.github.hfcontacts.client.HappyFoxClient}). */
        FACADE
    }
}
