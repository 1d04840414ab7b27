package org.backbone.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A request's correlation: its W3C {@code traceparent} and its {@code X-Request-Id}, taken from the
 * caller when well formed, made up here when not. The gateway starts a span of its own (a new
 * parent id) in the caller's trace.
 */
public record Correlation(String traceparent, String requestId) {

    public static final String TRACEPARENT = "traceparent";
    public static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-([0-9a-f]{2})");
    private static final Pattern REQUEST_ID_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static Correlation of(HttpServerRequest request) {
        String incoming = request.getHeader(TRACEPARENT);
        var matcher = incoming == null ? null : TRACEPARENT_FORMAT.matcher(incoming);
        String traceId = matcher != null && matcher.matches() && !matcher.group(1).equals("0".repeat(32))
                ? matcher.group(1) : hex(16);
        String flags = matcher != null && matcher.matches() ? matcher.group(2) : "01";
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || !REQUEST_ID_FORMAT.matcher(requestId).matches()) {
            // an id to find a request by, not a secret: no need for the locked SecureRandom behind UUID.randomUUID
            ThreadLocalRandom random = ThreadLocalRandom.current();
            requestId = new java.util.UUID(random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
        }
        return new Correlation("00-" + traceId + "-" + hex(8) + "-" + flags, requestId);
    }

    private static final HexFormat HEX = HexFormat.of();

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HEX.formatHex(random);
    }
}
