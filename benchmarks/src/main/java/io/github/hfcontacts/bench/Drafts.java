package io.github.hfcontacts.bench;

/**
 * The 100 contacts of the bulk-upsert benchmark, the same for every variant: a name, an email
 * ({@code bulk.contact<i>@example.com}, matching the server's results), a text custom field (8)
 * and a choice custom field (4, choice 3).
 */
final class Drafts {
  static final int COUNT = 100;

  private Drafts() {}

  static String name(int i) {
    return "Bulk Contact " + i;
  }

  static String email(int i) {
    return "bulk.contact" + i + "@example.com";
  }

  static final String ACCOUNT_MANAGER = "Morgan Placeholder";
  static final long REGION_CHOICE = 3;
}
