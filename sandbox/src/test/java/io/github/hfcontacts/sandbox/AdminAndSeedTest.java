package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AdminAndSeedTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"),
      ZoneOffset.UTC);

  private static HappyFoxSandbox seeded(long seed, int contacts) {
    return HappyFoxSandbox.builder().clock(CLOCK).seed(seed).seedContacts(contacts).start();
  }

  @Test
  void theSameSeedGivesTheSameAccount() {
    try (HappyFoxSandbox one = seeded(7, 300); HappyFoxSandbox two = seeded(7, 300);
        HappyFoxSandbox other = seeded(8, 300)) {
      String first = new Http(one).admin("GET", "contacts", null).expect(200).body;

      assertThat(new Http(two).admin("GET", "contacts", null).body).isEqualTo(first);
      assertThat(new Http(other).admin("GET", "contacts", null).body).isNotEqualTo(first);
      assertThat(one.stats().contacts()).isEqualTo(300);
      assertThat(one.stats().contactGroups()).isEqualTo(6);
    }
  }

  @Test
  void seededContactsHaveUniqueEmailsAndValuesOfEveryFieldType() {
    try (HappyFoxSandbox sandbox = seeded(1, 200)) {
      List<Map<String, Object>> contacts = new Http(sandbox).admin("GET", "contacts", null)
          .expect(200).list();

      Set<Object> emails = contacts.stream().map(c -> c.get("email")).collect(Collectors.toSet());
      assertThat(emails).hasSize(200);
      for (long field : new long[] {4, 5, 6, 7, 8, 9}) {
        assertThat(contacts).as("field %s", field)
            .anySatisfy(c -> assertThat(Http.customField(c, field).get("value")).isNotNull());
      }
      assertThat(contacts).anySatisfy(c -> assertThat(c.get("primary_phone")).isNotNull());
      assertThat(contacts).anySatisfy(c -> assertThat(c.get("is_login_enabled"))
          .isEqualTo("FALSE"));
      assertThat(sandbox.contactGroups()).allSatisfy(g -> assertThat(g.getName()).isNotBlank());
      assertThat(sandbox.contactGroups().get(0).getContacts()).isNotEmpty();
    }
  }

  @Test
  void resetBringsBackTheSeededAccountAndZeroCounters() {
    try (HappyFoxSandbox sandbox = seeded(3, 20)) {
      Http http = new Http(sandbox);
      String before = http.admin("GET", "contacts", null).body;
      http.post("users/", "{\"email\": \"new@example.com\", \"name\": \"New\"}").expect(200);
      http.post("user/1/", "{\"name\": \"Changed\"}").expect(200);

      Map<String, Object> stats = http.admin("POST", "reset", null).expect(200).object();

      assertThat(http.admin("GET", "contacts", null).body).isEqualTo(before);
      assertThat(stats).containsEntry("contacts", 20L);
      assertThat(stats.get("requests")).isEqualTo(Map.of("GET", 0L, "POST", 0L, "other", 0L,
          "total", 0L));
    }
  }

  @Test
  void statsAnswerJsonWithEveryCounter() {
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.start()) {
      Http http = new Http(sandbox);
      http.get("users/").expect(200);
      http.post("users/", "{\"email\": \"a@example.com\", \"name\": \"A\"}").expect(200);
      http.send("DELETE", sandbox.apiBaseUrl() + "users/", null).expect(405);

      Map<String, Object> stats = http.admin("GET", "stats", null).expect(200).object();

      assertThat(stats.get("requests")).isEqualTo(Map.of("GET", 1L, "POST", 1L, "other", 1L,
          "total", 3L));
      assertThat(stats.get("responses")).isEqualTo(Map.of("200", 2L, "405", 1L));
      assertThat(stats).containsEntry("rate_limited", 0L).containsEntry("contacts", 1L)
          .containsEntry("custom_fields", 6L).containsKeys("faults", "rate_limit");
      assertThat(sandbox.stats().toJson()).isEqualTo(http.admin("GET", "stats", null).body);
    }
  }

  @Test
  void unknownPathsAndMethodsAreRefused() {
    try (HappyFoxSandbox sandbox = HappyFoxSandbox.start()) {
      Http http = new Http(sandbox);
      assertThat(http.send("DELETE", sandbox.apiBaseUrl() + "users/", null).expect(405)
          .header("Allow")).isEqualTo("GET, POST");
      http.get("tickets/").expect(404);
      http.get("users").expect(404);
      http.send("GET", sandbox.baseUrl() + "api/1.1/users/", null).expect(404);
      http.admin("GET", "nothing", null).expect(404);
      http.admin("GET", "reset", null).expect(405);
    }
  }
}
