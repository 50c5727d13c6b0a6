package io.github.hfcontacts.cli;

import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.sandbox.HappyFoxSandbox;

/** The columns of a sandbox's custom fields, read the way the tool reads them: over HTTP. */
final class SandboxColumns {
  private SandboxColumns() {}

  static ContactColumns of(HappyFoxSandbox sandbox) {
    try (HappyFoxClient client = HappyFoxClient.builder().baseUrl(sandbox.baseUrl())
        .allowInsecureHttpForLoopback().credentials(sandbox.apiKey(), sandbox.authCode())
        .build()) {
      return new ContactColumns(client.customFields().definitions());
    }
  }
}
