package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;

  @Test
  void roundTripsEveryField() throws IOException {
    Checkpoint checkpoint = new Checkpoint();
    checkpoint.inputFingerprint = "12:abcd";
    checkpoint.mode = "merge";
    checkpoint.report = "/tmp/r.csv";
    checkpoint.totalRows = 1000;
    checkpoint.sendableRows = 990;
    checkpoint.nextRow = 401;
    checkpoint.reportBytes = 12345;
    checkpoint.inflightFrom = 401;
    checkpoint.inflightTo = 502;
    checkpoint.counts.created = 1;
    checkpoint.counts.updated = 2;
    checkpoint.counts.saved = 3;
    checkpoint.counts.unchanged = 4;
    checkpoint.counts.invalid = 5;
    checkpoint.counts.rejected = 6;
    checkpoint.counts.failed = 7;
    Path file = dir.resolve("x.checkpoint");

    checkpoint.write(file);
    Checkpoint read = Checkpoint.read(file);

    assertThat(read).usingRecursiveComparison().isEqualTo(checkpoint);
    assertThat(read.inFlight()).isTrue();
    assertThat(read.counts.done()).isEqualTo(28);
    assertThat(read.counts.failures()).isEqualTo(18);
    assertThat(dir.resolve("x.checkpoint.tmp")).doesNotExist();
  }

  @Test
  void rewritingReplacesTheWholeFile() throws IOException {
    Path file = dir.resolve("x.checkpoint");
    Checkpoint checkpoint = new Checkpoint();
    checkpoint.inputFingerprint = "1:a";
    checkpoint.mode = "merge";
    checkpoint.report = "r";
    checkpoint.nextRow = 1;
    checkpoint.write(file);
    checkpoint.nextRow = 101;
    checkpoint.write(file);

    assertThat(Checkpoint.read(file).nextRow).isEqualTo(101);
  }

  @Test
  void damagedCheckpointIsAConfigurationError() throws IOException {
    Path file = dir.resolve("x.checkpoint");
    Files.writeString(file, "version=1\ninput=1:a\n");

    assertThatThrownBy(() -> Checkpoint.read(file))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining("without --resume");
  }

  @Test
  void fingerprintChangesWithContent() throws IOException {
    Path file = dir.resolve("rows.csv");
    Files.writeString(file, "email\na@example.com\n");
    String before = Checkpoint.fingerprint(file);
    Files.writeString(file, "email\nb@example.com\n");

    assertThat(Checkpoint.fingerprint(file)).isNotEqualTo(before).startsWith("20:");
  }
}
