package io.github.hfcontacts.openapi.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The contract operation a generated Retrofit method calls, and whether it may be replayed: the
 * spec's {@code operationId}, method and path, and its {@code x-idempotent} and
 * {@code x-idempotent-when} marks. Generated on every method of the API interfaces by the
 * project's {@code api.mustache}; read at run time through Retrofit's {@code Invocation} tag:
 *
 * <pre>{@code
 * Invocation invocation = call.request().tag(Invocation.class);
 * SpecOperation operation = invocation.method().getAnnotation(SpecOperation.class);
 * boolean replayable = operation.idempotent();
 * }</pre>
 *
 * <p>An operation is idempotent when sending the same request twice leaves HappyFox in the same
 * state as sending it once, so that a request whose fate is unknown (a timeout, a dropped
 * connection, a 5xx) may be sent again. An operation that is not idempotent in general may list
 * conditions on the request body under which it is ({@link #idempotentWhen()}); a client that
 * cannot check a condition treats the request as not idempotent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SpecOperation {
  /**
   * Condition: the body is a contact object, or an array of them, and every one carries a
   * non-blank {@code email}, the key of HappyFox's upsert.
   */
  String EVERY_ITEM_HAS_EMAIL = "every-item-has-email";

  /**
   * Condition: every phone object in the body (under {@code phones}) carries its {@code id}, so
   * that it edits a phone rather than adding one.
   */
  String EVERY_PHONE_HAS_ID = "every-phone-has-id";

  /**
   * The spec's {@code operationId}.
   *
   * @return e.g. {@code createOrUpdateContacts}
   */
  String operationId();

  /**
   * The HTTP method.
   *
   * @return e.g. {@code POST}
   */
  String method();

  /**
   * The spec's path, relative to the server URL.
   *
   * @return e.g. {@code /users/}
   */
  String path();

  /**
   * The spec's {@code x-idempotent}: whether every request of the operation may be replayed.
   *
   * @return the mark
   */
  boolean idempotent();

  /**
   * The spec's {@code x-idempotent-when}: conditions on the body under which a request of an
   * operation that is not idempotent in general is; all must hold. Empty when none.
   *
   * @return condition names, such as {@link #EVERY_ITEM_HAS_EMAIL}
   */
  String[] idempotentWhen() default {};
}
