package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.API_KEY;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What parsers and OkHttp quote into their messages must not carry a credential out. */
class CauseChainLeakTest {
  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  @Test
  void keyWhereANumberBelongsLeavesNoTraceInTheCause() throws Exception {
    mock.enqueueJson(200, "{\"id\":\"" + API_KEY + "\",\"name\":\"Ann\"}");

    MalformedResponseException thrown =
        Thrown.by(MalformedResponseException.class, () -> mock.client().contacts().get(7));

    assertThat(thrown.getCause()).as("the parser's exception is kept, scrubbed").isNotNull();
    assertThat(thrown.getCause().getMessage()).doesNotContain(API_KEY).contains("at path $.id");
    Leaks.assertNone(thrown, mock.logLines);
    MockHappyFox.assertGet(mock.take(), "user/7/");
  }

  @Test
  void statusLineCarryingTheKeyBecomesAScrubbedProtocolException() throws Exception {
    mock.enqueue(json(200, "{}").setStatus("HTTP/1.1 2x0 " + API_KEY));

    NetworkException thrown = Thrown.by(NetworkException.class,
        () -> mock.client().contactGroups().create("VIP", null, java.util.List.of()));

    assertThat(thrown.getCause()).isExactlyInstanceOf(ProtocolException.class);
    assertThat(thrown.getCause().getMessage()).contains("2x0 ██");
    assertThat(thrown.attempts()).isEqualTo(1);
    Leaks.assertNone(thrown, mock.logLines);
    assertThat(mock.requestCount()).isEqualTo(1);
  }
}
