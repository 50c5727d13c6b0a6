package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real threads, real time, a real server: two clients sharing one budget with the window scaled
 * down to 500 ms, eight threads sending GETs and POSTs against a loopback server that answers
 * after random delays and records when each request actually arrived. No 500 ms window of
 * arrivals may hold more than the limit. (Only the invariant is asserted, never a speed.)
 */
class ConcurrentArrivalTest {
  private static final Duration WINDOW = Duration.ofMillis(500);
  private static final int GET_LIMIT = 12;
  private static final int POST_LIMIT = 7;

  private final MockWebServer server = new MockWebServer();
  private final List<Long> getArrivals = new ArrayList<>();
  private final List<Long> postArrivals = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    SplittableRandom delays = new SplittableRandom(7);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        long arrival = System.nanoTime();
        synchronized (ConcurrentArrivalTest.this) {
          (request.getMethod().equals("GET") ? getArrivals : postArrivals).add(arrival);
          return MockHappyFox.json(200, "{}")
              .setBodyDelay(delays.nextInt(40), TimeUnit.MILLISECONDS);
        }
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void arrivalsAtTheServerStayWithinTheLimitInEveryWindow() throws Exception {
    RateLimits limits =
        RateLimits.of(GET_LIMIT, POST_LIMIT).withSafetyMargin(Duration.ofMillis(10));
    RateBudget budget = new InMemoryRateBudget(limits, WINDOW, Ticker.system());
    List<HappyFoxClient> clients = List.of(client(budget), client(budget));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        HappyFoxClient client = clients.get(t % 2);
        SplittableRandom mix = new SplittableRandom(t);
        done.add(threads.submit(() -> {
          TestApi api = client.transport().retrofit(new Moshi.Builder().build())
              .create(TestApi.class);
          for (int i = 0; i < 12; i++) {
            if (mix.nextInt(3) == 0) {
              client.transport().execute(api.create(Map.of("name", "Ann")));
            } else {
              client.transport().execute(api.list(50, 1));
            }
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
      clients.forEach(HappyFoxClient::close);
    }

    int worstGet = worst(getArrivals, GET_LIMIT);
    int worstPost = worst(postArrivals, POST_LIMIT);
    System.out.printf("concurrent arrivals: %d GET and %d POST from 8 threads; worst %d ms "
            + "window: %d of %d GET, %d of %d POST%n", getArrivals.size(), postArrivals.size(),
        WINDOW.toMillis(), worstGet, GET_LIMIT, worstPost, POST_LIMIT);
    assertThat(getArrivals.size() + postArrivals.size()).isEqualTo(96);
    assertThat(worstGet).isLessThanOrEqualTo(GET_LIMIT);
    assertThat(worstPost).isLessThanOrEqualTo(POST_LIMIT);
  }

  private HappyFoxClient client(RateBudget budget) {
    return HappyFoxClient.builder()
        .baseUrl("http://127.0.0.1:" + server.getPort() + "/")
        .allowInsecureHttpForLoopback()
        .credentials("key", "code")
        .rateBudget(budget)
        .build();
  }

  private synchronized int worst(List<Long> arrivals, int limit) {
    ArrivalWindows windows = new ArrivalWindows(WINDOW);
    arrivals.forEach(at -> windows.add(at, at));
    return windows.check(limit).worst;
  }
}
