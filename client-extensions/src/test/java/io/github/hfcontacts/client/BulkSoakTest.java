package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bulk work that finishes under faults: 10,000 contacts upserted through a stateful HappyFox that
 * fails 15 % of requests (disconnects before and after applying, 5xx before and after applying,
 * stalls). Every item must end succeeded, rejected with reasons, or failed with a definite cause,
 * and what the client reports must match what the server holds. Waits are simulated (fake clock
 * and sleeper); only the stalls cost real time, bounded by a short read timeout.
 */
class BulkSoakTest {
  private static final int CONTACTS = 10_000;
  private static final double FAULT_RATE = 0.15;

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private FaultyHappyFox server(long seed) {
    FaultyHappyFox server = new FaultyHappyFox(seed, FAULT_RATE);
    mock.server.setDispatcher(server);
    mock.use(mock.builder().readTimeout(Duration.ofMillis(250)).build());
    return server;
  }

  static List<ContactDraft> drafts() {
    List<ContactDraft> drafts = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      if (i % 200 == 7) { // a contact without email: created anew each time it is sent
        drafts.add(ContactDraft.builder().name("Phone " + i)
            .phone(PhoneKind.MOBILE, "555" + i, true).build());
      } else if (i % 100 == 3) { // a new contact without a name: HappyFox refuses it
        drafts.add(ContactDraft.builder().email("soak" + i + "@example.com").build());
      } else {
        drafts.add(ContactDraft.builder().email("soak" + i + "@example.com").name("Soak " + i)
            .customField(CustomFieldValue.text(4, "ACC" + i)).build());
      }
    }
    return drafts;
  }

  @Test
  void tenThousandContactsUnderFifteenPercentFaults() throws IOException {
    FaultyHappyFox server = server(20_260_115L);

    BulkResult<ContactDraft> result = mock.client().contacts()
        .upsertAllResettingOmittedCustomFields(drafts());

    int mismatches = 0;
    List<String> examples = new ArrayList<>();
    for (ItemResult<ContactDraft> item : result.items()) {
      String problem = mismatch(item, server);
      if (problem != null) {
        mismatches++;
        if (examples.size() < 5) {
          examples.add("#" + item.index() + ": " + problem + " " + item);
        }
      }
    }
    int duplicates = 0;
    Map<String, Long> byName = new java.util.HashMap<>();
    for (FaultyHappyFox.Stored stored : server.withoutEmail) {
      byName.merge(stored.name, 1L, Long::sum);
    }
    for (long count : byName.values()) {
      duplicates += (int) (count - 1);
    }
    long replays = server.sendsWithoutEmail.values().stream().filter(n -> n > 1).count();
    int failed = result.failed() - result.rejected();
    String report = String.format(java.util.Locale.ROOT,
        "soak: %d contacts, %d requests, %d faults %s: succeeded %d / rejected %d / failed %d"
            + " (outcome unknown %d) / duplicates %d / mismatches %d / non-idempotent replays %d;"
            + " succeeded or rejected %.2f %%",
        CONTACTS, server.requests, server.faultCount(), server.faults, result.succeeded(),
        result.rejected(), failed, result.outcomeUnknown(), duplicates, mismatches, replays,
        100.0 * (result.succeeded() + result.rejected()) / CONTACTS);
    System.out.println(report);
    Path out = Path.of("target", "soak-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report + System.lineSeparator(), StandardCharsets.UTF_8);

    assertThat(result.size()).isEqualTo(CONTACTS);
    assertThat(server.faultCount()).as("faults injected").isGreaterThan(10);
    assertThat(examples).as("items reported other than the server holds").isEmpty();
    assertThat(mismatches).isZero();
    assertThat(duplicates).isZero();
    assertThat(replays).as("contacts without email sent twice").isZero();
    assertThat(result.rejected()).isEqualTo(CONTACTS / 100);
    assertThat((double) (result.succeeded() + result.rejected()) / CONTACTS)
        .isGreaterThanOrEqualTo(0.995);
    Leaks.assertNone(null, mock.logLines);
  }

  /** What is wrong with the item's reported result, given what the server holds; null if right. */
  private static String mismatch(ItemResult<ContactDraft> item, FaultyHappyFox server) {
    ContactDraft draft = item.input();
    boolean held = holds(draft, server);
    switch (item.status()) {
      case SUCCEEDED:
        if (!held) {
          return "reported succeeded, not held";
        }
        if (draft.email().isPresent()
            && item.id().getAsLong() != server.contact(draft.email().get()).id) {
          return "reported another id";
        }
        return null;
      case REJECTED:
        return draft.email().isPresent() && server.contact(draft.email().get()) != null
            ? "reported rejected, but stored" : null;
      default:
        return !item.outcomeUnknown() && held ? "reported not applied, but held" : null;
    }
  }

  private static boolean holds(ContactDraft draft, FaultyHappyFox server) {
    if (draft.email().isEmpty()) {
      return server.withoutEmail.stream().anyMatch(s -> s.name.equals(draft.name().orElse("")));
    }
    FaultyHappyFox.Stored stored = server.contact(draft.email().get());
    if (stored == null || !Objects.equals(stored.name, draft.name().orElse(stored.name))) {
      return false;
    }
    Map<Long, Object> expected = new java.util.TreeMap<>();
    draft.customFields().forEach(value -> expected.put(value.fieldId(), value.wireValue()));
    return stored.customFields.equals(expected);
  }

  @Test
  void groupMembershipOfAThousandContactsUnderFifteenPercentFaults() {
    FaultyHappyFox server = server(7L);
    List<GroupMember> members = new ArrayList<>();
    List<Long> leaving = new ArrayList<>();
    for (long id = 1; id <= 1000; id++) {
      members.add(GroupMember.of(id, id % 3 == 0));
      if (id % 2 == 0) {
        leaving.add(id);
      }
    }

    BulkResult<GroupMember> added =
        mock.client().contactGroups().addContacts(FaultyHappyFox.GROUP_ID, members);
    BulkResult<Long> removed =
        mock.client().contactGroups().removeContacts(FaultyHappyFox.GROUP_ID, leaving);

    for (ItemResult<GroupMember> item : added.items()) {
      long id = item.input().contactId();
      boolean nowMember = server.members.containsKey(id);
      if (item.succeeded() && id % 2 == 1) {
        assertThat(server.members).as("member %d", id).containsEntry(id, id % 3 == 0);
      }
      if (item.status() == ItemResult.Status.REJECTED) {
        assertThat(nowMember).as("rejected %d", id).isFalse();
      }
    }
    for (ItemResult<Long> item : removed.items()) {
      if (item.succeeded()) {
        assertThat(server.members).as("removed %d", item.input()).doesNotContainKey(item.input());
      }
    }
    System.out.printf("group soak: %d requests, %d faults: added %d succeeded / %d rejected / %d"
            + " failed; removed %d succeeded / %d rejected / %d failed%n", server.requests,
        server.faultCount(), added.succeeded(), added.rejected(),
        added.failed() - added.rejected(), removed.succeeded(), removed.rejected(),
        removed.failed() - removed.rejected());
    assertThat(added.rejected()).isEqualTo(10); // 97, 194, ... 970
    assertThat(added.succeeded() + added.rejected()).isGreaterThanOrEqualTo(995);
    assertThat(removed.succeeded() + removed.rejected()).isGreaterThanOrEqualTo(497);
  }
}
