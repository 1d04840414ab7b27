package org.backbone.contracts;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Kafka topic names, in one place. */
public final class Topics {

    public static final String AGENDA = "backbone.agenda.v1";
    public static final String MEASUREMENT = "backbone.measurement.v1";
    public static final String ACTIVITY = "backbone.activity.v1";
    public static final String COMMUNICATION = "backbone.communication.v1";

    /** The topics the services own; each has {@link #PARTITIONS} partitions. */
    public static final List<String> SERVICE_TOPICS = List.of(AGENDA, MEASUREMENT, ACTIVITY, COMMUNICATION);

    public static final int PARTITIONS = 6;

    /** Matches every partner's submission topic; the organisation id is group 1. */
    public static final Pattern PARTNER_MEASUREMENTS =
            Pattern.compile("partner\\.([0-9a-fA-F-]{36})\\.measurements\\.v1");

    private Topics() {
    }

    public static String service(String service) {
        return "backbone." + service + ".v1";
    }

    /** What every topic of one partner organisation starts with; Kafka's ACLs give it these and no others. */
    public static String partnerPrefix(UUID organisationId) {
        return "partner." + organisationId + ".";
    }

    public static String partnerMeasurements(UUID organisationId) {
        return partnerPrefix(organisationId) + "measurements.v1";
    }

    /**
     * The record key for a partner's measurement events: one indicator's values stay in order on
     * one partition (the last value sent is the one kept), and an initiative's indicators spread
     * over the topic's partitions, so the measurement consumers share the work.
     */
    public static String partnerMeasurementKey(String initiativeId, String indicatorCode) {
        return initiativeId + "/" + indicatorCode;
    }

    /** Dead letters of one consumer of one topic. */
    public static String deadLetter(String topic, String consumer) {
        return topic + ".dlq." + consumer;
    }
}
