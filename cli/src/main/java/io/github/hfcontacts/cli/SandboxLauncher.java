package io.github.hfcontacts.cli;

import io.github.hfcontacts.sandbox.HappyFoxSandbox;

/**
 * Starts the embedded sandbox for {@code --sandbox}: an in-memory HappyFox on a free loopback
 * port, seeded with generated contacts, custom fields and groups, with HappyFox's rate limits
 * (500 GET and 300 POST a minute, a 10-minute block after a 429) in time that runs
 * {@code timeScale} times faster. It lives as long as the command.
 */
final class SandboxLauncher {
  private SandboxLauncher() {}

  static HappyFoxSandbox start(int seedContacts, long seed, double timeScale) {
    try {
      return HappyFoxSandbox.builder()
          .port(0)
          .seed(seed)
          .seedContacts(seedContacts)
          .timeScale(timeScale)
          .start();
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--sandbox: " + e.getMessage());
    }
  }
}
