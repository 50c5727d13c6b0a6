package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes every response type through the facade's whole parsing path: a loopback server answers
 * the fuzzer's bytes (status picked by the input, body the rest) to one of the facade's operations,
 * read through OkHttp, the client's interceptors (size cap, error envelope), the buffering
 * converter, Moshi and the facade's own reading (custom fields, bulk results, pages). Only
 * {@link HappyFoxException} subtypes may escape, and no body may take longer than a hang bound.
 *
 * <p>Input layout: byte 0 picks the operation, byte 1 the status, the rest is the body. Without
 * {@code JAZZER_FUZZ} (every {@code ./mvnw verify}) the seed corpus under
 * {@code src/test/resources/io/github/hfcontacts/client/ResponseFuzzTestInputs/} is run; the
 * {@code fuzz} execution of the build sets {@code JAZZER_FUZZ=1} and fuzzes for a fixed number of
 * executions. Outcomes by type are printed and written to {@code target/fuzz-report-*.txt}.
 */
class ResponseFuzzTest {
  private static final int[] STATUSES = {200, 200, 200, 201, 204, 400, 401, 404, 429, 500, 503, 302};
  private static final int OPERATIONS = 12;
  /** A hang detector, not a speed target: far above any sane parse of a 64 KiB body. */
  private static final long HANG_NANOS = TimeUnit.SECONDS.toNanos(20);

  private static final AtomicReference<byte[]> RESPONSE = new AtomicReference<>(new byte[0]);
  private static final AtomicReference<byte[]> BODY = new AtomicReference<>(new byte[0]);
  private static final JsonAdapter<Object> ANY_JSON =
      new Moshi.Builder().build().adapter(Object.class).lenient();
  private static final Map<String, AtomicLong> OUTCOMES = new ConcurrentHashMap<>();
  private static final AtomicLong EXECUTIONS = new AtomicLong();
  private static LoopbackHttpServer server;
  private static HappyFoxClient client;

  @BeforeAll
  static void start() throws IOException {
    server = new LoopbackHttpServer(exchange -> RESPONSE.get());
    FakeClock clock = new FakeClock();
    client = HappyFoxClient.builder()
        .baseUrl(server.baseUrl()).allowInsecureHttpForLoopback()
        .credentials(MockHappyFox.API_KEY, MockHappyFox.AUTH_CODE)
        .rateLimits(RateLimits.unlimited())
        .retryPolicy(RetryPolicy.none())
        .maxResponseBytes(64 * 1024)
        .readTimeout(Duration.ofSeconds(5))
        .clock(clock)
        .sleeper(new RecordingSleeper(clock))
        .build();
  }

  @AfterAll
  static void report() throws IOException {
    client.close();
    server.close();
    String mode = System.getenv("JAZZER_FUZZ") == null ? "regression" : "fuzzing";
    String line = "fuzz (" + mode + "): " + EXECUTIONS.get() + " executions; outcomes "
        + new TreeMap<>(OUTCOMES);
    System.out.println(line);
    Path out = Path.of("target", "fuzz-report-" + mode + ".txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, line + System.lineSeparator(), StandardCharsets.UTF_8);
  }

  @FuzzTest(maxExecutions = 10_000)
  void everyResponseTypeThroughTheFacade(byte[] input) {
    int operation = input.length > 0 ? Byte.toUnsignedInt(input[0]) % OPERATIONS : 0;
    int status = STATUSES[input.length > 1 ? Byte.toUnsignedInt(input[1]) % STATUSES.length : 0];
    byte[] body = input.length > 2 ? Arrays.copyOfRange(input, 2, input.length) : new byte[0];
    BODY.set(body);
    RESPONSE.set(status == 204 ? LoopbackHttpServer.raw(204, "application/json", new byte[0])
        : LoopbackHttpServer.raw(status, "application/json", body));
    EXECUTIONS.incrementAndGet();
    long start = System.nanoTime();
    String outcome;
    try {
      outcome = call(operation);
    } catch (HappyFoxException e) {
      outcome = e.getClass().getSimpleName();
      assertThat(Leaks.found(Leaks.everything(e))).isEmpty();
    }
    OUTCOMES.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    long took = System.nanoTime() - start;
    if (took > HANG_NANOS) {
      throw new AssertionError("operation " + operation + " took "
          + TimeUnit.NANOSECONDS.toMillis(took) + " ms on a " + body.length + "-byte body");
    }
  }

  /** Runs one facade operation against the answer; returns "ok" or throws. */
  private static String call(int operation) {
    Contacts contacts = client.contacts();
    ContactGroups groups = client.contactGroups();
    List<ContactDraft> drafts = List.of(
        ContactDraft.builder().email("a@example.com").name("A").build(),
        ContactDraft.builder().email("b@example.com").name("B").build());
    switch (operation) {
      case 0:
        return describe(CustomFieldValues.from(contacts.get(1)).toString());
      case 1:
        return describe(CustomFieldValues.from(contacts.getByEmail("a@example.com")).all());
      case 2:
        for (Page<io.github.hfcontacts.openapi.model.Contact> page
            : contacts.list().maxPages(1).pages()) {
          describe(page.items());
        }
        return "ok";
      case 3:
        return describe(contacts.upsertResettingOmittedCustomFields(drafts.get(0)));
      case 4:
        return describe(contacts.upsertAllResettingOmittedCustomFields(drafts).items());
      case 5:
        return describe(contacts.updateResettingOmittedCustomFields(1, drafts.get(0)));
      case 6:
        return describe(groups.list());
      case 7:
        return describe(groups.get(1));
      case 8:
        return describe(groups.create("G", null, List.of()));
      case 9:
        return describe(groups.addContacts(1, List.of(GroupMember.of(1), GroupMember.of(2)))
            .items());
      case 10:
        return describe(groups.removeContacts(1, List.of(1L, 2L)).items());
      default:
        return describe(client.customFields().refresh());
    }
  }

  private static String describe(Object result) {
    String text = String.valueOf(result);
    // A result shows what the server sent (unknown keys included, since responses are open): a
    // canary that the answer itself carries is the server's echo, not the client's leak.
    List<String> leaked = new ArrayList<>(Leaks.found(text));
    leaked.removeAll(Leaks.found(answered()));
    assertThat(leaked).isEmpty();
    return "ok";
  }

  /** The answer's body as sent and, where it is JSON, as decoded (escapes resolved). */
  private static String answered() {
    String body = new String(BODY.get(), StandardCharsets.UTF_8);
    try {
      return body + "\n" + ANY_JSON.fromJson(body);
    } catch (IOException | RuntimeException notJson) {
      return body;
    }
  }
}
