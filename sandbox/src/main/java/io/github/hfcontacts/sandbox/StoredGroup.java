package io.github.hfcontacts.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A contact group as the store keeps it; mutated only under the store's lock. */
final class StoredGroup {
  final long id;
  final String name;
  String description;
  String taggedDomains;
  /** Contact id to access_tickets, in the order contacts joined. */
  final Map<Long, Boolean> members = new LinkedHashMap<>();

  StoredGroup(long id, String name, String description, String taggedDomains) {
    this.id = id;
    this.name = name;
    this.description = description;
    this.taggedDomains = taggedDomains;
  }

  /** The tagged domains, lower-cased, without blanks. */
  List<String> domains() {
    List<String> domains = new ArrayList<>();
    if (taggedDomains != null) {
      for (String part : taggedDomains.split(",")) {
        String domain = part.trim().toLowerCase(Locale.ROOT);
        if (!domain.isEmpty()) {
          domains.add(domain);
        }
      }
    }
    return domains;
  }
}
