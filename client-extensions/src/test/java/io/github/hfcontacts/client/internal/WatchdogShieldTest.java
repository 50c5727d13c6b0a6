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
        WatchdogShield shield = WatchdogShield.open(TimeUnit.MINUTES.toNanos(10))) {
      BufferedSource source = Okio.buffer(Okio.source(client));
      source.timeout().timeout(100, TimeUnit.MILLISECONDS);

      // The peer never writes: only the read timeout, not the ten-minute shield, ends the wait.
      assertThatThrownBy(source::readByte)
          .isInstanceOf(InterruptedIOException.class)
          .hasMessage("timeout");
    }
  }

  @Test
  @Timeout(20)
  void aShieldThatExpiresDuringTheAttemptFailsNothing() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
        Socket peer = server.accept()) {
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

      byte read;
      try (WatchdogShield shield = WatchdogShield.open(TimeUnit.MILLISECONDS.toNanos(1))) {
        writer.start();
        read = source.readByte(); // the shield expires long before the byte arrives
      }
      writer.join();

      assertThat(read).isEqualTo((byte) 'x');
      assertThat(client.isClosed()).isFalse();
    }
  }
}
