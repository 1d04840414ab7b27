package org.backbone.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * An event as a consumer receives it: the CloudEvents attributes and the JSON payload, whichever
 * mode (binary or structured) it arrived in.
 *
 * @param topic the topic it was read from (partner consumers derive the partner from it)
 */
public record ReceivedEvent(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String initiativeId,
        String topic,
        JsonNode data) {

    /** Ids are unique per source (CloudEvents 1.0), so the inbox keys on both. */
    public String dedupKey() {
        return source + "#" + id;
    }

    /**
     * The inbox's key for this event: the MD5 of {@link #dedupKey()} as a uuid, equal to
     * PostgreSQL's {@code md5(key)::uuid}. Sixteen bytes instead of a source URI and an id keep the
     * inbox table and its index small.
     */
    public UUID inboxKey() {
        return md5(dedupKey());
    }

    /**
     * The inbox key of an event from one of many outside senders (partners): each chooses its own
     * sources and ids, so the sender is part of the key and one sender's events can never stand in
     * for another's. Equal to PostgreSQL's {@code md5(sender || '|' || key)::uuid}.
     */
    public UUID inboxKey(Object sender) {
        return md5(sender + "|" + dedupKey());
    }

    private static UUID md5(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
            ByteBuffer md5 = ByteBuffer.wrap(digest);
            return new UUID(md5.getLong(), md5.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
