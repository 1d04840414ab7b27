package org.backbone.gateway.proxy;

import io.vertx.core.MultiMap;
import java.util.Map;

/**
 * Which headers pass through the gateway, each way: not those of one connection (hop-by-hop), and
 * the gateway's own correlation headers set by the gateway itself; the caller's address added to
 * {@code X-Forwarded-For}; a service's {@code Location} rewritten to the gateway's public address.
 */
final class ForwardedHeaders {

    /** Headers of one connection, not passed on (case-insensitive, and looked up without lower-casing each name). */
    private static final MultiMap HOP_BY_HOP = names("Connection", "Keep-Alive", "Proxy-Authenticate",
            "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Content-Length");
    /** A service's headers the gateway sets itself on the answer. */
    private static final MultiMap OWN_ANSWER_HEADERS = names(Correlation.TRACEPARENT, Correlation.REQUEST_ID);

    private final String publicUrl;

    /** @param publicUrl the gateway's public address, without a trailing slash ("" for relative locations) */
    ForwardedHeaders(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** What the service receives: the caller's headers, the correlation, and where the call came from. */
    MultiMap toService(MultiMap request, Correlation correlation, String clientAddress) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (Map.Entry<String, String> header : request) {
            if (!HOP_BY_HOP.contains(header.getKey())) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        headers.set(Correlation.TRACEPARENT, correlation.traceparent());
        headers.set(Correlation.REQUEST_ID, correlation.requestId());
        String forwardedFor = request.get("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
        headers.set("X-Forwarded-Prefix", "/api");
        return headers;
    }

    /** Copies the service's answer headers that the caller gets onto {@code into}. */
    void toCaller(MultiMap answer, MultiMap into) {
        for (Map.Entry<String, String> header : answer) {
            String name = header.getKey();
            if (!HOP_BY_HOP.contains(name) && !OWN_ANSWER_HEADERS.contains(name)) {
                into.add(name, name.equalsIgnoreCase("Location") ? location(header.getValue()) : header.getValue());
            }
        }
    }

    /** A service's Location names the service's own address; the caller needs the gateway's public one. */
    String location(String location) {
        int path = location.indexOf("/v1/");
        return path < 0 ? location : publicUrl + "/api" + location.substring(path);
    }

    private static MultiMap names(String... names) {
        MultiMap set = MultiMap.caseInsensitiveMultiMap();
        for (String name : names) {
            set.add(name, "");
        }
        return set;
    }
}
