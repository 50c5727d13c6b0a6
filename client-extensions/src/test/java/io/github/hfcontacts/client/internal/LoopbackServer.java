package io.github.hfcontacts.client.internal;

import java.io.IOException;
import java.net.InetAddress;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A MockWebServer on 127.0.0.1 and a free port, started before each test and shut down after. */
final class LoopbackServer implements BeforeEachCallback, AfterEachCallback {
  final MockWebServer server = new MockWebServer();

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    server.shutdown();
  }
}
