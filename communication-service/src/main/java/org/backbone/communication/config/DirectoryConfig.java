package org.backbone.communication.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the service finds people to notify: Keycloak's Admin REST API, as its own client, under {@code backbone.directory.*}. */
@ConfigMapping(prefix = "backbone.directory")
public interface DirectoryConfig {

    /** A confidential client with a service account holding realm-management's view-users and query-users. */
    @WithDefault("communication-service")
    String clientId();

    String clientSecret();

    /** How long a list of people is reused: a new member is notified at most this late. */
    @WithDefault("60s")
    Duration cacheFor();
}
