package io.github.hfcontacts.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hfcontacts.contract.prism.PrismHttp;
import io.github.hfcontacts.contract.prism.PrismMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Plain OkHttp requests with hand-written JSON, for bodies the generated models cannot express
 * (a JSON boolean where the document wants the string {@code "TRUE"}, a property the schema
 * refuses). Authenticated with HTTP Basic as {@link GeneratedApi} is.
 */
final class RawHttp {

    private static final MediaType JSON = MediaType.get("application/json");

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(20))
            .followRedirects(false)
            .retryOnConnectionFailure(false)
            // Idle connections go before Prism's (Node's) 5 s keep-alive ends: a request must never
            // race the server closing the connection it reuses ("unexpected end of stream").
            .connectionPool(new ConnectionPool(5, 2, TimeUnit.SECONDS))
            .build();

    private RawHttp() {
    }

    /** {@code POST <base>/<path>} with {@code json} as the body. */
    static GeneratedApi.Exchange post(PrismMock prism, String path, String json) {
        return send(new Request.Builder().url(prism.baseUrl() + path).post(RequestBody.create(json, JSON)).build(), json);
    }

    /** {@code GET <base>/<pathAndQuery>}. */
    static GeneratedApi.Exchange get(PrismMock prism, String pathAndQuery) {
        return send(new Request.Builder().url(prism.baseUrl() + pathAndQuery).get().build(), null);
    }

    private static GeneratedApi.Exchange send(Request request, String json) {
        Request authenticated = request.newBuilder()
                .header("Authorization", Credentials.basic(GeneratedApi.API_KEY, GeneratedApi.AUTH_CODE))
                .build();
        try (Response response = CLIENT.newCall(authenticated).execute()) {
            return new GeneratedApi.Exchange(request.method(), request.url().toString(), json, response.code(),
                    response.header(PrismHttp.VIOLATIONS_HEADER), response.body() == null ? null : response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException("request to Prism failed: " + request, e);
        }
    }

    /** One entry of Prism's {@code sl-violations} header. */
    record Violation(List<String> location, String code, String message) {
    }

    /** The violations Prism reported for an exchange (none when the header is absent). */
    static List<Violation> violations(GeneratedApi.Exchange exchange) {
        List<Violation> out = new ArrayList<>();
        if (exchange.violations() == null) {
            return out;
        }
        for (JsonNode v : ModelTypes.tree(exchange.violations())) {
            List<String> location = new ArrayList<>();
            v.path("location").forEach(l -> location.add(l.asText()));
            out.add(new Violation(location, v.path("code").asText(), v.path("message").asText()));
        }
        return out;
    }
}
