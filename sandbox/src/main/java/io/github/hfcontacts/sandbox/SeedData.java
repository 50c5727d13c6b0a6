package io.github.hfcontacts.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated demo data, the same for the same seed, clock and custom fields: groups (one tagged
 * with each demo domain) and contacts with names, unique emails on {@code .test} domains, phones,
 * login flags, custom-field values of every field and group memberships.
 */
final class SeedData {
  private static final String[] FIRST = {"Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis",
      "Barbara", "Ken", "Frances", "Edsger", "Radia", "Tim", "Hedy", "John", "Katherine", "Niklaus",
      "Adele", "Donald", "Sophie", "Guido"};
  private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton",
      "Ritchie", "Liskov", "Thompson", "Allen", "Dijkstra", "Perlman", "Berners-Lee", "Lamarr",
      "Backus", "Johnson", "Wirth", "Goldberg", "Knuth", "Wilson", "van Rossum"};
  private static final String[] DOMAINS = {"acme.test", "globex.test", "initech.test",
      "umbrella.test", "hooli.test"};
  private static final String[] GROUPS = {"Acme", "Globex", "Initech", "Umbrella", "Hooli"};

  private SeedData() {}

  static void apply(Store store, long seed, int contacts, Instant now) {
    if (contacts <= 0) {
      return;
    }
    Random random = new Random(seed);
    List<StoredGroup> groups = new ArrayList<>();
    for (int i = 0; i < GROUPS.length; i++) {
      groups.add(store.seedGroup(GROUPS[i] + " customers",
          "Contacts of " + GROUPS[i] + " (generated)", DOMAINS[i]));
    }
    StoredGroup vip = store.seedGroup("VIP", "Key accounts (generated)", "");
    Instant base = now.truncatedTo(ChronoUnit.SECONDS);
    for (int n = 1; n <= contacts; n++) {
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      int domain = random.nextInt(DOMAINS.length);
      String email = (first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '-') + "." + n
          + "@" + DOMAINS[domain];
      Instant created = base.minus(1 + random.nextInt(365 * 24), ChronoUnit.HOURS);
      Instant updated = created.plus(random.nextInt(
          (int) Math.max(1, ChronoUnit.HOURS.between(created, base))), ChronoUnit.HOURS);
      StoredContact contact = store.addContact(first + " " + last, email, created, updated);
      contact.loginEnabled = random.nextInt(10) != 0;
      contact.ticketsCount = random.nextInt(20);
      contact.pendingTicketsCount = random.nextInt(contact.ticketsCount + 1);
      int phones = random.nextInt(3);
      for (int p = 0; p < phones; p++) {
        store.seedPhone(contact, Store.PHONE_TYPES.get(random.nextInt(Store.PHONE_TYPES.size())),
            "+1555" + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000)), p == 0);
      }
      for (SandboxCustomField field : store.rules().fields()) {
        if ((random.nextInt(4) == 0 && !field.isRequired())
            || !CustomFieldRules.shown(field, contact.customValues)) {
          continue;
        }
        Object value = value(field, random, n);
        if (value != null) {
          contact.customValues.put(field.id(), value);
        }
      }
      groups.get(domain).members.put(contact.id, random.nextBoolean());
      if (random.nextInt(10) == 0) {
        vip.members.put(contact.id, true);
      }
    }
  }

  private static Object value(SandboxCustomField field, Random random, int n) {
    List<Long> choices = new ArrayList<>(field.choices().keySet());
    switch (field.type()) {
      case TEXT:
        return field.name().substring(0, Math.min(3, field.name().length()))
            .toUpperCase(Locale.ROOT) + String.format(Locale.ROOT, "%05d", n);
      case NUMBER:
        return CustomFieldRules.plain(BigDecimal.valueOf(random.nextInt(1_000_000), 2));
      case DATE:
        return LocalDate.of(2025, 1, 1).plusDays(random.nextInt(730)).toString();
      case CHOICE:
        return choices.get(random.nextInt(choices.size()));
      case MULTIPLE_CHOICE:
        List<Long> picked = new ArrayList<>();
        for (Long choice : choices) {
          if (random.nextBoolean()) {
            picked.add(choice);
          }
        }
        return picked.isEmpty() ? null : picked;
      case URL:
        return "https://example.com/contacts/" + n;
      default:
        return null;
    }
  }
}
