package io.github.hfcontacts.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A stateful, fault-injecting HappyFox for soak tests, served by MockWebServer: contacts upserted
 * by email (a contact without email is created anew every time, as HappyFox does), custom fields
 * reset when left out, one contact group with its members, and, with a given probability per
 * request, a fault drawn from {@link Fault}: a disconnect before or after the server applied the
 * request, a 5xx before or after applying, or a stall past the client's read timeout. Seeded, so
 * a run is repeatable.
 */
final class FaultyHappyFox extends Dispatcher {
  /** What can go wrong with one request. */
  enum Fault {
    DISCONNECT_BEFORE_APPLYING,
    DISCONNECT_AFTER_APPLYING,
    DISCONNECT_DURING_ANSWER,
    ERROR_5XX_BEFORE_APPLYING,
    ERROR_502_AFTER_APPLYING,
    STALL_AFTER_APPLYING
  }

  /** A stored contact. */
  static final class Stored {
    final long id;
    final String email;
    String name;
    String phone;
    final Map<Long, Object> customFields = new TreeMap<>();

    Stored(long id, String email) {
      this.id = id;
      this.email = email;
    }
  }

  static final long GROUP_ID = 1;
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private final Random random;
  private final double faultRate;
  final Map<String, Stored> byEmail = new LinkedHashMap<>();
  final List<Stored> withoutEmail = new ArrayList<>();
  final Map<Long, Boolean> members = new TreeMap<>();
  final Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
  /** How many times each contact without email (by name) arrived in a request. */
  final Map<String, Integer> sendsWithoutEmail = new HashMap<>();
  int requests;
  private long nextId = 1;
  private final java.util.Deque<java.util.Optional<Fault>> script = new java.util.ArrayDeque<>();

  /** The faults of the next requests, in order ({@code null} for none), before random ones. */
  synchronized FaultyHappyFox script(Fault... next) {
    for (Fault fault : next) {
      script.add(java.util.Optional.ofNullable(fault));
    }
    return this;
  }

  FaultyHappyFox(long seed, double faultRate) {
    this.random = new Random(seed);
    this.faultRate = faultRate;
  }

  synchronized Stored contact(String email) {
    return byEmail.get(email.toLowerCase(Locale.ROOT));
  }

  synchronized int faultCount() {
    return faults.values().stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    requests++;
    Fault fault = null;
    if (!script.isEmpty()) {
      fault = script.poll().orElse(null);
      if (fault != null) {
        faults.merge(fault, 1, Integer::sum);
      }
    } else if (random.nextDouble() < faultRate) {
      fault = Fault.values()[random.nextInt(Fault.values().length)];
      faults.merge(fault, 1, Integer::sum);
    }
    if (fault == Fault.DISCONNECT_BEFORE_APPLYING) {
      return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
    }
    if (fault == Fault.ERROR_5XX_BEFORE_APPLYING) {
      return MockHappyFox.json(500 + 2 + random.nextInt(2), "<html>unavailable</html>");
    }
    MockResponse answer = apply(request);
    if (fault == null) {
      return answer;
    }
    switch (fault) {
      case DISCONNECT_AFTER_APPLYING:
        return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
      case DISCONNECT_DURING_ANSWER:
        return answer.setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
      case ERROR_502_AFTER_APPLYING:
        return MockHappyFox.json(502, "<html>bad gateway</html>");
      case STALL_AFTER_APPLYING:
      default:
        return answer.setHeadersDelay(2, TimeUnit.SECONDS);
    }
  }

  private MockResponse apply(RecordedRequest request) {
    String path = request.getPath().substring(MockHappyFox.API.length());
    String method = request.getMethod();
    if (method.equals("POST") && path.equals("users/")) {
      return MockHappyFox.json(200, write(upsertAll(parse(request))));
    }
    if (method.equals("GET") && path.startsWith("user/")) {
      String email = java.net.URLDecoder.decode(path.substring(5, path.length() - 1),
          java.nio.charset.StandardCharsets.UTF_8);
      Stored stored = byEmail.get(email.toLowerCase(Locale.ROOT));
      return stored == null ? MockHappyFox.json(404, "{\"error\": \"Not found\"}")
          : MockHappyFox.json(200, write(render(stored)));
    }
    if (path.equals("contact_group/" + GROUP_ID + "/update_contacts/")) {
      return MockHappyFox.json(200, write(addMembers(parse(request))));
    }
    if (path.equals("contact_group/" + GROUP_ID + "/delete_contacts/")) {
      return MockHappyFox.json(200, write(removeMembers(parse(request))));
    }
    if (method.equals("GET") && path.equals("contact_group/" + GROUP_ID + "/")) {
      List<Object> contacts = new ArrayList<>();
      members.forEach((id, access) -> contacts.add(Map.of("id", id, "name", "Member " + id,
          "access_tickets", access)));
      return MockHappyFox.json(200, write(Map.of("id", GROUP_ID, "name", "Soak",
          "tagged_domains", "", "contacts", contacts)));
    }
    return MockHappyFox.json(404, "{\"error\": \"Not found\"}");
  }

