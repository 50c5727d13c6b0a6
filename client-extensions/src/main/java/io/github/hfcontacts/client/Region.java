package io.github.hfcontacts.client;

/**
 * Where a HappyFox account is hosted, which decides its API host name.
 *
 * <p>Example: {@code HappyFoxClient.builder().account("acme", Region.EU)} talks to
 * {@code https://acme.happyfox.net/api/1.1/json/}.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum Region {
  /** Accounts hosted in the United States: {@code https://<account>.happyfox.com/}. */
  US("happyfox.com"),
  /** Accounts hosted in the European Union: {@code https://<account>.happyfox.net/}. */
  EU("happyfox.net");

  private final String domain;

  Region(String domain) {
    this.domain = domain;
  }

  /**
   * Returns the parent domain of this region's account hosts.
   *
   * <p>Example: {@code Region.EU.domain()} returns {@code "happyfox.net"}.
   *
   * @return the domain, without a leading dot
   */
  public String domain() {
    return domain;
  }
}
