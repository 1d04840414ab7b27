package org.backbone.kit.http;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.backbone.kit.problem.OversizeRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.backbone.kit.problem.ClientGone;
import org.backbone.kit.problem.ProblemResponses;
import org.backbone.kit.problem.ProblemType;
import org.backbone.kit.domain.StorableText;
import org.jboss.logging.Logger;

/**
 * The request as it arrives, screened before any handler reads it, on every service and the
 * gateway. A request target or header block over the limit gets a 414 or 431 problem (the HTTP
 * layer's own answers have no body; its hard limits are set above these, in the kit's
 * configuration). A path or query whose percent-encoding is broken is 400; one that decodes to bytes
 * that are not UTF-8, or to NUL or other control characters, is 404 in a path (no resource has such
 * a name) and 400 naming the parameter in a query. A {@code Content-Type} that is not a media type
 * is 415. A body sent chunked is read up to the size limit (413 beyond it). And whatever fails
 * outside Quarkus REST is answered as a problem, never the framework's error page.
 *
 * <p>Not reachable from here: a target that is not a URI at all (a {@code %} without two hex
 * digits, a raw space) is refused by Quarkus' HTTP layer, which validates it with
 * {@link java.net.URI} before any handler runs, with an empty 400.
 */
@ApplicationScoped
public class RawRequestScreen {

    private final BodyHandler chunkedBodies;
    private final OversizeRequests oversize;

    RawRequestScreen(OversizeRequests oversize) {
        this.oversize = oversize;
        // a body sent without Content-Length is read here, up to the limit: Quarkus REST reads what was read
        // (and answered 413 without a body when it read past the limit itself)
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(oversize.limit());
    }

    /** Longest request target answered; beyond it 414. */
    public static final int MAX_TARGET = 8192;
    /** Largest header block answered; beyond it 431. */
    public static final int MAX_HEADERS = 16384;
    private static final Logger LOG = Logger.getLogger(RawRequestScreen.class);

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::screen).failureHandler(this::failed);
        // what the router answers itself, before any route matches (a path it cannot normalise, say)
        for (int status : new int[] {400, 404, 405, 413, 414, 415, 431}) {
            router.errorHandler(status, context -> {
                if (!context.response().headWritten()) {
                    ProblemType type = ProblemType.forStatus(status);
                    ProblemResponses.send(context, type, type.title());
                }
            });
        }
    }

    private void screen(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > MAX_TARGET) {
            ProblemResponses.send(context, ProblemType.URI_TOO_LONG, "the request target may be at most " + MAX_TARGET
                    + " characters");
            return;
        }
        if (size(request.headers()) > MAX_HEADERS) {
            ProblemResponses.send(context, ProblemType.HEADERS_TOO_LARGE, "the request headers may be at most "
                    + MAX_HEADERS + " bytes");
            return;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !isMediaType(contentType)) {
            ProblemResponses.send(context, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type is not a media type; send application/json");
            return;
        }
        String pathProblem = problem(request.path(), false);
        if (pathProblem != null) {
            ProblemResponses.send(context, pathProblem.startsWith("!") ? ProblemType.MALFORMED_REQUEST : ProblemType.NOT_FOUND,
                    "no such resource: the path " + pathProblem.replace("!", ""));
            return;
        }
        String query = request.query();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String problem = problem(name, true);
                if (problem == null && equals >= 0) {
                    problem = problem(pair.substring(equals + 1), true);
                }
                if (problem != null) {
                    String shown = decodeLeniently(name);
                    ProblemResponses.send(context, ProblemType.MALFORMED_REQUEST, shown + ": " + problem.replace("!", ""),
                            shown);
                    return;
                }
            }
        }
        if (request.getHeader("Content-Length") == null && request.getHeader("Transfer-Encoding") != null) {
            chunkedBodies.handle(context);
            return;
        }
        context.next();
    }

    /** Anything that failed outside Quarkus REST (which answers its own): a problem, never an error page. */
    private void failed(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException
                || failure instanceof ForbiddenException || context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode();
        if (failure == null && status == 413) {
            // a body read past the limit: the kit's 413, which also closes the connection so the rest is not read
            oversize.refuse(context);
            return;
        }
        if (failure == null && status >= 400 && status < 500) {
            ProblemType type = ProblemType.forStatus(status);
            ProblemResponses.send(context, type, type.title());
            return;
        }
        if (ClientGone.is(failure) || context.response().closed()) {
            LOG.debugf("client went away during %s", StorableText.sanitized(context.request().path()));
            return;
        }
        if (failure instanceof IllegalArgumentException) {
            ProblemResponses.send(context, ProblemType.MALFORMED_REQUEST, "the request cannot be read");
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "incident %s on %s", incident, StorableText.sanitized(context.request().path()));
        ProblemResponses.send(context, ProblemType.INTERNAL_ERROR, "an unexpected error occurred; incident " + incident);
    }

    private static int size(MultiMap headers) {
        int size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Why a raw (percent-encoded) path or query part is refused, or null. A reason starting with
     * {@code !} is a malformed encoding (400) rather than a name nothing can have (404).
     */
    static String problem(String raw, boolean query) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return "!has a % that is not followed by two hexadecimal digits";
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                escaped = true;
                i += 2;
            } else if (c < 0x20 || c == 0x7f) {
                return "must not contain control characters";
            } else if (query && c == '+') {
                bytes.write(' ');
            } else {
                // unencoded characters of the target: ASCII, or UTF-8 that the server already decoded
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        if (!escaped) {
            return null;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return "is not UTF-8 once decoded";
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return c == 0 ? "must not contain the NUL character (U+0000)" : "must not contain control characters";
            }
        }
        return null;
    }

    private static String decodeLeniently(String raw) {
        try {
            return StorableText.sanitized(java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return "parameter";
        }
    }
}
