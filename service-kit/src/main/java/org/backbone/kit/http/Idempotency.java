package org.backbone.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.problem.Problem;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.problem.ProblemType;
import org.backbone.kit.security.Caller;

/**
 * {@code Idempotency-Key} for creating POSTs. The key is claimed, the resource created and the
 * response stored in one transaction: a retry with the same key gets the stored response (with
 * {@code Idempotent-Replayed: true}), a concurrent retry waits for the first and then does the
 * same, and a failed attempt leaves no claim behind. The same key with a different request is a 422.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final ObjectMapper json;

    Idempotency(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Runs {@code create} at most once per (caller, key). {@code create} must join the current
     * transaction (service methods annotated {@code @WithTransaction} do).
     */
    public Uni<Response> once(String key, Caller caller, String method, String path, Object request,
            Supplier<Uni<Response>> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String subject = caller.subject() == null ? "" : caller.subject();
        String hash = hash(method, path, request);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO idempotent_request (caller, key, request_hash) VALUES (:caller, :key, :hash) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter("caller", subject).setParameter("key", key).setParameter("hash", hash)
                .executeUpdate()
                .chain(claimed -> claimed == 1
                        ? create.get().call(response -> session.createNativeQuery("UPDATE idempotent_request SET status = :status, "
                                        + "location = :location, etag = :etag, body = :body, media_type = :type "
                                        + "WHERE caller = :caller AND key = :key")
                                .setParameter("status", response.getStatus())
                                .setParameter("type", response.getMediaType() == null ? null : response.getMediaType().toString())
                                .setParameter("location", header(response, HttpHeaders.LOCATION))
                                .setParameter("etag", header(response, HttpHeaders.ETAG))
                                .setParameter("body", body(response))
                                .setParameter("caller", subject).setParameter("key", key)
                                .executeUpdate())
                        : replay(session, subject, key, hash))));
    }

    /** Stored responses are kept for a day: long enough for any client's retries. */
    @Scheduled(every = "1h", delayed = "1m")
    Uni<Void> purge() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM idempotent_request WHERE created_at < now() - interval '24 hours'")
                .executeUpdate())).replaceWithVoid();
    }

    private Uni<Response> replay(org.hibernate.reactive.mutiny.Mutiny.Session session, String subject, String key,
            String hash) {
        return session.createNativeQuery("SELECT request_hash, status, location, etag, body, media_type FROM idempotent_request "
                        + "WHERE caller = :caller AND key = :key", Object[].class)
                .setParameter("caller", subject).setParameter("key", key)
                .getSingleResult()
                .map(row -> {
                    if (!hash.equals(row[0])) {
                        throw new ProblemException(ProblemType.VALIDATION_FAILED,
                                "this Idempotency-Key was used for a different request",
                                List.of(new FieldProblem(HEADER, "already used for a different request")));
                    }
                    Response.ResponseBuilder replayed = Response.status(((Number) row[1]).intValue())
                            .header("Idempotent-Replayed", "true");
                    if (row[2] != null) {
                        replayed.header(HttpHeaders.LOCATION, row[2]);
                    }
                    if (row[3] != null) {
                        replayed.header(HttpHeaders.ETAG, row[3]);
                    }
                    if (row[4] != null) {
                        replayed.entity(row[4]).type(row[5] == null ? MediaType.APPLICATION_JSON : (String) row[5]);
                    }
                    return replayed.build();
                });
    }

    private String hash(String method, String path, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String body(Response response) {
        if (!response.hasEntity()) {
            return null;
        }
        try {
            return json.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(Response response, String name) {
        Object value = response.getHeaders().getFirst(name);
        return value == null ? null : value.toString();
    }
}