  @SuppressWarnings("unchecked")
  private List<Object> upsertAll(Object body) {
    List<Object> results = new ArrayList<>();
    for (Object raw : (List<Object>) body) {
      Map<String, Object> item = (Map<String, Object>) raw;
      String email = (String) item.get("email");
      if (email == null) {
        sendsWithoutEmail.merge(String.valueOf(item.get("name")), 1, Integer::sum);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("email", email);
      Stored stored = email == null ? null : byEmail.get(email.toLowerCase(Locale.ROOT));
      if (stored == null && item.get("name") == null) {
        result.put("success", false);
        result.put("errors", List.of(Map.of("field", "name",
            "errors", List.of("This field is required."))));
        results.add(result);
        continue;
      }
      if (stored == null) {
        stored = new Stored(nextId++, email);
        if (email == null) {
          withoutEmail.add(stored);
        } else {
          byEmail.put(email.toLowerCase(Locale.ROOT), stored);
        }
      }
      if (item.containsKey("name")) {
        stored.name = (String) item.get("name");
      }
      if (item.get("phones") instanceof List && !((List<Object>) item.get("phones")).isEmpty()) {
        stored.phone = (String) ((Map<String, Object>) ((List<Object>) item.get("phones")).get(0))
            .get("number");
      }
      stored.customFields.clear(); // custom fields left out are reset
      for (Map.Entry<String, Object> entry : item.entrySet()) {
        if (entry.getKey().startsWith("c-cf-") && entry.getValue() != null) {
          stored.customFields.put(Long.parseLong(entry.getKey().substring(5)), entry.getValue());
        }
      }
      result.put("success", true);
      result.put("id", stored.id);
      results.add(result);
    }
    return results;
  }

  private static Map<String, Object> render(Stored stored) {
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("id", stored.id);
    contact.put("name", stored.name);
    contact.put("email", stored.email);
    List<Object> fields = new ArrayList<>();
    stored.customFields.forEach((id, value) -> {
      Map<String, Object> field = new HashMap<>();
      field.put("id", id);
      field.put("type", "text");
      field.put("value", value);
      fields.add(field);
    });
    contact.put("custom_fields", fields);
    return contact;
  }

  @SuppressWarnings("unchecked")
  private List<Object> addMembers(Object body) {
    List<Object> results = new ArrayList<>();
    for (Object raw : (List<Object>) body) {
      Map<String, Object> item = (Map<String, Object>) raw;
      long contact = ((Number) item.get("contact")).longValue();
      if (contact % 97 == 0) {
        results.add(Map.of("success", false, "errors", List.of(Map.of("field", "contact",
            "errors", List.of("Select a valid choice.")))));
        continue;
      }
      boolean access = Boolean.TRUE.equals(item.get("access_tickets"));
      members.put(contact, access);
      results.add(Map.of("success", true, "data", Map.of("contact", contact,
          "access_tickets", access)));
    }
    return results;
  }

  @SuppressWarnings("unchecked")
  private List<Object> removeMembers(Object body) {
    List<Object> results = new ArrayList<>();
    for (Object raw : (List<Object>) ((Map<String, Object>) body).get("contacts")) {
      long contact = ((Number) raw).longValue();
      boolean removed = members.remove(contact) != null;
      results.add(Map.of("success", removed, "data", Map.of("contact", contact, "message",
          removed ? "Successfully removed contact from group"
              : "Contact not part of the contact group")));
    }
    return results;
  }

  private static Object parse(RecordedRequest request) {
    return MockHappyFox.parse(request.getBody().clone().readUtf8());
  }

  private static String write(Object value) {
    return JSON.toJson(value);
  }
}
