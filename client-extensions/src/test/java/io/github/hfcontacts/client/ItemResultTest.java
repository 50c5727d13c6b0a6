package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An item's field errors are its own, and cannot be changed through the result. */
class ItemResultTest {
  @Test
  void aSucceededItemHasNoErrorsToChange() {
    ItemResult<String> item = ItemResult.succeeded(3, "a@example.com", 14L, null);

    assertThat(item.errors()).isEmpty();
    assertThatThrownBy(() -> item.errors().add(FieldError.of("email", List.of("taken"))))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(item).hasToString("ItemResult{#3 SUCCEEDED id=14}");
  }

  @Test
  void aRejectedItemKeepsACopyOfItsErrors() {
    List<FieldError> given = new ArrayList<>(List.of(FieldError.of("email", List.of("invalid"))));
    ItemResult<String> item = ItemResult.rejected(0, "a@", null, given, null);
    given.clear();

    assertThat(item.errors()).containsExactly(FieldError.of("email", List.of("invalid")));
    assertThatThrownBy(() -> item.errors().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(item.withIndex(7).errors()).isEqualTo(item.errors());
  }
}
