package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A shield changes when Okio's watchdog wakes, never whether or when a timeout fires. */
class WatchdogShieldTest {
  @Test
  @Timeout(20)
  void aReadTimeoutDueBeforeTheShieldStillFires() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
        Socket quiet = server.accept();
        WatchdogShield shield = new WatchdogShield(TimeUnit.MINUTES.toNanos(10))) {
      shield.cover();
      BufferedSource source = Okio.buffer(Okio.source(client));
      source.timeout().timeout(100, TimeUnit.MILLISECONDS);

      // The peer never writes: only the read timeout, not the ten-minute shield, ends the wait.
      assertThatThrownBy(source::readByte)
          .isInstanceOf(InterruptedIOException.class)
          .hasMessage("timeout");
      assertThat(shield.isCovering()).isTrue();
      assertThat(quiet.isClosed()).isFalse();
    }
  }

  @Test
  @Timeout(20)
  void aShieldThatExpiresDuringAReadFailsNothing() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
        Socket peer = server.accept();
        WatchdogShield shield = new WatchdogShield(TimeUnit.MILLISECONDS.toNanos(1))) {
      BufferedSource source = Okio.buffer(Okio.source(client));
      source.timeout().timeout(10, TimeUnit.SECONDS);
      Thread writer = new Thread(() -> {
        try {
          Thread.sleep(300);
          OutputStream out = peer.getOutputStream();
          out.write('x');
          out.flush();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      shield.cover();
      writer.start();
      byte read = source.readByte(); // the shield expires long before the byte arrives
      writer.join();

      assertThat(read).isEqualTo((byte) 'x');
      assertThat(client.isClosed()).isFalse();
      assertThat(shield.isCovering()).isFalse();
    }
  }

  @Test
  void anExpiredShieldIsQueuedAgainAndCloseTakesItOut() throws Exception {
    WatchdogShield shield = new WatchdogShield(TimeUnit.MILLISECONDS.toNanos(50));
    try {
      assertThat(shield.isCovering()).isFalse();
      shield.cover();
      assertThat(shield.isCovering()).isTrue();
      Thread.sleep(100);
      assertThat(shield.isCovering()).isFalse();

      shield.cover();

      assertThat(shield.isCovering()).isTrue();
      shield.close();
      assertThat(shield.isCovering()).isFalse();
    } finally {
      shield.close();
    }
  }

  @Test
  @Timeout(60)
  void threadsCoveringAtOnceLeaveOneShieldAndNoUnbalancedTimeout() throws Exception {
    // A span of 20 µs makes nearly every call queue a fresh shield, racing the others.
    WatchdogShield shield = new WatchdogShield(TimeUnit.MICROSECONDS.toNanos(20));
    try {
      java.util.List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.List<Thread> threads = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread thread = new Thread(() -> {
          try {
            for (int i = 0; i < 2000; i++) {
              shield.cover();
            }
          } catch (RuntimeException | Error e) {
            failures.add(e);
          }
        });
        threads.add(thread);
        thread.start();
      }
      for (Thread thread : threads) {
        thread.join();
      }

      assertThat(failures).isEmpty();
      shield.close();
      assertThat(shield.isCovering()).isFalse();
    } finally {
      shield.close();
    }
  }

  @Test
  void aSpanMustBePositive() {
    assertThatThrownBy(() -> new WatchdogShield(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("spanNanos must be positive but was 0");
  }
}
