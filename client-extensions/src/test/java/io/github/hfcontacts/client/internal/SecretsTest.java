package io.github.hfcontacts.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
  private static final String KEY = "CANARY-KEY-7f3a";
  private static final String CODE = "CANARY/AUTH 9c1e";
  private final Secrets secrets = new Secrets(List.of(KEY, CODE));

  @Test
  void cleanChainIsReturnedAsIs() {
    IOException clean = new IOException("connection reset", new IllegalStateException("x"));

    assertThat(secrets.scrub(clean)).isSameAs(clean);
  }

  @Test
  void causeQuotingTheKeyIsReplacedByACopyOfTheSameClass() {
    JsonDataException parser = new JsonDataException("Expected a long but was " + KEY + " at path $.id");
    IOException top = new IOException("malformed", parser);

    IOException scrubbed = secrets.scrub(top);

    assertThat(scrubbed).isNotSameAs(top).isExactlyInstanceOf(IOException.class);
    assertThat(scrubbed.getCause()).isExactlyInstanceOf(JsonDataException.class)
        .hasMessage("Expected a long but was ██ at path $.id");
    assertThat(scrubbed.getCause().getStackTrace()).isEqualTo(parser.getStackTrace());
    assertThat(printed(scrubbed)).doesNotContain(KEY).contains("JsonDataException");
  }

  @Test
  void suppressedExceptionsAndPercentEncodedSecretsAreScrubbed() {
    ProtocolException top = new ProtocolException("Unexpected status line: HTTP/1.1 2x0 " + KEY);
    top.addSuppressed(new IOException("redirect to /?code=CANARY%2FAUTH+9c1e"));

    Throwable scrubbed = secrets.scrub((Throwable) top);

    assertThat(scrubbed).isExactlyInstanceOf(ProtocolException.class);
    assertThat(scrubbed.getSuppressed()).hasSize(1);
    assertThat(printed(scrubbed)).doesNotContain(KEY).doesNotContain("CANARY%2FAUTH+9c1e")
        .contains("Unexpected status line: HTTP/1.1 2x0 ██");
  }

  @Test
  void classWithoutAStringConstructorBecomesARedactedStandInNamingIt() {
    IOException odd = new IOException(KEY) {
      private static final long serialVersionUID = 1L;
    };

    IOException scrubbed = secrets.scrub(odd);

    assertThat(scrubbed).isInstanceOf(Secrets.RedactedIOException.class);
    assertThat(scrubbed.toString()).startsWith(odd.getClass().getName() + " (redacted): ██");
    assertThat(scrubbed.getStackTrace()).isEqualTo(odd.getStackTrace());
  }

  @Test
  void exceptionWhoseToStringShowsTheSecretIsReplacedByAStandIn() {
    RuntimeException loud = new LoudException();

    Throwable scrubbed = secrets.scrub(loud);

    assertThat(scrubbed).isInstanceOf(Secrets.RedactedException.class);
    assertThat(printed(scrubbed)).doesNotContain(KEY);
  }

  @Test
  void selfReferencingChainsTerminate() {
    IOException a = new IOException("a " + KEY);
    IOException b = new IOException("b", a);
    a.addSuppressed(b);

    assertThat(printed(secrets.scrub(b))).doesNotContain(KEY);
  }

  @Test
  void truncatedTextLosesAHalfSecretAtItsEnd() {
    assertThat(secrets.scrubTruncated("body: {\"k\":\"CANARY-KE")).isEqualTo("body: {\"k\":\"██");
    assertThat(secrets.scrubTruncated("body: ok")).isEqualTo("body: ok");
    assertThat(secrets.scrubTruncated("CAN")).isEqualTo("CAN");
  }

  private static String printed(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out, true));
    return out.toString();
  }

  /** Public, with a (String) constructor, but shows a secret whatever its message. */
  public static final class LoudException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoudException() {
      super("loud");
    }

    public LoudException(String message) {
      super(message);
    }

    @Override
    public String toString() {
      return "LoudException[" + KEY + "]";
    }
  }
}
