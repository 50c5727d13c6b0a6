package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Runs code that must throw {@code type} and returns what it threw. */
final class Thrown {
  private Thrown() {}

  static <E extends Throwable> E by(Class<E> type, ThrowingCallable code) {
    Throwable thrown = catchThrowable(code);
    assertThat(thrown).isInstanceOf(type);
    return type.cast(thrown);
  }
}
