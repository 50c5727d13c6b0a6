package io.github.hfcontacts.sandbox;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of what a {@link HappyFoxSandbox} has seen and holds: API requests by method,
 * responses by status (429s, 401s...), injected faults, the rate limiter's state (blocked or not,
 * requests in the current rolling window, the busiest window so far) and the number of contacts,
 * groups and custom fields stored. Requests to the {@code /_sandbox/} admin endpoints are not
 * counted. {@code GET /_sandbox/stats} answers the same figures as JSON ({@link #toJson()}).
 *
 * <p>Example: after a bulk import that must not trip HappyFox's limits,
 * <pre>{@code
 * SandboxStats stats = sandbox.stats();
 * assertEquals(0, stats.rateLimited());          // no 429 answered
 * assertTrue(stats.peakPostsPerWindow() <= 300); // never more than 300 POSTs in a minute
 * assertEquals(1000, stats.contacts());
 * }</pre>
 *
 * <p>Thread safety: immutable.
 */
public final class SandboxStats {
  private final long getRequests;
  private final long postRequests;
  private final long otherRequests;
  private final Map<Integer, Long> responses;
  private final long serverErrorsInjected;
  private final long disconnectsInjected;
  private final Duration blockRemaining;
  private final long blocks;
  private final int getsInWindow;
  private final int postsInWindow;
  private final int peakGetsPerWindow;
  private final int peakPostsPerWindow;
  private final int contacts;
  private final int contactGroups;
  private final int customFields;

  SandboxStats(long getRequests, long postRequests, long otherRequests,
      Map<Integer, Long> responses, long serverErrorsInjected, long disconnectsInjected,
      Duration blockRemaining, long blocks, int getsInWindow, int postsInWindow,
      int peakGetsPerWindow, int peakPostsPerWindow, int contacts, int contactGroups,
      int customFields) {
    this.getRequests = getRequests;
    this.postRequests = postRequests;
    this.otherRequests = otherRequests;
    this.responses = Collections.unmodifiableMap(new TreeMap<>(responses));
    this.serverErrorsInjected = serverErrorsInjected;
    this.disconnectsInjected = disconnectsInjected;
    this.blockRemaining = blockRemaining;
    this.blocks = blocks;
    this.getsInWindow = getsInWindow;
    this.postsInWindow = postsInWindow;
    this.peakGetsPerWindow = peakGetsPerWindow;
    this.peakPostsPerWindow = peakPostsPerWindow;
    this.contacts = contacts;
    this.contactGroups = contactGroups;
    this.customFields = customFields;
  }

  /**
   * Returns the API GET requests received (answered or not: 401s and 429s included).
   *
   * @return the count since start or the last reset
   */
  public long getRequests() {
    return getRequests;
  }

  /**
   * Returns the API POST requests received (401s and 429s included).
   *
   * @return the count since start or the last reset
   */
  public long postRequests() {
    return postRequests;
  }

  /**
   * Returns the API requests with another method (answered 405).
   *
   * @return the count
   */
  public long otherRequests() {
    return otherRequests;
  }

  /**
   * Returns every API request received.
   *
   * @return GET + POST + other
   */
  public long requests() {
    return getRequests + postRequests + otherRequests;
  }

  /**
   * Returns how many API responses had this status.
   *
   * <p>Example: {@code stats.responses(200)}.
   *
   * @param status an HTTP status
   * @return the count, 0 when never answered
   */
  public long responses(int status) {
    Long count = responses.get(status);
    return count == null ? 0 : count;
  }

  /**
   * Returns the API responses by status.
   *
   * @return unmodifiable, ordered by status
   */
  public Map<Integer, Long> responsesByStatus() {
    return responses;
  }

  /**
   * Returns the 429 responses answered (the request over the limit and every request during a
   * block).
   *
   * @return the count
   */
  public long rateLimited() {
    return responses(429);
  }

  /**
   * Returns the 401 responses answered (missing or wrong credentials).
   *
   * @return the count
   */
  public long unauthorized() {
    return responses(401);
  }

  /**
   * Returns the server errors injected by {@link SandboxFaults}.
   *
   * @return the count
   */
  public long serverErrorsInjected() {
    return serverErrorsInjected;
  }

  /**
   * Returns the connections closed without an answer by {@link SandboxFaults}.
   *
   * @return the count
   */
  public long disconnectsInjected() {
    return disconnectsInjected;
  }

  /**
   * Returns whether the account is blocked now (every API request answered 429).
   *
   * @return whether blocked
   */
  public boolean blocked() {
    return !blockRemaining.isZero();
  }

  /**
   * Returns how long the block still lasts, in real time.
   *
   * @return zero when not blocked
   */
  public Duration blockRemaining() {
    return blockRemaining;
  }

  /**
   * Returns how many blocks the rate limiter has started.
   *
   * @return the count
   */
  public long blocks() {
    return blocks;
  }

  /**
   * Returns the GET requests counted in the current rolling window.
   *
   * @return the count
   */
  public int getsInWindow() {
    return getsInWindow;
  }

  /**
   * Returns the POST requests counted in the current rolling window.
   *
   * @return the count
   */
  public int postsInWindow() {
    return postsInWindow;
  }

  /**
   * Returns the most GET requests admitted in any rolling window so far (measured also when the
   * limits are off).
   *
   * @return the peak
   */
  public int peakGetsPerWindow() {
    return peakGetsPerWindow;
  }

  /**
   * Returns the most POST requests admitted in any rolling window so far.
   *
   * @return the peak
   */
  public int peakPostsPerWindow() {
    return peakPostsPerWindow;
  }

  /**
   * Returns the contacts stored.
   *
   * @return the count
   */
  public int contacts() {
    return contacts;
  }

  /**
   * Returns the contact groups stored.
   *
   * @return the count
   */
  public int contactGroups() {
    return contactGroups;
  }

  /**
   * Returns the custom-field definitions of the account.
   *
   * @return the count
   */
  public int customFields() {
    return customFields;
  }

  /**
   * Returns the figures as the JSON object {@code GET /_sandbox/stats} answers.
   *
   * <p>Example: {@code {"requests": {"GET": 12, "POST": 3, "other": 0, "total": 15},
   * "responses": {"200": 14, "429": 1}, "rate_limited": 1, "unauthorized": 0, "faults":
   * {"server_errors": 0, "disconnects": 0}, "rate_limit": {"blocked": true,
   * "block_remaining_seconds": 600.0, "blocks": 1, "gets_in_window": 10, "posts_in_window": 3,
   * "peak_gets_per_window": 10, "peak_posts_per_window": 3}, "contacts": 3, "contact_groups": 0,
   * "custom_fields": 6}}}.
   *
   * @return the JSON text
   */
  public String toJson() {
    return new String(Json.write(toMap()), java.nio.charset.StandardCharsets.UTF_8);
  }

  Map<String, Object> toMap() {
    Map<String, Object> requests = new LinkedHashMap<>();
    requests.put("GET", getRequests);
    requests.put("POST", postRequests);
    requests.put("other", otherRequests);
    requests.put("total", requests());
    Map<String, Object> byStatus = new LinkedHashMap<>();
    for (Map.Entry<Integer, Long> entry : responses.entrySet()) {
      byStatus.put(Integer.toString(entry.getKey()), entry.getValue());
    }
    Map<String, Object> faults = new LinkedHashMap<>();
    faults.put("server_errors", serverErrorsInjected);
    faults.put("disconnects", disconnectsInjected);
    Map<String, Object> rateLimit = new LinkedHashMap<>();
    rateLimit.put("blocked", blocked());
    rateLimit.put("block_remaining_seconds", blockRemaining.toMillis() / 1000.0);
    rateLimit.put("blocks", blocks);
    rateLimit.put("gets_in_window", getsInWindow);
    rateLimit.put("posts_in_window", postsInWindow);
    rateLimit.put("peak_gets_per_window", peakGetsPerWindow);
    rateLimit.put("peak_posts_per_window", peakPostsPerWindow);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("requests", requests);
    json.put("responses", byStatus);
    json.put("rate_limited", rateLimited());
    json.put("unauthorized", unauthorized());
    json.put("faults", faults);
    json.put("rate_limit", rateLimit);
    json.put("contacts", contacts);
    json.put("contact_groups", contactGroups);
    json.put("custom_fields", customFields);
    return json;
  }

  /**
   * Returns the figures in one line.
   *
   * @return the JSON form
   */
  @Override
  public String toString() {
    return "SandboxStats" + toJson();
  }
}
