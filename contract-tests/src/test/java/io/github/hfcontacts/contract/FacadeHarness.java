package io.github.hfcontacts.contract;

import io.github.hfcontacts.client.HappyFoxClient;
import io.github.hfcontacts.client.RateLimits;
import io.github.hfcontacts.client.RetryPolicy;
import io.github.hfcontacts.contract.prism.PrismHttp;
import io.github.hfcontacts.contract.prism.PrismMock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The facade, {@link HappyFoxClient}, wired to a Prism mock through the builder's options only:
 * {@code baseUrl} + {@code allowInsecureHttpForLoopback()} for Prism's {@code http://127.0.0.1},
 * dummy credentials, {@code RateLimits.unlimited()}, {@code RetryPolicy.none()} unless a test
 * customises the builder, and a caller-supplied {@link OkHttpClient} carrying three test
 * interceptors:
 * <ul>
 *   <li>an application interceptor that adds the {@code Prefer} header the test chose (per
 *       request), or answers a request itself when the test registered a local answer;</li>
 *   <li>a network interceptor that records every request reaching Prism (so a test can count
 *       them: zero for a request the facade refuses) and Prism's answer;</li>
 *   <li>in that network interceptor, the removal of the {@code /api/1.1/json} prefix: the facade
 *       always appends HappyFox's API path to the base URL, while Prism serves the document's
 *       paths ({@code /users/}, ...) at its root and ignores the document's {@code servers}.</li>
 * </ul>
 */
final class FacadeHarness implements AutoCloseable {

    private static final int MAX_RECORDED_BODY = 256 * 1024;

    private final List<GeneratedApi.Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<String> preferHeaders = new CopyOnWriteArrayList<>();
    private volatile Function<Request, String> prefer = request -> null;
    private volatile Predicate<Request> answerLocallyIf = request -> false;
    private volatile String localAnswer;
    final HappyFoxClient client;

    private FacadeHarness(PrismMock prism, Consumer<HappyFoxClient.Builder> customizer) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .addInterceptor(this::preferOrAnswer)
                .addNetworkInterceptor(this::stripPrefixAndRecord)
                .build();
        HappyFoxClient.Builder builder = HappyFoxClient.builder()
                .baseUrl(prism.baseUrl())
                .allowInsecureHttpForLoopback()
                .credentials(GeneratedApi.API_KEY, GeneratedApi.AUTH_CODE)
                .okHttpClient(http)
                .rateLimits(RateLimits.unlimited())
                .retryPolicy(RetryPolicy.none());
        customizer.accept(builder);
        client = builder.build();
    }

    static FacadeHarness against(PrismMock prism) {
        return new FacadeHarness(prism, b -> { });
    }

    static FacadeHarness against(PrismMock prism, Consumer<HappyFoxClient.Builder> customizer) {
        return new FacadeHarness(prism, customizer);
    }

    /** Sends {@code Prefer: <value>} on every following request ({@code null}: none). */
    FacadeHarness prefer(String value) {
        return prefer(request -> value);
    }

    /** Chooses the {@code Prefer} header of each following request. */
    FacadeHarness prefer(Function<Request, String> chooser) {
        prefer = chooser;
        return this;
    }

    /**
     * Answers the requests matching {@code which} with {@code json} (HTTP 200) without sending them
     * to Prism; they are not recorded as reaching Prism.
     */
    FacadeHarness answerLocally(Predicate<Request> which, String json) {
        localAnswer = json;
        answerLocallyIf = which;
        return this;
    }

    /** The requests that reached Prism, with Prism's answers, in order. */
    List<GeneratedApi.Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    /** How many requests reached Prism. */
    int requestCount() {
        return exchanges.size();
    }

    /** The {@code Prefer} headers sent, in order. */
    List<String> preferHeaders() {
        return new ArrayList<>(preferHeaders);
    }

    /** Fails unless at least one request reached Prism and Prism accepted every one (2xx, no violations). */
    void assertAllAccepted() {
        if (exchanges.isEmpty()) {
            throw new AssertionError("no request reached Prism");
        }
        for (GeneratedApi.Exchange exchange : exchanges) {
            if (exchange.status() / 100 != 2 || exchange.violations() != null) {
                throw new AssertionError("Prism did not accept a request of the facade: " + exchange);
            }
        }
    }

    /** The only exchange; fails unless exactly one request reached Prism. */
    GeneratedApi.Exchange single() {
        if (exchanges.size() != 1) {
            throw new AssertionError("expected exactly one request to reach Prism, got " + exchanges);
        }
        return exchanges.get(0);
    }

    private Response preferOrAnswer(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        if (answerLocallyIf.test(request)) {
            return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                    .body(ResponseBody.create(localAnswer, MediaType.get("application/json"))).build();
        }
        String value = prefer.apply(request);
        if (value != null) {
            preferHeaders.add(value);
            request = request.newBuilder().header("Prefer", value).build();
        }
        return chain.proceed(request);
    }

    private Response stripPrefixAndRecord(Interceptor.Chain chain) throws IOException {
        Request request = PrismHttp.atPrismRoot(chain.request());
        String requestBody = GeneratedApi.bodyText(request);
        Response response = chain.proceed(request);
        exchanges.add(new GeneratedApi.Exchange(request.method(), request.url().toString(), requestBody, response.code(),
                response.header(PrismHttp.VIOLATIONS_HEADER), response.peekBody(MAX_RECORDED_BODY).string()));
        return response;
    }

    @Override
    public void close() {
        client.close();
    }
}
