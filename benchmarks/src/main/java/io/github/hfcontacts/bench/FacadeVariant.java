package io.github.hfcontacts.bench;

import io.github.hfcontacts.client.BulkResult;
import io.github.hfcontacts.client.ContactDraft;
import io.github.hfcontacts.client.CustomFieldValue;
import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.RateLimits;
import io.github.hfcontacts.client.internal.BufferingConverterFactory;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The facade, {@link HappyFoxClient}, with its defaults except an unlimited rate budget. Its
 * parse-from-bytes is the facade's conversion path (the buffering converter with its checks, then
 * Moshi), since the facade offers no parsing of its own.
 */
final class FacadeVariant implements Variant {
  private static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient shared = new OkHttpClient.Builder().socketFactory(NoDelaySockets.INSTANCE).build();
  private final HappyFoxClient client;
  private final Converter<ResponseBody, ?> pageConverter;
  private final List<ContactDraft> drafts = new ArrayList<>();

  FacadeVariant(String apiBase) {
    client = HappyFoxClient.builder()
        .baseUrl(apiBase)
        .allowInsecureHttpForLoopback()
        .credentials("bench-api-key", "bench-auth-code")
        .rateLimits(RateLimits.unlimited())
        .okHttpClient(shared)
        .build();
    pageConverter = new Retrofit.Builder()
        .baseUrl(apiBase)
        .addConverterFactory(new BufferingConverterFactory(512))
        .addConverterFactory(MoshiConverterFactory.create(HappyFoxMoshi.create()))
        .build()
        .responseBodyConverter(ContactPage.class, new Annotation[0]);
    for (int i = 1; i <= Drafts.COUNT; i++) {
      drafts.add(ContactDraft.builder().name(Drafts.name(i)).email(Drafts.email(i))
          .customField(CustomFieldValue.text(8, Drafts.ACCOUNT_MANAGER))
          .customField(CustomFieldValue.choice(4, Drafts.REGION_CHOICE))
          .build());
    }
  }

  @Override
  public Object getContact() {
    return client.contacts().get(33);
  }

  @Override
  public Object getPage() {
    return client.contacts().list().maxPages(1).pages().iterator().next();
  }

  @Override
  public Object parsePage(byte[] bytes) throws IOException {
    return pageConverter.convert(ResponseBody.create(bytes, JSON));
  }

  @Override
  public Object upsert100() throws IOException {
    BulkResult<ContactDraft> result = client.contacts()
        .upsertAllResettingOmittedCustomFields(drafts);
    if (!result.failures().isEmpty() || result.items().size() != Drafts.COUNT) {
      throw new IOException("unexpected results");
    }
    return result;
  }

  @Override
  public void close() {
    client.close();
    Variant.release(shared);
  }
}
