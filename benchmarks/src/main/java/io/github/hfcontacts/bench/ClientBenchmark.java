package io.github.hfcontacts.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The four operations for each variant. The server runs in another JVM when
 * {@code -Dbench.apiBase=http://127.0.0.1:<port>/api/1.1/json/} is given (what {@code run.sh}
 * does, so that {@code -prof gc} counts the client's allocations only), else in this one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientBenchmark {
  @Param({"raw", "generated", "facade", "stock"})
  public String variant;

  private BenchServer ownServer;
  private Variant client;

  @Setup
  public void setUp() throws IOException {
    String apiBase = System.getProperty("bench.apiBase");
    if (apiBase == null) {
      ownServer = BenchServer.start();
      apiBase = ownServer.apiBase();
    }
    client = Variant.create(variant, apiBase);
  }

  @TearDown
  public void tearDown() throws IOException {
    client.close();
    if (ownServer != null) {
      ownServer.close();
    }
  }

  @Benchmark
  public Object getContact() throws IOException {
    return client.getContact();
  }

  @Benchmark
  public Object getPage() throws IOException {
    return client.getPage();
  }

  @Benchmark
  public Object parsePage() throws IOException {
    return client.parsePage(Fixtures.PAGE);
  }

  @Benchmark
  public Object upsert100() throws IOException {
    return client.upsert100();
  }
}
