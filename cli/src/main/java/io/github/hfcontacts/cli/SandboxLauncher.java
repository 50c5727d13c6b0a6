package io.github.hfcontacts.cli;

/** Starts the embedded sandbox for {@code --sandbox}. */
final class SandboxLauncher {
  private SandboxLauncher() {}

  /** A running sandbox. */
  interface Running extends AutoCloseable {
    String baseUrl();

    String apiKey();

    String authCode();
  }

  static Running start(int seedContacts, long seed, double timeScale) {
    throw CliException.config("--sandbox is not available in this build");
  }
}
