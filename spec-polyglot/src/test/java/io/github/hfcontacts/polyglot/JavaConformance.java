package io.github.hfcontacts.polyglot;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.github.hfcontacts.openapi.api.ContactCustomFieldsApi;
import io.github.hfcontacts.openapi.api.ContactGroupsApi;
import io.github.hfcontacts.openapi.api.ContactsApi;
import io.github.hfcontacts.openapi.model.Contact;
import io.github.hfcontacts.openapi.model.ContactCustomField;
import io.github.hfcontacts.openapi.model.ContactGroupDetail;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.model.ContactUpdate;
import io.github.hfcontacts.openapi.model.ContactUpsertRequest;
import io.github.hfcontacts.openapi.model.ContactUpsertResponse;
import io.github.hfcontacts.openapi.model.ErrorResponse;
import io.github.hfcontacts.openapi.model.GroupContactRemovalResult;
import io.github.hfcontacts.openapi.model.GroupContactUpdate;
import io.github.hfcontacts.openapi.model.GroupContactUpdateResult;
import io.github.hfcontacts.openapi.model.GroupContactsRemoval;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The conformance program of the project's Java client: the Retrofit interfaces and Moshi models
 * of {@code client-generated}, wired as the README shows. Each step's answer is decoded into the
 * generated model and written back with the same Moshi, as the observation.
 *
 * <p>Arguments: scenario file, results file, API base URL, API key, auth code.
 */
public final class JavaConformance {
  private static final Moshi MOSHI = HappyFoxMoshi.create();

  private final ContactsApi contacts;
  private final ContactGroupsApi groups;
  private final ContactCustomFieldsApi customFields;

  private JavaConformance(String baseUrl, String apiKey, String authCode) {
    OkHttpClient http = new OkHttpClient.Builder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("Authorization", Credentials.basic(apiKey, authCode)).build()))
        .build();
    Retrofit retrofit = new Retrofit.Builder().baseUrl(baseUrl).client(http)
        .addConverterFactory(MoshiConverterFactory.create(MOSHI)).build();
    contacts = retrofit.create(ContactsApi.class);
    groups = retrofit.create(ContactGroupsApi.class);
    customFields = retrofit.create(ContactCustomFieldsApi.class);
  }

  /**
   * Runs every step and writes the results file.
   *
   * @param args scenario file, results file, API base URL, API key, auth code
   */
  public static void main(String[] args) {
    JavaConformance program = new JavaConformance(args[2], args[3], args[4]);
    JvmProgram.run(args[0], args[1],
        (step, params, result) -> result.put("observed", program.perform(step, params)));
  }

  private Object perform(Map<?, ?> step, Map<?, ?> params) throws IOException {
    Object body = step.get("body");
    boolean expectsError = step.containsKey("expect_error");
    switch ((String) step.get("operation")) {
      case "listContactCustomFields":
        return call(customFields.listContactCustomFields(),
            Types.newParameterizedType(List.class, ContactCustomField.class), expectsError);
      case "getContact":
        return call(contacts.getContact((String) params.get("contact")), Contact.class,
            expectsError);
      case "listContacts":
        List<Object> pages = new ArrayList<>();
        int size = ((Number) params.get("size")).intValue();
        for (int page = 1; page <= 20; page++) {
          Response<ContactPage> response = contacts.listContacts(size, page, null).execute();
          ContactPage body0 = success(response);
          pages.add(MOSHI.adapter(ContactPage.class).toJsonValue(body0));
          if (page >= body0.getPageInfo().getPageCount()) {
            break;
          }
        }
        return pages;
      case "createOrUpdateContacts":
        return call(contacts.createOrUpdateContacts(
            MOSHI.adapter(ContactUpsertRequest.class).fromJsonValue(body)),
            ContactUpsertResponse.class, expectsError);
      case "updateContact":
        return call(contacts.updateContact((String) params.get("contact"),
            MOSHI.adapter(ContactUpdate.class).fromJsonValue(body)), Contact.class, expectsError);
      case "addContactsToGroup":
        List<GroupContactUpdate> items = MOSHI.<List<GroupContactUpdate>>adapter(
            Types.newParameterizedType(List.class, GroupContactUpdate.class)).fromJsonValue(body);
        return call(groups.addContactsToGroup(JvmProgram.groupId(params), items),
            Types.newParameterizedType(List.class, GroupContactUpdateResult.class), expectsError);
      case "getContactGroup":
        return call(groups.getContactGroup(JvmProgram.groupId(params)), ContactGroupDetail.class,
            expectsError);
      case "removeContactsFromGroup":
        return call(groups.removeContactsFromGroup(JvmProgram.groupId(params),
            MOSHI.adapter(GroupContactsRemoval.class).fromJsonValue(body)),
            Types.newParameterizedType(List.class, GroupContactRemovalResult.class), expectsError);
      default:
        throw new IllegalArgumentException("unknown operation " + step.get("operation"));
    }
  }

  /** The answer decoded and written back; or, when an error is expected, its status and body. */
  private static <T> Object call(Call<T> call, Type type, boolean expectsError) throws IOException {
    Response<T> response = call.execute();
    if (expectsError && !response.isSuccessful()) {
      ErrorResponse error = MOSHI.adapter(ErrorResponse.class).fromJson(
          response.errorBody().string());
      Map<String, Object> observed = new LinkedHashMap<>();
      observed.put("status", response.code());
      observed.put("body", MOSHI.adapter(ErrorResponse.class).toJsonValue(error));
      return observed;
    }
    return MOSHI.adapter(type).toJsonValue(success(response));
  }

  private static <T> T success(Response<T> response) throws IOException {
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code() + ": " + response.errorBody().string());
    }
    return response.body();
  }
}
