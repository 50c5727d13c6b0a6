package io.github.hfcontacts.bench;

import com.squareup.moshi.JsonAdapter;
import io.github.hfcontacts.openapi.api.ContactsApi;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.model.ContactUpsert;
import io.github.hfcontacts.openapi.model.ContactUpsertRequest;
import io.github.hfcontacts.openapi.model.ContactUpsertResponse;
import io.github.hfcontacts.openapi.moshi.HappyFoxConverterFactory;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okio.Buffer;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;

/** The generated Retrofit interface, wired as the README's "using the generated client directly". */
final class GeneratedVariant implements Variant {
  private final OkHttpClient http;
  private final ContactsApi api;
  private final JsonAdapter<ContactPage> page = HappyFoxMoshi.create().adapter(ContactPage.class);
  private final ContactUpsertRequest batch;

  GeneratedVariant(String apiBase) {
    String authorization = Credentials.basic("bench-api-key", "bench-auth-code");
    http = new OkHttpClient.Builder()
        .socketFactory(NoDelaySockets.INSTANCE)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("Authorization", authorization).build()))
        .build();
    api = new Retrofit.Builder()
        .baseUrl(apiBase)
        .client(http)
        .addConverterFactory(HappyFoxConverterFactory.create())
        .build()
        .create(ContactsApi.class);
    List<ContactUpsert> items = new ArrayList<>();
    for (int i = 1; i <= Drafts.COUNT; i++) {
      items.add(new ContactUpsert().name(Drafts.name(i)).email(Drafts.email(i))
          .putAdditionalProperty("c-cf-8", Drafts.ACCOUNT_MANAGER)
          .putAdditionalProperty("c-cf-4", Drafts.REGION_CHOICE));
    }
    batch = ContactUpsertRequest.ofContactUpsertList(items);
  }

  private static <T> T body(Call<T> call) throws IOException {
    Response<T> response = call.execute();
    if (!response.isSuccessful() || response.body() == null) {
      throw new IOException("HTTP " + response.code());
    }
    return response.body();
  }

  @Override
  public Object getContact() throws IOException {
    return body(api.getContact("33"));
  }

  @Override
  public Object getPage() throws IOException {
    return body(api.listContacts(50, 2, null));
  }

  @Override
  public Object parsePage(byte[] bytes) throws IOException {
    return page.fromJson(new Buffer().write(bytes));
  }

  @Override
  public Object upsert100() throws IOException {
    ContactUpsertResponse response = body(api.createOrUpdateContacts(batch));
    if (response.getContactUpsertResultList().size() != Drafts.COUNT) {
      throw new IOException("unexpected results");
    }
    return response;
  }

  @Override
  public void close() {
    Variant.release(http);
  }
}
