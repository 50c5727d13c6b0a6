package io.github.hfcontacts.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the {@code NAME=value} lines the standalone sandbox prints, up to the ready line. */
final class PrintedCoordinates {
  private PrintedCoordinates() {}

  static Map<String, String> read(InputStream printed) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(printed,
        StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      int eq = line.indexOf('=');
      values.put(line.substring(0, eq), line.substring(eq + 1));
      if (line.equals("HAPPYFOX_SANDBOX_READY=true")) {
        break;
      }
    }
    return values;
  }
}
