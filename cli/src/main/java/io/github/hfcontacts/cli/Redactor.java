package io.github.hfcontacts.cli;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;

/**
 * Replaces secrets in a line before it is printed: the API key, the auth code and their HTTP
 * Basic encoding. A second guard behind the client's own redaction.
 */
final class Redactor {
  static final String MASK = "[redacted]";

  private final List<String> secrets = new ArrayList<>();

  Redactor(List<String> values) {
    for (String value : values) {
      if (value != null && value.length() >= 4) {
        secrets.add(value);
      }
    }
    if (values.size() == 2 && values.get(0) != null && values.get(1) != null) {
      secrets.add(Base64.getEncoder().encodeToString(
          (values.get(0) + ":" + values.get(1)).getBytes(StandardCharsets.UTF_8)));
    }
    secrets.sort((a, b) -> b.length() - a.length());
  }

  String scrub(String line) {
    String out = line;
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }
}
