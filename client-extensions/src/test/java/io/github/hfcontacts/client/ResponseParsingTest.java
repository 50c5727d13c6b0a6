package io.github.hfcontacts.client;

import static io.github.hfcontacts.client.MockHappyFox.API;
import static io.github.hfcontacts.client.MockHappyFox.assertGet;
import static io.github.hfcontacts.client.MockHappyFox.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonDataException;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a 2xx body must be before it is used: not an error envelope (after a byte-order mark too),
 * an object with the properties the spec requires, and no number literal longer than
 * {@link HappyFoxMoshi#MAX_NUMBER_CHARS} characters.
 */
class ResponseParsingTest {
  static final int LIMIT = HappyFoxMoshi.MAX_NUMBER_CHARS;

  @RegisterExtension final MockHappyFox mock = new MockHappyFox();

  private Contact getContact33() {
    return mock.client().contacts().get(33);
  }

  private void assertOneGetOfContact33() throws InterruptedException {
    assertGet(mock.take(), "user/33/");
    assertThat(mock.requestCount()).isEqualTo(1);
    assertThat(mock.sleeper.sleeps()).isEmpty();
  }

  private static String contactWith(String extraMembers) {
    return "{\"id\":33,\"name\":\"James\",\"email\":\"james@example.com\"," + extraMembers + "}";
  }

  @Test
  void anErrorEnvelopeAfterAByteOrderMarkIsAValidationException() throws Exception {
    mock.enqueueFixture("error-after-byte-order-mark.json");

    ValidationException e = Thrown.by(ValidationException.class, this::getContact33);

    assertThat(e).hasMessage("GET " + API + "user/33/ failed: HTTP 200 (email: Enter a valid email address.)");
    assertThat(e.fieldErrors())
        .containsExactly(FieldError.of("email", List.of("Enter a valid email address.")));
    assertThat(e.bodyExcerpt()).hasValueSatisfying(excerpt -> assertThat(excerpt).startsWith("{\"error\""));
    assertOneGetOfContact33();
  }

  @Test
  void aContactAfterAByteOrderMarkIsRead() throws Exception {
    mock.enqueueFixture("contact-after-byte-order-mark.json");

    assertThat(getContact33().getName()).isEqualTo("Ann Example");
    assertOneGetOfContact33();
  }

  @Test
  void anErrorEnvelopeWithWhitespaceOrAnEscapedKeyIsAValidationException() throws Exception {
    mock.enqueueJson(200, " \r\n\t{ \n \"error\" : \"Contact limit reached\" }");
    mock.enqueueJson(200, "{\"\\u0065rror\": [\"Contact limit reached\"]}");

    for (int i = 0; i < 2; i++) {
      ValidationException e = Thrown.by(ValidationException.class, this::getContact33);
      assertThat(e.fieldErrors()).containsExactly(FieldError.of("", List.of("Contact limit reached")));
    }
    assertThat(mock.requestCount()).isEqualTo(2);
  }

  @Test
  void anObjectWhoseFirstKeyOnlyStartsLikeErrorIsNotAnEnvelope() throws Exception {
    mock.enqueueJson(200, "{\"errors\":[],\"id\":33,\"name\":\"James\",\"email\":null}");

    assertThat(getContact33().getId()).isEqualTo(33L);
    assertOneGetOfContact33();
  }

  @Test
  void anEmptyObjectIsNotAContact() throws Exception {
    mock.enqueueJson(200, "{}");

    MalformedResponseException e = Thrown.by(MalformedResponseException.class, this::getContact33);

    assertThat(e).hasMessage("GET " + API + "user/33/ failed: malformed body in HTTP 200 "
        + "(Required property 'id' of Contact is missing or null at path $)");
    assertThat(e.statusCode()).hasValue(200);
    assertThat(e.bodyExcerpt()).hasValue("{}");
    assertOneGetOfContact33();
  }

  @Test
  void aContactWithoutItsIdIsMalformed() throws Exception {
    mock.enqueueJson(200, "{\"name\":\"James\",\"email\":\"james@example.com\"}");

    MalformedResponseException e = Thrown.by(MalformedResponseException.class, this::getContact33);

    assertThat(e.getMessage()).contains("Required property 'id' of Contact");
    assertOneGetOfContact33();
  }

  @Test
  void aNumberLiteralPastTheLimitAnywhereIsMalformedBeforeParsing() throws Exception {
    String digits = "7".repeat(100_000);
    mock.enqueueJson(200, contactWith("\"unknown_new_field\":" + digits));
    mock.enqueueJson(200, contactWith("\"custom_fields\":[{\"id\":6,\"type\":\"number\",\"value\":-0." + digits + "}]"));
    mock.enqueueJson(200, "{\"id\":" + digits + ",\"name\":\"James\",\"email\":null}");

    for (int i = 0; i < 3; i++) {
      MalformedResponseException e = Thrown.by(MalformedResponseException.class, this::getContact33);
      assertThat(e.getMessage()).startsWith("GET " + API + "user/33/ failed: malformed body in HTTP 200 "
          + "(number literal of more than " + LIMIT + " characters at byte ");
      assertThat(e.getCause()).as("refused before parsing").isNotInstanceOf(JsonDataException.class);
      assertThat(e.bodyExcerpt()).hasValueSatisfying(excerpt -> assertThat(excerpt).hasSize(512));
    }
    assertThat(mock.requestCount()).isEqualTo(3);
  }

  @Test
  void aNumberLiteralAtTheLimitIsReadExactly() throws Exception {
    String digits = "1234567890".repeat(LIMIT / 10);
    mock.enqueueJson(200, contactWith("\"custom_fields\":[{\"id\":6,\"type\":\"number\",\"value\":" + digits + "}]"));

    Contact contact = getContact33();

    assertThat(contact.getCustomFields().get(0).getValue()).isEqualTo(new BigInteger(digits));
    assertOneGetOfContact33();
  }

  @Test
  void aLongRunOfDigitsInsideAStringIsText() throws Exception {
    String digits = "5".repeat(20_000);
    mock.enqueueJson(200, contactWith("\"custom_fields\":[{\"id\":6,\"type\":\"text\",\"value\":\"\\\"" + digits + "\"}]"));

    Contact contact = getContact33();

    assertThat(contact.getCustomFields().get(0).getValue()).isEqualTo("\"" + digits);
    assertOneGetOfContact33();
  }

  @Test
  void aQuotedNumberPastTheLimitWhereALongBelongsIsMalformed() throws Exception {
    mock.enqueueJson(200, "{\"id\":\"" + "3".repeat(100_000) + "\",\"name\":\"James\",\"email\":null}");

    MalformedResponseException e = Thrown.by(MalformedResponseException.class, this::getContact33);

    assertThat(e.getMessage()).endsWith("(Number of 100000 characters exceeds the limit of " + LIMIT + " at path $.id)");
    assertOneGetOfContact33();
  }

  @Test
  void aPageOfContactsParsesAcrossManySegments() throws Exception {
    StringBuilder data = new StringBuilder();
    for (int i = 1; i <= 50; i++) {
      data.append(i == 1 ? "" : ",").append(contactWith("\"tickets_count\":" + i + ",\"notes\":\"" + "x".repeat(1500) + "\"")
          .replace("\"id\":33", "\"id\":" + i));
    }
    mock.enqueue(json(200, "{\"page_info\":{\"count\":50,\"page_count\":1},\"data\":[" + data + "]}"));

    List<Contact> all = mock.client().contacts().list().stream().collect(java.util.stream.Collectors.toList());

    assertThat(all).hasSize(50);
    assertThat(all.get(49).getTicketsCount()).isEqualTo(50);
    assertGet(mock.take(), "users/?size=50&page=1");
  }
}
