package io.github.hfcontacts.contract;

import io.github.hfcontacts.contract.prism.PrismHttp;
import io.github.hfcontacts.contract.prism.PrismMock;
import io.github.hfcontacts.openapi.api.ContactCustomFieldsApi;
import io.github.hfcontacts.openapi.api.ContactGroupsApi;
import io.github.hfcontacts.openapi.api.ContactsApi;
import io.github.hfcontacts.openapi.moshi.HappyFoxMoshi;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Credentials;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import retrofit2.Call;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The generated Retrofit interfaces wired to a Prism mock: Moshi from
 * {@link HappyFoxMoshi#create()}, HTTP Basic authentication (Prism checks that the document's
 * security scheme is used), an optional {@code Prefer} header on every request, and a recorder of
 * the last exchange so that a failure can show what Prism answered.
 */
final class GeneratedApi {

    /** Dummy credentials: Prism only checks that HTTP Basic is used. */
    static final String API_KEY = "contract-test-api-key";
    static final String AUTH_CODE = "contract-test-auth-code";

    private static final int MAX_RECORDED_BODY = 64 * 1024;

    /** One pool and dispatcher for every client of the run. */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(20))
            .callTimeout(Duration.ofSeconds(30))
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .build();

    static final Moshi MOSHI = HappyFoxMoshi.create();

    final ContactsApi contacts;
    final ContactGroupsApi groups;
    final ContactCustomFieldsApi customFields;
    private final AtomicReference<Exchange> last = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();

    private GeneratedApi(String baseUrl, String prefer) {
        OkHttpClient client = SHARED.newBuilder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", Credentials.basic(API_KEY, AUTH_CODE))
                        .build()))
                .addInterceptor(prefer == null ? chain -> chain.proceed(chain.request())
                        : chain -> chain.proceed(chain.request().newBuilder().header("Prefer", prefer).build()))
                .addInterceptor(this::record)
                .build();
        Retrofit retrofit = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(client)
                .addConverterFactory(MoshiConverterFactory.create(MOSHI))
                .build();
        contacts = retrofit.create(ContactsApi.class);
        groups = retrofit.create(ContactGroupsApi.class);
        customFields = retrofit.create(ContactCustomFieldsApi.class);
    }

    /** The interfaces against {@code prism}, without a {@code Prefer} header. */
    static GeneratedApi against(PrismMock prism) {
        return new GeneratedApi(prism.baseUrl(), null);
    }

    /** The interfaces against {@code prism}, sending {@code Prefer: <prefer>} on every request. */
    static GeneratedApi against(PrismMock prism, String prefer) {
        return new GeneratedApi(prism.baseUrl(), prefer);
    }

    /** The last request sent through these interfaces and what Prism answered. */
    Exchange last() {
        return last.get();
    }

    /** How many requests went out through these interfaces. */
    int requestCount() {
        return requests.get();
    }

    /**
     * Executes {@code call} and returns its parsed body, failing the test unless Prism accepted the
     * request (2xx, no {@value PrismHttp#VIOLATIONS_HEADER} header) and the generated client parsed the answer.
     */
    <T> T accepted(Call<T> call) {
        retrofit2.Response<T> response = execute(call);
        Exchange exchange = last();
        if (!response.isSuccessful() || exchange.violations() != null) {
            throw new AssertionError("Prism did not accept the request: " + exchange);
        }
        if (response.body() == null) {
            throw new AssertionError("no body parsed from " + exchange);
        }
        return response.body();
    }

    /**
     * Executes {@code call}; a failure to send, or to parse a 2xx body into the generated types,
     * fails the test with the exchange.
     */
    <T> retrofit2.Response<T> execute(Call<T> call) {
        try {
            return call.execute();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("the generated client failed on " + last() + ": " + e, e);
        }
    }

    private Response record(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        requests.incrementAndGet();
        String requestBody = bodyText(request);
        last.set(new Exchange(request.method(), request.url().toString(), requestBody, 0, null, null));
        Response response = chain.proceed(request);
        String body = response.peekBody(MAX_RECORDED_BODY).string();
        last.set(new Exchange(request.method(), request.url().toString(), requestBody, response.code(),
                response.header(PrismHttp.VIOLATIONS_HEADER), body));
        return response;
    }

    /** The body of {@code request} as text; null when it has none. */
    static String bodyText(Request request) throws IOException {
        if (request.body() == null) {
            return null;
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }

    /** A request and Prism's answer, as text. */
    record Exchange(String method, String url, String requestBody, int status, String violations, String responseBody) {

        @Override
        public String toString() {
            return method + " " + url + (requestBody == null ? "" : " " + abbreviate(requestBody))
                    + " -> HTTP " + status
                    + (violations == null ? "" : ", " + PrismHttp.VIOLATIONS_HEADER + ": " + violations)
                    + ", body: " + (responseBody == null ? "(none)" : abbreviate(responseBody));
        }

        private static String abbreviate(String s) {
            return s.length() <= 2000 ? s : s.substring(0, 2000) + "...(" + s.length() + " chars)";
        }
    }
}
