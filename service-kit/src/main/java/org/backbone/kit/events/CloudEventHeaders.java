package org.backbone.kit.events;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attribute names as record headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPECVERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String INITIATIVE_ID = "ce_initiativeid";
    /** Extension: the user or client whose request caused the event, {@code system} for work nobody asked for. */
    public static final String ACTOR = "ce_actor";
    public static final String SYSTEM_ACTOR = "system";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";
    /** Structured mode: the whole event, attributes and data, as one JSON document. */
    public static final String STRUCTURED = "application/cloudevents+json";

    private CloudEventHeaders() {
    }
}
