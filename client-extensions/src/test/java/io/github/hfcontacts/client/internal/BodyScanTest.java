package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BodyScanTest {
  static BufferedSource network(String body) {
    return Okio.buffer((okio.Source) new Buffer().writeUtf8(body));
  }

  /**
   * Whether the first segment of {@code buffer} is shared with another buffer: a read-write
   * cursor then has to swap it for a private copy, with a different array. Okio never recycles a
   * shared segment.
   */
  static boolean firstSegmentIsShared(Buffer buffer) {
    byte[] before;
    try (Buffer.UnsafeCursor reading = buffer.readUnsafe()) {
      reading.seek(0);
      before = reading.data;
    }
    try (Buffer.UnsafeCursor writing = buffer.readAndWriteUnsafe()) {
      writing.seek(0);
      return writing.data != before;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"error\":[]}", "\uFEFF{\"error\":\"x\"}", " \n\t\r{ \"error\" : 1}", "{\"\\u0065rror\":[]}",
      "{\"error\"}"})
  void startsLikeAnEnvelope(String body) throws IOException {
    assertThat(BodyScan.mayBeErrorEnvelope(network(body))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "{}", "{ }", "[{\"error\":[]}]", "{\"errors\":[]}", "{\"err\":1}", "{\"id\":1,\"error\":[]}",
      "\"error\"", "{'error':[]}", "{\"erro", "\uFEFF\uFEFF{\"error\":[]}", "<html>"})
  void doesNotStartLikeAnEnvelope(String body) throws IOException {
    assertThat(BodyScan.mayBeErrorEnvelope(network(body))).isFalse();
  }

  @Test
  void theEnvelopeCheckConsumesNothingAndSharesNoSegment() throws IOException {
    String body = "{\"page_info\":{\"count\":50},\"data\":[" + "{\"id\":1},".repeat(5000) + "{\"id\":2}]}";
    BufferedSource source = network(body);

    assertThat(BodyScan.mayBeErrorEnvelope(source)).isFalse();

    assertThat(firstSegmentIsShared(source.getBuffer())).isFalse();
    assertThat(source.readUtf8()).isEqualTo(body);
  }

  @Test
  void aPeekSharesTheSegmentThatTheCheckAvoidsSharing() throws IOException {
    // The probe above must be able to fail: peeking, as the check once did, shares the segment.
    BufferedSource source = network("{\"data\":[" + "1,".repeat(5000) + "1]}");
    source.request(1);
    source.peek().readByte();
    assertThat(firstSegmentIsShared(source.getBuffer())).isTrue();
  }

  @Test
  void findsANumberLiteralLongerThanTheLimitWherevereItIs() {
    for (int offset : new int[] {0, 1, 998, 999, 1000, 8190, 8191, 8192, 20_000}) {
      String body = "[" + "\"x\",".repeat(0) + " ".repeat(offset) + "-1." + "2".repeat(997) + "e+5,0]";
      // "-1." + 997 digits + "e+5" is 1,003 characters
      assertThat(BodyScan.longNumberLiteral(new Buffer().writeUtf8(body), 1000))
          .as("literal at %d", offset).isEqualTo(offset + 1);
    }
  }

  @Test
  void aLiteralAtTheLimitPasses() {
    String body = "[" + "9".repeat(1000) + "," + "8".repeat(1000) + ",\"" + "7".repeat(1000) + "\"]";
    assertThat(BodyScan.longNumberLiteral(new Buffer().writeUtf8(body), 1000)).isEqualTo(-1);
  }

  @Test
  void aLongRunInsideAStringIsNotANumber() {
    String body = "{\"a\":\"x\\\"" + "1".repeat(50_000) + "\\\\\",\"b\":\"" + "2e-".repeat(10_000) + "\"}";
    assertThat(BodyScan.longNumberLiteral(new Buffer().writeUtf8(body), 1000)).isEqualTo(-1);
    String after = body + " " + "3".repeat(1001);
    assertThat(BodyScan.longNumberLiteral(new Buffer().writeUtf8(after), 1000)).isEqualTo(body.length() + 1);
  }

  @Test
  void aShortBodyHasNoLongLiteral() {
    assertThat(BodyScan.longNumberLiteral(new Buffer().writeUtf8("1".repeat(1000)), 1000)).isEqualTo(-1);
    assertThat(BodyScan.longNumberLiteral(new Buffer().writeUtf8("1".repeat(1001)), 1000)).isEqualTo(0);
    assertThat(BodyScan.longNumberLiteral(new Buffer(), 1000)).isEqualTo(-1);
  }

  @Test
  void theHeadIsACopyThatLeavesTheBodyUnsharedAndUnread() {
    Buffer body = new Buffer().writeUtf8("a".repeat(8000)).writeUtf8("b".repeat(8000));
    Buffer head = BodyScan.head(body, 8100);
    assertThat(head.readUtf8()).isEqualTo("a".repeat(8000) + "b".repeat(100));
    assertThat(body.size()).isEqualTo(16_000);
    assertThat(firstSegmentIsShared(body)).isFalse();
    assertThat(BodyScan.head(new Buffer().writeUtf8("xy"), 8).readUtf8()).isEqualTo("xy");
  }
}
