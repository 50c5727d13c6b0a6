package io.github.hfcontacts.cli;

import io.github.hfcontacts.sandbox.HappyFoxSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code happyfox-contacts.jar} as a child process, as a person or a script does. */
final class JarProcess {
  final Path dir;
  final List<String> jvm = new ArrayList<>();
  final Map<String, String> env = new java.util.HashMap<>();

  JarProcess(Path dir) {
    this.dir = dir;
  }

  /** A process in {@code dir} with the environment variables set to this sandbox's credentials. */
  static JarProcess against(Path dir, HappyFoxSandbox sandbox) {
    JarProcess process = new JarProcess(dir);
    process.env.put(Credentials.API_KEY_VARIABLE, sandbox.apiKey());
    process.env.put(Credentials.AUTH_CODE_VARIABLE, sandbox.authCode());
    return process;
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("cli.jar", "target/happyfox-contacts.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the integration tests with"
          + " 'mvn verify' (after package)");
    }
    return jar;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvm);
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    command.addAll(List.of(args));
    return command;
  }

  Process start(String... args) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command(args)).directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile());
    builder.environment().remove(Credentials.API_KEY_VARIABLE);
    builder.environment().remove(Credentials.AUTH_CODE_VARIABLE);
    builder.environment().put("XDG_CACHE_HOME", dir.resolve(".cache").toString());
    builder.environment().putAll(env);
    return builder.start();
  }

  /** Runs to the end (at most an hour) and returns the exit code. */
  Result run(String... args) throws IOException, InterruptedException {
    Process process = start(args);
    if (!process.waitFor(60, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("happyfox-contacts did not finish in an hour");
    }
    return new Result(process.exitValue(),
        Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }

  /** What a finished process left. */
  static final class Result {
    final int exitCode;
    final String stdout;
    final String stderr;

    Result(int exitCode, String stdout, String stderr) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
  }
}
