package org.backbone.contracts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the event catalogue: the type name, the record it maps to, and where its schema and
 * topic are.
 */
public record EventDescriptor(String type, Class<? extends BackboneEvent> payloadClass) {

    private static final Pattern TYPE_NAME =
            Pattern.compile("org\\.backbone\\.([a-z]+)\\.([a-z-]+)\\.([a-z-]+)\\.v(\\d+)");

    public EventDescriptor {
        if (!TYPE_NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("not a Backbone event type name: " + type);
        }
    }

    /** The producing service, e.g. {@code agenda}; {@code partner} for partner submissions. */
    public String service() {
        return part(1);
    }

    public int majorVersion() {
        return Integer.parseInt(part(4));
    }

    /** Classpath location of the JSON Schema (draft 2020-12) for the payload. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    /** CloudEvents {@code source} of the producing service. */
    public String source() {
        return "/backbone/" + service();
    }

    /**
     * The topic the owning service publishes to. Partner submissions have no single topic: each
     * partner writes to {@link Topics#partnerMeasurements(java.util.UUID)}.
     */
    public String topic() {
        return Topics.service(service());
    }

    private String part(int group) {
        Matcher matcher = TYPE_NAME.matcher(type);
        matcher.matches();
        return matcher.group(group);
    }
}
