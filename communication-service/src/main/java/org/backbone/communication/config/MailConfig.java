package org.backbone.communication.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Email of notifications, under {@code backbone.mail.*}; the SMTP server itself is {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "backbone.mail")
public interface MailConfig {

    /** Whether this replica plans and sends mail; any number may, they share the queue. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Where people reach the platform, for the links in mail (the unsubscribe link and "open in
     * Backbone"): the gateway's public address including {@code /api}.
     */
    @WithDefault("http://127.0.0.1:8080/api")
    String publicUrl();

    /**
     * The key that signs unsubscribe links (HMAC-SHA256, at least 32 characters). Changing it breaks
     * every link already mailed.
     */
    String unsubscribeSecret();

    /** How often the sender runs: plans what fell due into mails, then sends what is due. */
    @WithDefault("2s")
    Duration every();

    /** How many mails one run sends at most. */
    @WithDefault("50")
    int batch();

    /** How long sent, skipped and failed mails stay in {@code mail_out} (an hourly purge). */
    @WithDefault("30d")
    Duration retention();

    /** How long a mail taken by a sender is its own; after that another replica may send it. */
    @WithDefault("2m")
    Duration lease();
}
