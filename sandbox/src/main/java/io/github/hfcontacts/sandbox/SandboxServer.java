package io.github.hfcontacts.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomField;
import io.github.hfcontacts.openapi.model.ContactGroup;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.model.ContactUpsertResponse;
import io.github.hfcontacts.openapi.model.ErrorResponse;
import io.github.hfcontacts.openapi.model.GroupContactRemovalResult;
import io.github.hfcontacts.openapi.model.GroupContactUpdateResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes HTTP exchanges: the API under {@value HappyFoxSandbox#API_PATH} (counted, latency,
 * authentication, rate limit, faults, then the {@link Store}) and the admin endpoints under
 * {@value HappyFoxSandbox#ADMIN_PATH} (none of that). Thread-safe.
 */
final class SandboxServer implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(SandboxServer.class.getName());
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  private static final String JSON = "application/json; charset=utf-8";
  private static final Type CONTACT_GROUPS = Json.listOf(ContactGroup.class);
  private static final Type GROUP_DETAILS = Json.listOf(ContactGroupDetail.class);
  private static final Type CONTACTS = Json.listOf(Contact.class);
  private static final Type CUSTOM_FIELDS = Json.listOf(ContactCustomField.class);
  private static final Type ADD_RESULTS = Json.listOf(GroupContactUpdateResult.class);
  private static final Type REMOVE_RESULTS = Json.listOf(GroupContactRemovalResult.class);

  /** Waits for a latency fault; replaced in tests so that no test sleeps. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HappyFoxSandbox sandbox;
  private final Store store;
  private final RateLimiter limiter;
  private final SimulatedTime time;
  private final byte[] expectedCredentials;
  private final Sleeper sleeper;
  private final LongAdder gets = new LongAdder();
  private final LongAdder posts = new LongAdder();
  private final LongAdder others = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder disconnects = new LongAdder();
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private volatile SandboxFaults faults;
  private volatile Random faultRandom;

  SandboxServer(HappyFoxSandbox sandbox, Store store, RateLimiter limiter, SimulatedTime time,
      String apiKey, String authCode, SandboxFaults faults, Sleeper sleeper) {
    this.sandbox = sandbox;
    this.store = store;
    this.limiter = limiter;
    this.time = time;
    this.expectedCredentials = (apiKey + ":" + authCode).getBytes(StandardCharsets.UTF_8);
    this.sleeper = sleeper;
    faults(faults);
  }

  void faults(SandboxFaults newFaults) {
    synchronized (this) {
      this.faultRandom = new Random(newFaults.seed());
      this.faults = newFaults;
    }
  }

  SandboxFaults faults() {
    return faults;
  }

  void resetCounters() {
    gets.reset();
    posts.reset();
    others.reset();
    serverErrors.reset();
    disconnects.reset();
    statuses.clear();
  }

  SandboxStats stats() {
    RateLimiter.Snapshot rate = limiter.snapshot();
    Map<Integer, Long> byStatus = new HashMap<>();
    for (Map.Entry<Integer, LongAdder> entry : statuses.entrySet()) {
      byStatus.put(entry.getKey(), entry.getValue().sum());
    }
    Duration remaining = Duration.ofNanos(rate.blockRemaining == 0 ? 0
        : Math.max(1, time.realNanos(rate.blockRemaining)));
    return new SandboxStats(gets.sum(), posts.sum(), others.sum(), byStatus, serverErrors.sum(),
        disconnects.sum(), remaining, rate.blocks, rate.getsInWindow, rate.postsInWindow,
        rate.peakGets, rate.peakPosts, store.contactCount(), store.groupCount(),
        store.rules().fields().size());
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith(HappyFoxSandbox.ADMIN_PATH)) {
        send(exchange, admin(exchange, path.substring(HappyFoxSandbox.ADMIN_PATH.length())));
      } else {
        api(exchange, path);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "exchange failed", e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "sandbox failure", e);
      try {
        send(exchange, error(ApiError.of(500, ApiError.NON_FIELD,
            "Sandbox failure: " + e.getClass().getSimpleName())));
      } catch (IOException | RuntimeException ignored) {
        // the connection is closed below
      }
    } finally {
      exchange.close();
    }
  }

  // ---------------------------------------------------------------- API

  private void api(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    boolean get = "GET".equals(method);
    boolean post = "POST".equals(method);
    (get ? gets : post ? posts : others).increment();
    byte[] body = readBody(exchange);
    if (body == null) {
      sendCounted(exchange, error(ApiError.of(413, ApiError.NON_FIELD,
          "The request body is larger than " + MAX_BODY_BYTES + " bytes.")));
      return;
    }
    SandboxFaults current = faults;
    if (!current.latency().isZero()) {
      try {
        sleeper.sleep(current.latency());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (!authenticated(exchange.getRequestHeaders())) {
      Response response = error(ApiError.of(401, ApiError.NON_FIELD, "Authentication required:"
          + " HTTP Basic with the API key as user name and the auth code as password."));
      response.headers.put("WWW-Authenticate", "Basic realm=\"HappyFox\"");
      sendCounted(exchange, response);
      return;
    }
    if (get || post) {
      long blockedFor = limiter.admit(get);
      if (blockedFor > 0) {
        Response response = error(ApiError.of(429, ApiError.NON_FIELD, "Rate limit exceeded:"
            + " the account is blocked; retry after the Retry-After header's seconds."));
        response.headers.put("Retry-After", Long.toString(time.realSecondsCeil(blockedFor)));
        sendCounted(exchange, response);
        return;
      }
    }
    int fault = drawFault(current);
    if (fault != 0 && !current.appliedBeforeFailing()) {
      fail(exchange, fault, current);
      return;
    }
    Response response;
    try {
      response = route(method, path, exchange.getRequestURI().getRawQuery(), body);
    } catch (ApiError e) {
      response = error(e);
    }
    if (fault != 0) {
      fail(exchange, fault, current);
      return;
    }
    sendCounted(exchange, response);
  }

  /** 0 for none, 1 for a server error, 2 for a disconnect. */
  private int drawFault(SandboxFaults current) {
    if (current.serverErrorRate() == 0 && current.disconnectRate() == 0) {
      return 0;
    }
    double draw;
    synchronized (this) {
      draw = faultRandom.nextDouble();
    }
    if (draw < current.disconnectRate()) {
      return 2;
    }
    return draw < current.disconnectRate() + current.serverErrorRate() ? 1 : 0;
  }

  private void fail(HttpExchange exchange, int fault, SandboxFaults current) throws IOException {
    if (fault == 2) {
      disconnects.increment();
      // Closing an exchange before its response headers closes the connection: no answer at all.
      return;
    }
    serverErrors.increment();
    sendCounted(exchange, error(ApiError.of(current.serverErrorStatus(), ApiError.NON_FIELD,
        "Injected server error (sandbox fault switch).")));
  }

  /** Counts the status first, so that a client reading the stats after the answer sees it. */
  private void sendCounted(HttpExchange exchange, Response response) throws IOException {
    statuses.computeIfAbsent(response.status, s -> new LongAdder()).increment();
    send(exchange, response);
  }

  private boolean authenticated(Headers headers) {
    String header = headers.getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, expectedCredentials);
  }

  private Response route(String method, String path, String rawQuery, byte[] body) {
    if (!path.startsWith(HappyFoxSandbox.API_PATH)) {
      throw ApiError.notFound("Not found: the API is under " + HappyFoxSandbox.API_PATH
          + " (the sandbox's admin endpoints under " + HappyFoxSandbox.ADMIN_PATH + ").");
    }
    String rest = path.substring(HappyFoxSandbox.API_PATH.length());
    if (!rest.endsWith("/")) {
      throw ApiError.notFound("Not found: HappyFox paths end with '/' (" + path + "/).");
    }
    String[] parts = rest.substring(0, rest.length() - 1).split("/", -1);
    switch (parts[0]) {
      case "users":
        if (parts.length == 1) {
          if ("GET".equals(method)) {
            Map<String, String> query = query(rawQuery);
            int size = intParam(query, "size", Store.DEFAULT_PAGE_SIZE, Store.MAX_PAGE_SIZE);
            int page = intParam(query, "page", 1, Integer.MAX_VALUE);
            return ok(store.listContacts(size, page, query.get("q")), ContactPage.class);
          }
          allow(method, "GET, POST");
          return ok(store.upsert(Json.parse(body)), ContactUpsertResponse.class);
        }
        break;
      case "user":
        if (parts.length == 2 && !parts[1].isEmpty()) {
          String ref = decodeSegment(parts[1]);
          if ("GET".equals(method)) {
            return ok(store.getContact(ref), Contact.class);
          }
          allow(method, "GET, POST");
          return ok(store.update(ref, Json.parse(body)), Contact.class);
        }
        break;
      case "contact_groups":
        if (parts.length == 1) {
          if ("GET".equals(method)) {
            return ok(store.listGroups(), CONTACT_GROUPS);
          }
          allow(method, "GET, POST");
          return ok(store.createGroup(Json.parse(body)), ContactGroupDetail.class);
        }
        break;
      case "contact_group":
        if (parts.length == 2 || parts.length == 3) {
          long id = groupId(parts[1]);
          if (parts.length == 2) {
            if ("GET".equals(method)) {
              return ok(store.getGroup(id), ContactGroupDetail.class);
            }
            allow(method, "GET, POST");
            return ok(store.updateGroup(id, Json.parse(body)), ContactGroupDetail.class);
          }
          if ("update_contacts".equals(parts[2])) {
            allow(method, "POST");
            return ok(store.addToGroup(id, Json.parse(body)), ADD_RESULTS);
          }
          if ("delete_contacts".equals(parts[2])) {
            allow(method, "POST");
            return ok(store.removeFromGroup(id, Json.parse(body)), REMOVE_RESULTS);
          }
        }
        break;
      case "user_custom_fields":
        if (parts.length == 1) {
          allow(method, "GET");
          return ok(store.customFieldDefinitions(), CUSTOM_FIELDS);
        }
        break;
      default:
        break;
    }
    throw ApiError.notFound("Not found: " + path);
  }

  /** Refuses a method the path does not take: 405 with {@code Allow}. */
  private static void allow(String method, String allowed) {
    for (String one : allowed.split(", ")) {
      if (one.equals(method)) {
        return;
      }
    }
    throw ApiError.methodNotAllowed(allowed);
  }

  private static long groupId(String segment) {
    if (!segment.matches("[1-9][0-9]{0,17}")) {
      throw ApiError.notFound("Contact group " + segment + " does not exist.");
    }
    return Long.parseLong(segment);
  }

  private static int intParam(Map<String, String> query, String name, int absent, int max) {
    String value = query.get(name);
    if (value == null) {
      return absent;
    }
    if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1
        || Integer.parseInt(value) > max) {
      throw ApiError.badRequest(name, max == Integer.MAX_VALUE
          ? "Enter a whole number of at least 1."
          : "Enter a whole number from 1 to " + max + ".");
    }
    return Integer.parseInt(value);
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = decodeForm(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decodeForm(pair.substring(eq + 1));
      query.putIfAbsent(name, value);
    }
    return query;
  }

  private static String decodeForm(String text) {
    try {
      return URLDecoder.decode(text, "UTF-8");
    } catch (UnsupportedEncodingException | IllegalArgumentException e) {
      throw ApiError.badRequest(ApiError.NON_FIELD, "Malformed query string.");
    }
  }

  /** Percent-decodes one path segment ({@code +} stays a plus, unlike in a query). */
  static String decodeSegment(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%' && i + 2 < segment.length()) {
        int high = Character.digit(segment.charAt(i + 1), 16);
        int low = Character.digit(segment.charAt(i + 2), 16);
        if (high >= 0 && low >= 0) {
          bytes.write(high * 16 + low);
          i += 2;
          continue;
        }
      }
      byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      bytes.write(encoded, 0, encoded.length);
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- admin

  private Response admin(HttpExchange exchange, String rest) throws IOException {
    String method = exchange.getRequestMethod();
    byte[] body = readBody(exchange);
    try {
      if (body == null) {
        throw ApiError.of(413, ApiError.NON_FIELD, "The request body is too large.");
      }
      switch (rest) {
        case "health":
          allow(method, "GET");
          Map<String, Object> health = new LinkedHashMap<>();
          health.put("status", "ok");
          return new Response(200, Json.write(health));
        case "stats":
          allow(method, "GET");
          return new Response(200, Json.write(stats().toMap()));
        case "reset":
          allow(method, "POST");
          sandbox.reset();
          return new Response(200, Json.write(stats().toMap()));
        case "faults":
          if ("POST".equals(method)) {
            sandbox.faults(faultsFrom(body));
          } else {
            allow(method, "GET, POST");
          }
          return new Response(200, Json.write(faultsToMap(faults)));
        case "contacts":
          allow(method, "GET");
          return ok(store.allContacts(), CONTACTS);
        case "contact_groups":
          allow(method, "GET");
          return ok(store.allGroups(), GROUP_DETAILS);
        default:
          throw ApiError.notFound("Unknown admin endpoint; see " + HappyFoxSandbox.ADMIN_PATH
              + "{health,stats,reset,faults,contacts,contact_groups}.");
      }
    } catch (ApiError e) {
      return error(e);
    }
  }

  private static SandboxFaults faultsFrom(byte[] body) {
    Object parsed = body.length == 0 ? new HashMap<String, Object>() : Json.parse(body);
    if (!(parsed instanceof Map)) {
      throw ApiError.badRequest(ApiError.NON_FIELD, "Expected a JSON object.");
    }
    Map<?, ?> map = (Map<?, ?>) parsed;
    try {
      SandboxFaults faults = SandboxFaults.none();
      if (map.get("latency_ms") != null) {
        faults = faults.withLatency(Duration.ofMillis(number(map, "latency_ms").longValue()));
      }
      if (map.get("server_error_rate") != null) {
        faults = faults.withServerErrorRate(number(map, "server_error_rate").doubleValue());
      }
      if (map.get("server_error_status") != null) {
        faults = faults.withServerErrorStatus(number(map, "server_error_status").intValue());
      }
      if (map.get("disconnect_rate") != null) {
        faults = faults.withDisconnectRate(number(map, "disconnect_rate").doubleValue());
      }
      if (map.get("seed") != null) {
        faults = faults.withSeed(number(map, "seed").longValue());
      }
      if (map.get("applied_before_failing") != null) {
        faults = faults.withAppliedBeforeFailing(Boolean.TRUE.equals(map.get(
            "applied_before_failing")));
      }
      return faults;
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(ApiError.NON_FIELD, e.getMessage());
    }
  }

  private static BigDecimal number(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    if (value instanceof Number) {
      return new BigDecimal(value.toString());
    }
    throw new IllegalArgumentException(key + " must be a number");
  }

  static Map<String, Object> faultsToMap(SandboxFaults faults) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("latency_ms", faults.latency().toMillis());
    map.put("server_error_rate", faults.serverErrorRate());
    map.put("server_error_status", faults.serverErrorStatus());
    map.put("disconnect_rate", faults.disconnectRate());
    map.put("seed", faults.seed());
    map.put("applied_before_failing", faults.appliedBeforeFailing());
    return map;
  }

  // ---------------------------------------------------------------- wire

  private static final class Response {
    final int status;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();

    Response(int status, byte[] body) {
      this.status = status;
      this.body = body;
    }
  }

  private static Response ok(Object model, Type type) {
    return new Response(200, Json.write(model, type));
  }

  private static Response error(ApiError error) {
    Response response = new Response(error.status(),
        Json.write(new ErrorResponse().error(error.errors()), ErrorResponse.class));
    if (error.allow() != null) {
      response.headers.put("Allow", error.allow());
    }
    return response;
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int total = 0;
      int read;
      while ((read = in.read(buffer)) != -1) {
        total += read;
        if (total > MAX_BODY_BYTES) {
          return null;
        }
        out.write(buffer, 0, read);
      }
      return out.toByteArray();
    }
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", JSON);
    for (Map.Entry<String, String> header : response.headers.entrySet()) {
      headers.set(header.getKey(), header.getValue());
    }
    exchange.sendResponseHeaders(response.status, response.body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(response.body);
    }
  }
}
