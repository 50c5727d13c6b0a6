package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.assertGet;
import static io.github.hfcontacts.client.MockHappyFox.assertPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hfcontacts.openapi.model.Contact;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The asynchronous view: same requests and errors, and cancellation that reaches the wire. */
class AsyncTest {
  private static final long WAIT_SECONDS = 10;

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  /** Runs the operations of the tests that count finished ones. */
  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void stopExecutor() {
    executor.shutdownNow();
  }

  @Test
  void asyncGetCompletesWithTheContactAfterTheSameRequest() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");

    Contact james = mock.client().async().contacts().getByEmail("james@example.com")
        .get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(james.getId()).isEqualTo(33L);
    assertGet(mock.take(), "user/james@example.com/");
  }

  @Test
  void asyncReadMergeWriteSendsBothRequests() throws Exception {
    mock.enqueueFixture("contact-33-with-custom-fields.json");
    mock.enqueueFixture("contact-33-updated.json");

    mock.client().async().contacts()
        .updateByEmail("james@example.com", ContactDraft.builder().name("Jo").build())
        .get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertGet(mock.take(), "user/james@example.com/");
    assertPost(mock.take(), "user/james@example.com/",
        "{\"name\": \"Jo\", " + CustomFieldsTest.ALL_FIELDS_OF_33 + "}");
  }

  @Test
  void asyncFailuresAreTheSynchronousExceptions() throws Exception {
    mock.enqueueJson(404, "{\"error\": \"Not found\"}");

    CompletableFuture<Contact> missing = mock.client().async().contacts().get(7);
    AtomicReference<Throwable> seen = new AtomicReference<>();
    missing.handle((contact, failure) -> {
      seen.set(failure);
      return null;
    }).get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(seen.get()).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("GET /api/1.1/json/user/7/");
    assertThatThrownBy(missing::join).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
    assertGet(mock.take(), "user/7/");
  }

  @Test
  void asyncArgumentErrorsFailTheFutureAndSendNothing() {
    CompletableFuture<Contact> bad = mock.client().async().contacts().get(0);

    assertThatThrownBy(() -> bad.get(WAIT_SECONDS, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasRootCauseMessage("contactId must be a positive id but was 0");
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void operationsRunOnTheGivenExecutor() throws Exception {
    List<String> threads = new ArrayList<>();
    HappyFoxClient client = mock.use(mock.builder()
        .asyncExecutor(task -> {
          Thread thread = new Thread(task, "given-executor");
          threads.add(thread.getName());
          thread.start();
        })
        .build());
    mock.enqueueFixture("contact.json");

    Contact ann = client.async().contacts().get(42).get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertThat(ann.getId()).isEqualTo(42L);
    assertThat(threads).containsExactly("given-executor");
  }

  @Test
  void cancelClosesTheConnectionOfTheRequestInFlightAndSendsNoOther() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      server.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      CountDownLatch finished = new CountDownLatch(1);
      HappyFoxClient client = mock.use(mock.builderFor("http://127.0.0.1:" + server.getLocalPort())
          .asyncExecutor(task -> executor.execute(() -> {
            task.run();
            finished.countDown();
          }))
          .build());

      CompletableFuture<Contact> pending = client.async().contacts().get(33);
      try (Socket connection = server.accept()) {
        connection.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        InputStream in = connection.getInputStream();
        assertThat(requestHead(in)).startsWith("GET /api/1.1/json/user/33/ HTTP/1.1");

        assertThat(pending.cancel(true)).isTrue();

        // The client closes the connection: the server reads the end of the stream (or a reset).
        assertThat(readUntilClosed(in)).isTrue();
      }
      assertThat(finished.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
      server.setSoTimeout(1);
      assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
    }
    assertThat(mock.sleeper.sleeps()).isEmpty();
  }

  @Test
  void cancelDuringARetryWaitSendsNoFurtherRequest() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    AtomicReference<Throwable> wokenBy = new AtomicReference<>();
    HappyFoxClient client = mock.use(mock.builder()
        .sleeper(duration -> {
          waiting.countDown();
          try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(60));
          } catch (InterruptedException e) {
            wokenBy.set(e);
            throw e;
          }
        })
        .asyncExecutor(task -> executor.execute(() -> {
          task.run();
          finished.countDown();
        }))
        .build());
    mock.enqueueJson(503, "{}");
    mock.enqueueFixture("contact.json");

    CompletableFuture<Contact> pending = client.async().contacts().get(42);
    assertThat(waiting.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    pending.cancel(false);

    assertThat(finished.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(wokenBy.get()).isInstanceOf(InterruptedException.class);
    assertThatThrownBy(pending::join).isInstanceOf(CancellationException.class);
    assertGet(mock.take(), "user/42/");
    assertThat(mock.requestCount()).isEqualTo(1);
  }

  @Test
  void aCancelledOperationThatHasNotStartedSendsNothing() throws Exception {
    List<Runnable> queued = new ArrayList<>();
    HappyFoxClient client = mock.use(mock.builder().asyncExecutor(queued::add).build());

    CompletableFuture<Contact> pending = client.async().contacts().get(42);
    pending.cancel(true);
    queued.forEach(Runnable::run);

    assertThat(pending).isCancelled();
    assertThat(mock.requestCount()).isZero();
  }

  @Test
  void closingTheClientStopsItsDefaultExecutor() {
    HappyFoxClient client = mock.client();
    client.close();

    CompletableFuture<Contact> late = client.async().contacts().get(42);

    assertThatThrownBy(late::join).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(mock.requestCount()).isZero();
  }

  /** Reads a request head up to its blank line. */
  private static String requestHead(InputStream in) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
    StringBuilder head = new StringBuilder();
    for (String line = reader.readLine(); line != null && !line.isEmpty();
        line = reader.readLine()) {
      head.append(line).append('\n');
    }
    return head.toString();
  }

  /** Reads until the peer closes the connection; false if it stays open for the whole timeout. */
  private static boolean readUntilClosed(InputStream in) throws IOException {
    try {
      while (in.read() != -1) {
        // the request has no body; anything else would be read and ignored
      }
      return true;
    } catch (SocketException reset) {
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    }
  }
}
