package org.backbone.agenda.persistence;

import java.util.UUID;

/**
 * Where a partner organisation's Kafka account lives: a SCRAM-SHA-512 login {@code partner-<id>}
 * allowed by Kafka's ACLs to write (and describe) only topics under {@code partner.<id>.}, with its
 * measurements topic made. Two implementations, chosen by {@code backbone.partner-kafka.provisioner}:
 * Kafka's admin API (a broker run locally) and Strimzi's KafkaUser and KafkaTopic (Kubernetes).
 * Calls block: callers run them off the event loop. A backend that cannot be reached or refuses
 * throws {@link Unavailable}, whatever its own exceptions are.
 */
public interface PartnerKafkaAccounts {

    /** Creates the account, or gives it this new password (the old one stops working). */
    void upsert(UUID organisation, String password);

    /** Removes the login and its ACLs; false when there was none. */
    boolean revoke(UUID organisation);

    boolean exists(UUID organisation);

    static String username(UUID organisation) {
        return "partner-" + organisation;
    }

    /** Kafka, or the Kubernetes API, did not do what was asked: worth trying again later. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
