package io.github.hfcontacts.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * What the budget costs a sequential export, in simulated time: the real client and budget, with
 * a simulated network in which every request takes 50 ms of fake time. Prints the figures.
 */
class ExportThroughputTest {
  private static final Duration LATENCY = Duration.ofMillis(50);
  private static final MediaType JSON = MediaType.get("application/json");

  private final FakeClock clock = new FakeClock();
  private final List<Duration> sends = new ArrayList<>();

  /** Answers every request after 50 ms of fake time, recording when it was sent. */
  private final Interceptor network = chain -> {
    Request request = chain.request();
    sends.add(clock.elapsed());
    clock.advance(LATENCY);
    String body = request.method().equals("GET")
        ? "{\"page_info\": {\"count\": 100000, \"page_count\": 2000}, \"data\": "
            + "[{\"id\": 1, \"name\": \"Ann\", \"email\": \"ann@example.com\"}]}"
        : "{\"id\": 1, \"name\": \"Ann\"}";
    return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200)
        .message("OK").body(ResponseBody.create(body, JSON)).build();
  };

  private HappyFoxClient client() {
    return HappyFoxClient.builder()
        .baseUrl("https://export.example.com")
        .credentials("key", "code")
        .okHttpClient(new OkHttpClient.Builder().addInterceptor(network).build())
        .clock(clock)
        .ticker(clock.ticker())
        .sleeper(clock::advance)
        .build();
  }

  @Test
  void sequentialGetExportKeepsNinetyFivePercentOfTheLimitAfterTheFirstMinute() {
    int pages = 0;
    try (HappyFoxClient client = client()) {
      for (Page<?> page : client.contacts().list().pages()) {
        pages++;
        assertThat(page.number()).isEqualTo(pages);
      }
    }

    assertThat(pages).isEqualTo(2000);
    double perMinute = sustainedPerMinute(500);
    System.out.printf("sequential export: 2000 GETs, 50 ms each, in %.1f s of simulated time; "
            + "sustained %.1f GET/min after the first minute (%.1f %% of 500)%n",
        seconds(sends.get(1999).plus(LATENCY)), perMinute, perMinute / 5);
    assertThat(perMinute).isGreaterThanOrEqualTo(0.95 * 500).isLessThanOrEqualTo(500);
  }

  @Test
  void sequentialPostImportKeepsNinetyFivePercentOfTheLimitAfterTheFirstMinute() {
    try (HappyFoxClient client = client()) {
      TestApi api = client.transport().retrofit(new Moshi.Builder().build()).create(TestApi.class);
      for (int i = 0; i < 1200; i++) {
        client.transport().execute(api.create(Map.of("name", "Ann", "email", "ann@example.com")));
      }
    }

    double perMinute = sustainedPerMinute(300);
    System.out.printf("sequential import: 1200 POSTs, 50 ms each, in %.1f s of simulated time; "
            + "sustained %.1f POST/min after the first minute (%.1f %% of 300)%n",
        seconds(sends.get(1199).plus(LATENCY)), perMinute, perMinute / 3);
    assertThat(perMinute).isGreaterThanOrEqualTo(0.95 * 300).isLessThanOrEqualTo(300);
  }

  /**
   * The rate once the first minute's burst of {@code limit} requests is spent, over whole cycles
   * of the budget: from request {@code limit} (the first that had to wait) to request
   * {@code limit + k * limit}, so that a cycle's fast start is never counted without its wait.
   */
  private double sustainedPerMinute(int limit) {
    int cycles = (sends.size() - 1 - limit) / limit;
    assertThat(cycles).isGreaterThanOrEqualTo(2);
    Duration span = sends.get(limit + cycles * limit).minus(sends.get(limit));
    return cycles * limit * 60.0 / seconds(span);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
