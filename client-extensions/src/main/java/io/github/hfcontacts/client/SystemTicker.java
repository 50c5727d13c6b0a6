package io.github.hfcontacts.client;

/** {@link Ticker#system()}: a singleton, so that the client can tell it from an injected ticker. */
enum SystemTicker implements Ticker {
  INSTANCE;

  @Override
  public long read() {
    return System.nanoTime();
  }

  @Override
  public String toString() {
    return "Ticker.system()";
  }
}
