package io.github.hfcontacts.contract.e2e;

import io.github.hfcontacts.contract.prism.PrismHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Watches every exchange between a client and Prism's validating proxy, as an OkHttp network
 * interceptor, and records each one Prism found against the spec: a response carrying Prism's
 * {@value PrismHttp#VIOLATIONS_HEADER} header (the upstream's answer broke the spec, or a warning), or an answer
 * Prism generated itself ({@code application/problem+json}: 422 for a request that breaks the
 * spec, 500 for a response that does, also any other refusal by Prism).
 *
 * <p>Also strips HappyFox's {@code /api/1.1/json} prefix ({@link PrismHttp#atPrismRoot}), which
 * the facade always adds to its base URL, because Prism matches the document's paths
 * ({@code /users/}) at its root; the proxy adds the prefix back through its upstream URL.
 */
final class SpecViolations implements Interceptor {
    /** One exchange that Prism flagged. */
    record Violation(String method, String path, int status, String details) {
        @Override
        public String toString() {
            return method + " " + path + " -> " + status + ": " + details;
        }
    }

    private final List<Violation> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger exchanges = new AtomicInteger();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = PrismHttp.atPrismRoot(chain.request());
        HttpUrl url = request.url();
        Response response = chain.proceed(request);
        String pathAndQuery = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
        exchanges.incrementAndGet();
        String header = response.header(PrismHttp.VIOLATIONS_HEADER);
        String contentType = response.header("Content-Type", "");
        if (header != null) {
            violations.add(new Violation(request.method(), pathAndQuery, response.code(), header));
        } else if (contentType.startsWith("application/problem+json")) {
            violations.add(new Violation(request.method(), pathAndQuery, response.code(),
                    response.peekBody(4096).string()));
        }
        return response;
    }

    /** Every violation so far. */
    List<Violation> all() {
        return new ArrayList<>(violations);
    }

    /** How many exchanges so far. */
    int exchanges() {
        return exchanges.get();
    }

    int count() {
        return violations.size();
    }
}
