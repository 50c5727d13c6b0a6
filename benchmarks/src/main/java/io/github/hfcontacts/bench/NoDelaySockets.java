package io.github.hfcontacts.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Client sockets with TCP_NODELAY, given to every variant alike. Without it a request written in
 * two parts (headers, then a body past Okio's 8 KiB segment) waits for the server's delayed ACK,
 * about 40 ms on loopback, and the bulk upsert would measure that timer instead of the client.
 */
final class NoDelaySockets extends SocketFactory {
  static final NoDelaySockets INSTANCE = new NoDelaySockets();

  private NoDelaySockets() {}

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new Socket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(new Socket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new Socket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(new Socket(address, port, localAddress, localPort));
  }
}
