package org.backbone.kit.events;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.List;
import java.util.Optional;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.EventDescriptor;
import org.backbone.contracts.EventJson;
import org.backbone.contracts.EventSchemas;
import org.backbone.kit.json.StrictJson;

/**
 * An event as a consumer receives it: the CloudEvents attributes and the JSON payload, whichever
 * mode (binary or structured) it arrived in. A binary-mode payload is parsed only when asked for,
 * and straight into the class the consumer wants ({@link #data(Class)}): reading it into a tree
 * first and mapping the tree was the largest part of a partner value's cost in the service.
 */
public final class ReceivedEvent {

    // payloads are read as strictly as REST bodies: a partner's event is as hostile as a request
    private static final ObjectMapper MAPPER = StrictJson.configure(EventJson.mapper().copy());

    private final String id;
    private final String type;
    private final String source;
    private final String subject;
    private final Instant time;
    private final String initiativeId;
    private final String actor;
    private final String topic;
    /** The binary-mode payload as received, or null when {@link #tree} is the payload. */
    private final byte[] payload;
    private JsonNode tree;
    /** {@link #catalogued()}'s answer once asked (schema check and mapping are the dear part of an event). */
    private Optional<BackboneEvent> catalogued;
    private PermanentEventFailure refused;

    private ReceivedEvent(String id, String type, String source, String subject, Instant time, String initiativeId,
            String actor, String topic, byte[] payload, JsonNode tree) {
        this.id = id;
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.time = time;
        this.initiativeId = initiativeId;
        this.actor = actor;
        this.topic = topic;
        this.payload = payload;
        this.tree = tree;
    }

    /** An event whose payload is the record's value (binary mode), not parsed yet. */
    static ReceivedEvent binary(String id, String type, String source, String subject, Instant time, String initiativeId,
            String actor, String topic, byte[] payload) {
        return new ReceivedEvent(id, type, source, subject, time, initiativeId, actor, topic, payload, null);
    }

    /** An event whose payload was read with its envelope (structured mode). */
    static ReceivedEvent structured(String id, String type, String source, String subject, Instant time,
            String initiativeId, String actor, String topic, JsonNode data) {
        return new ReceivedEvent(id, type, source, subject, time, initiativeId, actor, topic, null, data);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    public String subject() {
        return subject;
    }

    public Instant time() {
        return time;
    }

    public String initiativeId() {
        return initiativeId;
    }

    /** Who caused it (the extension {@code actor}); null when the publisher did not say. */
    public String actor() {
        return actor;
    }

    /** Who caused it, {@value CloudEventHeaders#SYSTEM_ACTOR} when the publisher did not say (work nobody asked for). */
    public String actorOrSystem() {
        return actor == null || actor.isBlank() ? CloudEventHeaders.SYSTEM_ACTOR : actor;
    }

    /** When it happened, in UTC; now when the publisher did not say. */
    public OffsetDateTime timeOrNow() {
        return time == null ? OffsetDateTime.now(ZoneOffset.UTC) : time.atOffset(ZoneOffset.UTC);
    }

    /** The topic it was read from (partner consumers derive the partner from it). */
    public String topic() {
        return topic;
    }

    /** The payload as a JSON tree (parsed once; an event is handled by one thread at a time). */
    public JsonNode data() {
        if (tree == null) {
            tree = parse(payload);
        }
        return tree;
    }

    /** {@code json} as a tree, or a permanent failure saying why it is not JSON. */
    static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** The payload mapped to {@code type}: each field must have the type's field type. */
    public <T> T data(Class<T> type) {
        try {
            return tree != null ? MAPPER.treeToValue(tree, type) : MAPPER.readValue(payload, type);
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(e);
        }
    }

    private static PermanentEventFailure unreadable(Exception e) {
        if (e instanceof JsonParseException parse) {
            return new PermanentEventFailure("value is not JSON: " + parse.getOriginalMessage(), e);
        }
        String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? StrictJson.pathOf(mapping) + ": " : "";
        return new PermanentEventFailure("payload unreadable: " + where + (e instanceof JsonProcessingException json
                ? json.getOriginalMessage() : e.getMessage()), e);
    }

    /**
     * The payload as the record the catalogue names for its type, checked against that type's schema;
     * empty for a type the catalogue does not know. A payload that breaks its schema is a permanent
     * failure: no retry can make it valid.
     */
    public Optional<BackboneEvent> catalogued() {
        // one consumer asks several times (the projection, then the feed): checked and mapped once, failing alike
        if (refused != null) {
            throw refused;
        }
        if (catalogued == null) {
            try {
                catalogued = catalogue();
            } catch (PermanentEventFailure e) {
                refused = e;
                throw e;
            }
        }
        return catalogued;
    }

    private Optional<BackboneEvent> catalogue() {
        EventDescriptor descriptor = EventCatalog.byType(type).orElse(null);
        if (descriptor == null) {
            return Optional.empty();
        }
        List<String> violations = EventSchemas.violations(descriptor, data());
        if (!violations.isEmpty()) {
            throw new PermanentEventFailure(type + " does not match its schema: " + violations);
        }
        try {
            return Optional.of(EventJson.mapper().treeToValue(data(), descriptor.payloadClass()));
        } catch (JsonProcessingException e) {
            throw new PermanentEventFailure(type + " payload unreadable: " + e.getOriginalMessage(), e);
        }
    }

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
