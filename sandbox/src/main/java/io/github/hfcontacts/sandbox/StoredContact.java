package io.github.hfcontacts.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A contact as the store keeps it; mutated only under the store's lock. */
final class StoredContact {
  final long id;
  String name;
  String email;
  final List<StoredPhone> phones = new ArrayList<>();
  Long primaryPhoneId;
  boolean loginEnabled = true;
  /** Field id to value: String (text, date), BigDecimal (number), Long (choice), List of Long. */
  final Map<Long, Object> customValues = new HashMap<>();
  final Instant createdAt;
  Instant updatedAt;
  int ticketsCount;
  int pendingTicketsCount;

  StoredContact(long id, Instant createdAt) {
    this.id = id;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  StoredPhone phone(long phoneId) {
    for (StoredPhone phone : phones) {
      if (phone.id == phoneId) {
        return phone;
      }
    }
    return null;
  }

  StoredPhone primaryPhone() {
    return primaryPhoneId == null ? null : phone(primaryPhoneId);
  }

  /** The contact's phone numbers reduced to digits, for phone search and phone-only upserts. */
  boolean hasPhoneDigits(String digits, boolean exact) {
    for (StoredPhone phone : phones) {
      String own = StoredPhone.digits(phone.number);
      if (exact ? own.equals(digits) : own.contains(digits)) {
        return true;
      }
    }
    return false;
  }
}
