package io.github.hfcontacts.openapi.moshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactUpsert;
import java.lang.annotation.Annotation;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.junit.jupiter.api.Test;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/** {@link HappyFoxConverterFactory}: Retrofit's Moshi converter that recycles what is left. */
class ConverterFactoryTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String CONTACT = "{\"id\":33,\"name\":\"James\",\"email\":\"james@example.com\"}";

  private static Retrofit retrofit(Converter.Factory factory) {
    return new Retrofit.Builder().baseUrl("http://127.0.0.1/").addConverterFactory(factory).build();
  }

  private static Converter<ResponseBody, Contact> contactConverter(Converter.Factory factory) {
    return retrofit(factory).responseBodyConverter(Contact.class, new Annotation[0]);
  }

  /**
   * A body as Retrofit hands one to a converter: read through a buffered source of Retrofit's own
   * over the network's, which closing the body does not close.
   */
  private static final class RetrofitsBody extends ResponseBody {
    final BufferedSource network;
    final BufferedSource source;

    RetrofitsBody(String text) {
      network = Okio.buffer((Source) new Buffer().writeUtf8(text));
      source = Okio.buffer(new ForwardingSource(network) {});
    }

    @Override
    public MediaType contentType() {
      return JSON;
    }

    @Override
    public long contentLength() {
      return -1;
    }

    @Override
    public BufferedSource source() {
      return source;
    }

    @Override
    public void close() {
      try {
        network.close();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Test
  void whatFollowsTheJsonValueGoesBackToThePool() throws Exception {
    RetrofitsBody body = new RetrofitsBody(CONTACT + "\n");

    Contact contact = contactConverter(HappyFoxConverterFactory.create()).convert(body);

    assertThat(contact.getId()).isEqualTo(33L);
    assertThat(contact.getEmail()).isEqualTo("james@example.com");
    assertThat(body.source.getBuffer().size()).isZero();
  }

  @Test
  void retrofitsOwnMoshiConverterLeavesTheFinalNewlineBuffered() throws Exception {
    RetrofitsBody body = new RetrofitsBody(CONTACT + "\n");

    contactConverter(MoshiConverterFactory.create(HappyFoxMoshi.create())).convert(body);

    // The segment holding it is dropped with the buffer, unless the buffer is cleared.
    assertThat(body.source.getBuffer().size()).isEqualTo(1);
  }

  @Test
  void aBodyThatDoesNotFitFailsAsWithMoshiAndIsReturnedToo() {
    RetrofitsBody body = new RetrofitsBody("{\"name\":\"no id\"} \n");

    assertThatThrownBy(() -> contactConverter(HappyFoxConverterFactory.create()).convert(body))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("id");
    assertThat(body.source.getBuffer().size()).isZero();
  }

  @Test
  void requestBodiesAreWrittenByHappyFoxMoshi() throws Exception {
    Converter<ContactUpsert, RequestBody> converter = retrofit(HappyFoxConverterFactory.create())
        .requestBodyConverter(ContactUpsert.class, new Annotation[0], new Annotation[0]);

    RequestBody body = converter.convert(
        new ContactUpsert().email("a@example.com").putAdditionalProperty("c-cf-4", "XHR1234"));

    Buffer written = new Buffer();
    body.writeTo(written);
    assertThat(written.readUtf8()).isEqualTo("{\"email\":\"a@example.com\",\"c-cf-4\":\"XHR1234\"}");
    assertThat(body.contentType().toString()).startsWith("application/json");
  }
}
