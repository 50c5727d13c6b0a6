package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.openapi.model.Contact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactPlanTest {
  @TempDir Path dir;

  @Test
  void scanJoinsRowsWithTheirContactsAcrossPartitions() throws IOException {
    int rows = 5_000;
    try (ContactPlan.Keys keys = new ContactPlan.Keys(dir)) {
      for (int row = 1; row <= rows; row++) {
        keys.add(row, "user" + row + "@example.com");
      }
    }
    try (ContactPlan.Snapshot snapshot = new ContactPlan.Snapshot(dir)) {
      for (int id = 1; id <= rows; id += 2) { // every other email exists, in any case
        snapshot.add(new Contact().id((long) id).name("User " + id)
            .email("USER" + id + "@Example.com"));
      }
      snapshot.add(new Contact().id(99_999L).name("Phone only"));
    }
    ContactPlan.build(dir, rows, true, null, () -> { });

    try (ContactPlan plan = ContactPlan.open(dir)) {
      for (int row = 1; row <= rows; row++) {
        ContactPlan.Entry entry = plan.entry(row);
        assertThat(entry.duplicateOf).isZero();
        if (row % 2 == 1) {
          assertThat(entry.existing.getId()).as("row %d", row).isEqualTo((long) row);
          assertThat(entry.existing.getName()).isEqualTo("User " + row);
        } else {
          assertThat(entry.existing).as("row %d", row).isNull();
        }
      }
    }
  }

  @Test
  void laterRowsWithTheSameEmailAreDuplicatesOfTheFirst() throws IOException {
    try (ContactPlan.Keys keys = new ContactPlan.Keys(dir)) {
      keys.add(1, "a@example.com");
      keys.add(2, "b@example.com");
      keys.add(4, "a@example.com");
      keys.add(7, "a@example.com");
    }
    ContactPlan.build(dir, 7, false, null, () -> { });

    try (ContactPlan plan = ContactPlan.open(dir)) {
      assertThat(plan.entry(1).duplicateOf).isZero();
      assertThat(plan.entry(4).duplicateOf).isEqualTo(1);
      assertThat(plan.entry(7).duplicateOf).isEqualTo(1);
      assertThat(plan.entry(2).duplicateOf).isZero();
      assertThat(plan.entry(3).existing).isNull(); // an invalid row: no key, no entry
    }
  }

  @Test
  void lookupFetchesEachDistinctEmailOnce() throws IOException {
    List<String> fetched = new ArrayList<>();
    long distinct;
    try (ContactPlan.Keys keys = new ContactPlan.Keys(dir)) {
      keys.add(1, "a@example.com");
      keys.add(2, "b@example.com");
      keys.add(3, "a@example.com");
    }
    distinct = ContactPlan.build(dir, 3, false, email -> {
      fetched.add(email);
      return email.startsWith("b") ? new Contact().id(8L).name("B").email(email) : null;
    }, () -> { });

    assertThat(distinct).isEqualTo(2);
    assertThat(fetched).containsExactlyInAnyOrder("a@example.com", "b@example.com");
    try (ContactPlan plan = ContactPlan.open(dir)) {
      assertThat(plan.entry(1).existing).isNull();
      assertThat(plan.entry(2).existing.getId()).isEqualTo(8L);
      assertThat(plan.entry(3).duplicateOf).isEqualTo(1);
    }
  }
}
