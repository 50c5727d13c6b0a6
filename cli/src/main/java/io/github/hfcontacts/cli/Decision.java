package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.ContactDraft;
import java.util.List;

/** What an import does with one row, decided before anything is sent. */
final class Decision {
  /** The kinds of decision, and the outcome each leads to. */
  enum Kind {
    /** The email is new: the row creates a contact. */
    CREATE("created", "would-create"),
    /** The row changes an existing contact (merged with what it holds). */
    UPDATE("updated", "would-update"),
    /** {@code --replace}: the row is sent as it is; HappyFox creates or updates. */
    SAVE("saved", "would-save"),
    /** The contact already holds what the row says: nothing to send. */
    UNCHANGED("unchanged", "unchanged"),
    /** The row cannot be sent (see the reasons). */
    INVALID("invalid", "invalid");

    final String outcome;
    final String dryRunOutcome;

    Kind(String outcome, String dryRunOutcome) {
      this.outcome = outcome;
      this.dryRunOutcome = dryRunOutcome;
    }

    boolean sends() {
      return this == CREATE || this == UPDATE || this == SAVE;
    }
  }

  final long row;
  final String email;
  final Kind kind;
  final ContactDraft draft;
  final Long id;
  final List<String> reasons;

  private Decision(long row, String email, Kind kind, ContactDraft draft, Long id,
      List<String> reasons) {
    this.row = row;
    this.email = email;
    this.kind = kind;
    this.draft = draft;
    this.id = id;
    this.reasons = reasons;
  }

  static Decision send(long row, String email, Kind kind, ContactDraft draft, Long id) {
    return new Decision(row, email, kind, draft, id, List.of());
  }

  static Decision unchanged(long row, String email, Long id) {
    return new Decision(row, email, Kind.UNCHANGED, null, id, List.of());
  }

  static Decision invalid(long row, String email, List<String> reasons) {
    return new Decision(row, email, Kind.INVALID, null, null, List.copyOf(reasons));
  }
}
