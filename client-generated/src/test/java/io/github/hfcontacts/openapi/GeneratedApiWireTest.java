package io.github.hfcontacts.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hfcontacts.openapi.api.ContactGroupsApi;
import io.github.hfcontacts.openapi.api.ContactsApi;
import io.github.hfcontacts.openapi.model.ContactPage;
import io.github.hfcontacts.openapi.model.ContactUpsert;
import io.github.hfcontacts.openapi.model.ContactUpsertRequest;
import io.github.hfcontacts.openapi.model.ContactUpsertResponse;
import io.github.hfcontacts.openapi.model.GroupContactUpdate;
import io.github.hfcontacts.openapi.moshi.HappyFoxConverterFactory;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Response;
import retrofit2.Retrofit;

/** The generated Retrofit interfaces with HappyFoxConverterFactory, checked on both sides of the wire. */
class GeneratedApiWireTest {
  MockWebServer server;
  ContactsApi contacts;
  ContactGroupsApi groups;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    Retrofit retrofit = new Retrofit.Builder()
        .baseUrl(server.url("/api/1.1/json/"))
        .client(new OkHttpClient())
        .addConverterFactory(HappyFoxConverterFactory.create())
        .build();
    contacts = retrofit.create(ContactsApi.class);
    groups = retrofit.create(ContactGroupsApi.class);
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  @Test
  void listContactsSendsPagingAndSearchAsQuery() throws Exception {
    server.enqueue(new MockResponse().setBody(
        "{\"page_info\":{\"count\":1,\"page_count\":1},\"data\":[{\"id\":4,\"name\":\"John Doe\",\"email\":\"john@example.com\"}]}"));
    Response<ContactPage> response = contacts.listContacts(50, 2, "name:adam email:adam@example.com").execute();
    assertThat(response.body().getData()).extracting(c -> c.getEmail()).containsExactly("john@example.com");
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getPath()).isEqualTo("/api/1.1/json/users/?size=50&page=2&q=name%3Aadam%20email%3Aadam%40example.com");
  }

  @Test
  void bulkUpsertSendsAnArrayAndReadsPerItemResults() throws Exception {
    server.enqueue(new MockResponse().setBody("[{\"email\":\"a@example.com\",\"success\":true,\"id\":14}]"));
    ContactUpsertRequest body = ContactUpsertRequest.ofContactUpsertList(
        List.of(new ContactUpsert().email("a@example.com").name("A").putAdditionalProperty("c-cf-4", "XHR1234")));
    ContactUpsertResponse response = contacts.createOrUpdateContacts(body).execute().body();
    assertThat(response.getContactUpsertResultList().get(0).getId()).isEqualTo(14L);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/api/1.1/json/users/");
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().readUtf8()).isEqualTo("[{\"name\":\"A\",\"email\":\"a@example.com\",\"c-cf-4\":\"XHR1234\"}]");
  }

  @Test
  void anEmailInThePathIsPercentEncoded() throws Exception {
    server.enqueue(new MockResponse().setBody("{\"id\":33,\"name\":\"James\",\"email\":\"j+x/y@example.com\"}"));
    contacts.getContact("j+x/y@example.com").execute();
    assertThat(server.takeRequest().getPath()).isEqualTo("/api/1.1/json/user/j+x%2Fy@example.com/");
  }

  @Test
  void addContactsToGroupSendsTheGroupIdInThePath() throws Exception {
    server.enqueue(new MockResponse().setBody("[{\"success\":true,\"data\":{\"contact\":41,\"access_tickets\":true}}]"));
    groups.addContactsToGroup(3L, List.of(new GroupContactUpdate().contact(41L).accessTickets(true))).execute();
    RecordedRequest request = server.takeRequest();
    assertThat(request.getPath()).isEqualTo("/api/1.1/json/contact_group/3/update_contacts/");
    assertThat(request.getBody().readUtf8()).isEqualTo("[{\"contact\":41,\"access_tickets\":true}]");
  }
}
