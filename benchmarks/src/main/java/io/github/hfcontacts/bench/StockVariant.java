package io.github.hfcontacts.bench;

import io.github.hfcontacts.bench.stock.api.ContactsApi;
import io.github.hfcontacts.bench.stock.client.ApiClient;
import io.github.hfcontacts.bench.stock.client.ApiException;
import io.github.hfcontacts.bench.stock.client.JSON;
import io.github.hfcontacts.bench.stock.model.ContactPage;
import io.github.hfcontacts.bench.stock.model.ContactUpsert;
import io.github.hfcontacts.bench.stock.model.ContactUpsertRequest;
import io.github.hfcontacts.bench.stock.model.ContactUpsertResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stock Java client that openapi-generator 7.25.0 makes from the same spec with
 * {@code library=okhttp-gson} and its default templates, used as its README shows.
 */
final class StockVariant implements Variant {
  private final ApiClient apiClient = new ApiClient();
  private final ContactsApi api;
  private final ContactUpsertRequest batch;

  StockVariant(String apiBase) {
    apiClient.setHttpClient(apiClient.getHttpClient().newBuilder().socketFactory(NoDelaySockets.INSTANCE).build());
    apiClient.setBasePath(apiBase.substring(0, apiBase.length() - 1));
    apiClient.setUsername("bench-api-key");
    apiClient.setPassword("bench-auth-code");
    api = new ContactsApi(apiClient);
    List<ContactUpsert> items = new ArrayList<>();
    for (int i = 1; i <= Drafts.COUNT; i++) {
      items.add(new ContactUpsert().name(Drafts.name(i)).email(Drafts.email(i))
          .putAdditionalProperty("c-cf-8", Drafts.ACCOUNT_MANAGER)
          .putAdditionalProperty("c-cf-4", Drafts.REGION_CHOICE));
    }
    batch = new ContactUpsertRequest(items);
  }

  @Override
  public Object getContact() throws IOException {
    try {
      return api.getContact("33");
    } catch (ApiException e) {
      throw new IOException(e);
    }
  }

  @Override
  public Object getPage() throws IOException {
    try {
      return api.listContacts(50, 2, null);
    } catch (ApiException e) {
      throw new IOException(e);
    }
  }

  @Override
  public Object parsePage(byte[] bytes) {
    // What the stock ApiClient does with a response: the body as a string, then Gson.
    return JSON.deserialize(new String(bytes, StandardCharsets.UTF_8), ContactPage.class);
  }

  @Override
  public Object upsert100() throws IOException {
    try {
      ContactUpsertResponse response = api.createOrUpdateContacts(batch);
      if (!(response.getActualInstance() instanceof List)) {
        throw new IOException("unexpected results");
      }
      return response;
    } catch (ApiException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    Variant.release(apiClient.getHttpClient());
  }
}
