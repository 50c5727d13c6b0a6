package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar on a terminal: a pseudo-terminal from {@code script}, and a real terminal emulator
 * (tmux, read back with capture-pane). The progress bar is drawn there and only there.
 */
class TerminalIT {
  private static final String SESSION = "happyfox-contacts-it-" + ProcessHandle.current().pid();

  @TempDir Path dir;

  @Test
  void aPseudoTerminalShowsTheProgressBar() throws Exception {
    assumeTrue(onPath("script"), "script (util-linux) is not installed");
    String command = "stty cols 150 rows 30; "
        + shellCommand("--sandbox", "--seed-contacts", "3000", "export", "out.csv");

    Process process = new ProcessBuilder("script", "-qfec", command, "/dev/null")
        .directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("terminal.txt").toFile()).start();

    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).isZero();
    String screen = Files.readString(dir.resolve("terminal.txt"), StandardCharsets.UTF_8);
    assertThat(screen).contains("Exporting", "3000/3000 contacts", "page 60/60", "█",
        "Exported 3,000 contacts (60 pages) from the sandbox to out.csv");
    assertThat(screen).contains("\r"); // the bar redraws itself in place
    assertThat(Files.readAllLines(dir.resolve("out.csv"))).hasSize(3001);
  }

  @Test
  void tmuxShowsTheProgressBarAndTheSummary() throws Exception {
    assumeTrue(onPath("tmux"), "tmux is not installed");
    String command = shellCommand("--sandbox", "--seed-contacts", "3000", "export", "out.csv")
        + "; echo EXIT=$?; sleep 60";

    run("tmux", "new-session", "-d", "-s", SESSION, "-x", "150", "-y", "20", "-c",
        dir.toString(), command);

    List<String> pane = new ArrayList<>();
    JarIT.waitUntil(() -> {
      pane.clear();
      pane.addAll(capture());
      return pane.stream().anyMatch(line -> line.startsWith("EXIT="));
    }, Duration.ofMinutes(3));
    String screen = String.join("\n", pane);
    assertThat(screen).contains("EXIT=0");
    assertThat(pane).anySatisfy(line -> assertThat(line)
        .startsWith("Exporting 100%").contains("█", "3000/3000 contacts", "page 60/60"));
    assertThat(screen).contains("Exported 3,000 contacts (60 pages) from the sandbox");
  }

  @Test
  void withoutATerminalThereIsOnlyTheSummary() throws Exception {
    JarProcess.Result result = new JarProcess(dir)
        .run("--sandbox", "--seed-contacts", "300", "export", "out.csv");

    assertThat(result.exitCode).isZero();
    assertThat(result.stderr).isEmpty();
    assertThat(result.stdout.lines()).hasSize(1);
    assertThat(result.stdout).startsWith("Exported 300 contacts");
  }

  @AfterEach
  void stopTmux() throws Exception {
    if (onPath("tmux")) {
      new ProcessBuilder("tmux", "kill-session", "-t", SESSION).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private List<String> capture() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("tmux", "capture-pane", "-p", "-t", SESSION)
        .redirectErrorStream(true).start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.SECONDS);
    return text.lines().toList();
  }

  private static String shellCommand(String... args) {
    StringBuilder command = new StringBuilder();
    for (String part : new JarProcess(Path.of(".")).command(args)) {
      command.append('\'').append(part.replace("'", "'\\''")).append("' ");
    }
    return command.toString().trim();
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + output);
    }
  }

  private static boolean onPath(String program) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(folder, program))) {
        return true;
      }
    }
    return false;
  }
}
