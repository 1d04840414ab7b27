package org.backbone.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

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
}
