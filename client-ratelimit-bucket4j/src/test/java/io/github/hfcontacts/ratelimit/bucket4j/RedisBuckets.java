package io.github.hfcontacts.ratelimit.bucket4j;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Bucket4j proxy manager over one Lettuce connection, set up as the module's documentation
 * advises: commands fail at once while Redis is unreachable, and within 5 s at worst (a loaded test machine can be slow to answer).
 */
final class RedisBuckets implements AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, byte[]> connection;
  final ProxyManager<String> buckets;

  private RedisBuckets(String uri, TimeMeter clock) {
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(Duration.ofSeconds(5));
    this.client = RedisClient.create(redisUri);
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(5)))
        .build());
    this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> builder =
        Bucket4jLettuce.casBasedBuilder(connection);
    if (clock != null) {
      builder.clientClock(clock);
    }
    this.buckets = builder.build();
  }

  /** Buckets on the real clock. */
  static RedisBuckets connect(String uri) {
    return new RedisBuckets(uri, null);
  }

  /** Buckets whose refills read {@code clock}. */
  static RedisBuckets connect(String uri, TimeMeter clock) {
    return new RedisBuckets(uri, clock);
  }

  /** Returns the keys matching a Redis glob {@code pattern}, sorted. */
  List<String> keys(String pattern) {
    List<String> keys = new ArrayList<>(connection.sync().keys(pattern));
    Collections.sort(keys);
    return keys;
  }

  /** Deletes every key: a fresh store for the next test. */
  void flush() {
    connection.sync().flushall();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
