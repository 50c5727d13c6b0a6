package io.github.hfcontacts.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/** Hand-written OkHttp + Moshi into plain classes: the floor. */
final class RawVariant implements Variant {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http = new OkHttpClient.Builder().socketFactory(NoDelaySockets.INSTANCE).build();
  private final String apiBase;
  private final String authorization = Credentials.basic("bench-api-key", "bench-auth-code");
  private final Moshi moshi = new Moshi.Builder().build();
  private final JsonAdapter<RawModel.Contact> contact = moshi.adapter(RawModel.Contact.class);
  private final JsonAdapter<RawModel.Page> page = moshi.adapter(RawModel.Page.class);
  private final JsonAdapter<List<RawModel.Upsert>> upserts =
      moshi.adapter(Types.newParameterizedType(List.class, RawModel.Upsert.class));
  private final JsonAdapter<List<RawModel.UpsertResult>> results =
      moshi.adapter(Types.newParameterizedType(List.class, RawModel.UpsertResult.class));
  private final List<RawModel.Upsert> batch = new ArrayList<>();

  RawVariant(String apiBase) {
    this.apiBase = apiBase;
    for (int i = 1; i <= Drafts.COUNT; i++) {
      RawModel.Upsert upsert = new RawModel.Upsert();
      upsert.name = Drafts.name(i);
      upsert.email = Drafts.email(i);
      upsert.accountManager = Drafts.ACCOUNT_MANAGER;
      upsert.region = Drafts.REGION_CHOICE;
      batch.add(upsert);
    }
  }

  private Request.Builder request(String path) {
    return new Request.Builder().url(apiBase + path).header("Authorization", authorization);
  }

  private <T> T call(Request request, JsonAdapter<T> adapter) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      return adapter.fromJson(response.body().source());
    }
  }

  @Override
  public Object getContact() throws IOException {
    return call(request("user/33/").build(), contact);
  }

  @Override
  public Object getPage() throws IOException {
    return call(request("users/?size=50&page=2").build(), page);
  }

  @Override
  public Object parsePage(byte[] bytes) throws IOException {
    return page.fromJson(new Buffer().write(bytes));
  }

  @Override
  public Object upsert100() throws IOException {
    Buffer body = new Buffer();
    upserts.toJson(body, batch);
    List<RawModel.UpsertResult> answers =
        call(request("users/").post(RequestBody.create(body.readByteString(), JSON)).build(), results);
    if (answers.size() != Drafts.COUNT || !answers.get(Drafts.COUNT - 1).success) {
      throw new IOException("unexpected results");
    }
    return answers;
  }

  @Override
  public void close() {
    Variant.release(http);
  }
}
