package io.github.hfcontacts.contract.prism;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * What an OkHttp client of Prism shares: the header in which Prism reports a violation, and the
 * removal of HappyFox's {@code /api/1.1/json} prefix. The facade always appends HappyFox's API
 * path to its base URL, while Prism serves the document's paths ({@code /users/}, ...) at its
 * root and ignores the document's {@code servers}; a validating proxy adds the prefix back
 * through its upstream URL.
 */
public final class PrismHttp {

    /** The header Prism 5 sets on a response to a request, or from an upstream, that violates the document. */
    public static final String VIOLATIONS_HEADER = "sl-violations";

    private static final String API_PREFIX = "/api/1.1/json/";

    private PrismHttp() {
    }

    /** {@code request} without HappyFox's {@code /api/1.1/json} prefix; unchanged without it. */
    public static Request atPrismRoot(Request request) {
        HttpUrl url = request.url();
        String path = url.encodedPath();
        if (!path.startsWith(API_PREFIX)) {
            return request;
        }
        return request.newBuilder()
                .url(url.newBuilder().encodedPath("/" + path.substring(API_PREFIX.length())).build()).build();
    }
}
