package io.github.hfcontacts.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The standalone jar as other languages' tests run it: a child process that prints its
 * coordinates, serves, and stops when killed or when its standard input closes. Also runs the
 * README's Python example. Runs after {@code package} (failsafe), when the jar exists.
 */
class StandaloneJarIT {
  private static final Path ROOT = Paths.get(System.getProperty("sandbox.projectRoot", ".."))
      .toAbsolutePath().normalize();
  private static final Path JAR = Paths.get(System.getProperty("sandbox.standaloneJar",
      "target/happyfox-contacts-sandbox.jar")).toAbsolutePath();

  private static Process start(String... options) throws IOException {
    String javaCommand = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(javaCommand, "-jar", JAR.toString()));
    command.addAll(List.of(options));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static Map<String, String> coordinates(Process process) throws IOException {
    return PrintedCoordinates.read(process.getInputStream());
  }

  @Test
  void printsItsUrlServesAndStopsWhenStdinCloses() throws Exception {
    Process process = start("--port", "0", "--seed-contacts", "1000", "--exit-on-stdin-close");
    try {
      Map<String, String> values = coordinates(process);
      assertThat(values.get("HAPPYFOX_SANDBOX_URL")).matches(
          "http://127\\.0\\.0\\.1:\\d+/api/1\\.1/json/");
      Http.Answer stats = new Http(null, null, null).send("GET",
          values.get("HAPPYFOX_SANDBOX_ADMIN_URL") + "stats", null).expect(200);
      assertThat(stats.object()).containsEntry("contacts", 1000L);

      process.getOutputStream().close();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isZero();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void stopsWhenTerminated() throws Exception {
    Process process = start("--port", "0");
    try {
      Map<String, String> values = coordinates(process);
      assertThat(values).containsEntry("HAPPYFOX_SANDBOX_READY", "true");

      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void theReadmesPythonExampleRuns() throws Exception {
    assumeThat(Files.isExecutable(Paths.get("/usr/bin/python3"))).as("python3").isTrue();
    Path example = Paths.get("src/test/resources/examples/sandbox_example.py").toAbsolutePath();
    String code = Files.readString(example, StandardCharsets.UTF_8);
    assertThat(Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8))
        .as("README.md shows the example").contains(code.trim());

    Process python = new ProcessBuilder("python3", example.toString()).directory(ROOT.toFile())
        .redirectErrorStream(true).start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(output).isZero();
  }
}
