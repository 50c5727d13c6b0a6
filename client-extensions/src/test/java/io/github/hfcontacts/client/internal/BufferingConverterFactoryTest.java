package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.Okio;
import org.junit.jupiter.api.Test;
import retrofit2.Converter;
import retrofit2.Retrofit;

class BufferingConverterFactoryTest {
  static final MediaType JSON = MediaType.get("application/json");

  /** Stands in for the JSON converter: counts the bytes it is given, allocating nothing per byte. */
  static final class CountingFactory extends Converter.Factory {
    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
      return body -> {
        long size = body.source().getBuffer().size();
        if (body.source().getBuffer().getByte(0) == '!') {
          throw new IOException("parser says no");
        }
        body.source().skip(size);
        return size;
      };
    }
  }

  static Converter<ResponseBody, Object> converter() {
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl("http://127.0.0.1/")
        .addConverterFactory(new BufferingConverterFactory(512))
        .addConverterFactory(new CountingFactory())
        .build();
    return retrofit.responseBodyConverter(Long.class, new Annotation[0]);
  }

  /** A body as it arrives from the network: a buffered source over the socket's bytes. */
  static ResponseBody arriving(Buffer bytes) {
    long size = bytes.size();
    return ResponseBody.create(Okio.buffer((okio.Source) bytes), JSON, size);
  }

  static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  @Test
  void theWholeBodyReachesTheConverterWithoutBeingCopied() throws IOException {
    Converter<ResponseBody, Object> converter = converter();
    int size = 4 << 20;
    assertThat(converter.convert(arriving(new Buffer().write(new byte[size])))).isEqualTo((long) size);
    Buffer body = new Buffer().write(new byte[size]);

    long before = allocatedBytes();
    Object converted = converter.convert(arriving(body));
    long allocated = allocatedBytes() - before;

    assertThat(converted).isEqualTo((long) size);
    // A copy of the body would allocate at least 4 MiB; reading into the source's own buffer moves
    // the segments instead.
    assertThat(allocated).isLessThan(size / 8);
  }

  @Test
  void aParseFailureKeepsTheStartOfTheBody() {
    String text = "!" + "é".repeat(2000);
    assertThatThrownBy(() -> converter().convert(arriving(new Buffer().writeUtf8(text))))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessage("parser says no")
        .satisfies(e -> assertThat(((MalformedBodyException) e).bodyExcerpt()).isEqualTo(text.substring(0, 512)));
  }

  @Test
  void anEmptyBodyIsMalformed() {
    assertThatThrownBy(() -> converter().convert(arriving(new Buffer())))
        .isInstanceOf(MalformedBodyException.class).hasMessage("empty body");
  }

  @Test
  void aNumberLiteralPastTheLimitIsRefusedBeforeTheConverterRuns() {
    String body = "{\"n\":" + "5".repeat(1001) + "}";
    assertThatThrownBy(() -> converter().convert(arriving(new Buffer().writeUtf8(body))))
        .isInstanceOf(MalformedBodyException.class)
        .hasMessage("number literal of more than 1000 characters at byte 5")
        .hasNoCause();
  }
}
