package io.github.hfcontacts.openapi.moshi;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Objects;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The Retrofit converter factory for the generated models: Retrofit's {@code MoshiConverterFactory}
 * over {@link HappyFoxMoshi#create()}, plus: once a response body is converted, what is left in
 * its buffer goes back to Okio's pool.
 *
 * <pre>{@code
 * Retrofit retrofit = new Retrofit.Builder()
 *     .baseUrl("https://acme.happyfox.com/api/1.1/json/")
 *     .client(okHttpClient)
 *     .addConverterFactory(HappyFoxConverterFactory.create())
 *     .build();
 * ContactsApi contacts = retrofit.create(ContactsApi.class);
 * }</pre>
 *
 * <p>Why: Moshi stops reading at the end of the JSON value, so whitespace after it (the newline
 * many servers end a body with) stays in the source's buffer; Retrofit reads the body through a
 * buffered source of its own that closing the body does not close. The 8 KiB segment holding that
 * newline was dropped instead of recycled: a new segment per response.
 *
 * <p>Thread safety: immutable.
 */
public final class HappyFoxConverterFactory extends Converter.Factory {
  private final Converter.Factory moshi;

  private HappyFoxConverterFactory(Converter.Factory moshi) {
    this.moshi = moshi;
  }

  /**
   * A factory over a new {@link HappyFoxMoshi#create()}.
   *
   * @return a new factory
   */
  public static HappyFoxConverterFactory create() {
    return create(HappyFoxMoshi.create());
  }

  /**
   * A factory over the given Moshi, for callers who built one with {@link HappyFoxMoshi#builder()}
   * and adapters of their own.
   *
   * @param moshi the Moshi that reads and writes bodies
   * @return a new factory
   */
  public static HappyFoxConverterFactory create(Moshi moshi) {
    return new HappyFoxConverterFactory(
        MoshiConverterFactory.create(Objects.requireNonNull(moshi, "moshi")));
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> delegate = moshi.responseBodyConverter(type, annotations, retrofit);
    return delegate == null ? null : new Returning<>(delegate);
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(Type type,
      Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
    return moshi.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }

  private static final class Returning<T> implements Converter<ResponseBody, T> {
    private final Converter<ResponseBody, T> delegate;

    Returning(Converter<ResponseBody, T> delegate) {
      this.delegate = delegate;
    }

    @Override
    public T convert(ResponseBody value) throws IOException {
      BufferedSource source = value.source(); // taken before the converter closes the body
      try {
        return delegate.convert(value);
      } finally {
        source.getBuffer().clear();
      }
    }
  }
}
