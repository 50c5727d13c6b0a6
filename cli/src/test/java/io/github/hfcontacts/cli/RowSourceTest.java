package io.github.hfcontacts.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowSourceTest {
  @TempDir Path dir;

  @Test
  void csvRowsAreNumberedFromOneAfterTheHeader() throws Exception {
    List<InputRow> rows = read(fixture("mixed.csv"), FileFormat.CSV);

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).number).isEqualTo(1);
    assertThat(rows.get(0).cells).containsEntry("email", "ann@example.com")
        .containsEntry("Account Number", "A-1");
    assertThat(rows.get(1).number).isEqualTo(2);
    assertThat(rows.get(1).cells).containsEntry("name", "Bob \"the builder\"")
        .containsEntry("Account Number", "multi\nline");
    assertThat(rows.get(2).problem).isEqualTo("has 2 cells but the header has 3");
  }

  @Test
  void csvHeaderSkipsTheByteOrderMark() throws Exception {
    try (RowSource source = RowSource.open(fixture("mixed.csv"), FileFormat.CSV)) {
      assertThat(source.headers()).containsExactly("email", "name", "Account Number");
    }
  }

  @Test
  void csvHeaderNamingAColumnTwiceIsRefused() throws IOException {
    Path file = dir.resolve("twice.csv");
    Files.writeString(file, "email,Name,name\n");

    assertThatThrownBy(() -> read(file, FileFormat.CSV))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("names column \"name\" twice");
  }

  @Test
  void emptyCsvIsRefused() throws IOException {
    Path file = dir.resolve("empty.csv");
    Files.writeString(file, "");

    assertThatThrownBy(() -> read(file, FileFormat.CSV))
        .hasMessageContaining("needs a header row");
  }

  @Test
  void jsonLinesKeepTypesAsCellsAndReportBadLines() throws Exception {
    List<InputRow> rows = read(fixture("mixed.jsonl"), FileFormat.JSONL);

    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).cells).containsEntry("Credit Limit", "12.5")
        .containsEntry("login_enabled", "false");
    assertThat(rows.get(1).number).isEqualTo(2);
    assertThat(rows.get(1).cells).containsEntry("Products", List.of("Helpdesk", "Live Chat"))
        .containsEntry("Account Number", Cells.NULL);
    assertThat(rows.get(2).problem).contains("\"nested\" holds an object");
    assertThat(rows.get(3).problem).contains("holds a list, not an object");
    assertThat(rows.get(4).problem).startsWith("is not a JSON object");
  }

  @Test
  void invalidUtf8IsAnError() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, new byte[] {'e', 'm', 'a', 'i', 'l', '\n', (byte) 0xe9, '\n'});

    assertThatThrownBy(() -> read(file, FileFormat.CSV))
        .isInstanceOf(java.nio.charset.CharacterCodingException.class);
  }

  private static List<InputRow> read(Path file, FileFormat format) throws IOException {
    List<InputRow> rows = new ArrayList<>();
    try (RowSource source = RowSource.open(file, format)) {
      InputRow row;
      while ((row = source.next()) != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(RowSourceTest.class.getResource("/rows/" + name).toURI());
  }
}
