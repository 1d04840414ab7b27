package org.backbone.kit.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How the service authenticates to Kafka, for the clients it makes itself (the outbox relay's
 * producer, admin clients): the same {@code kafka.security.*}, {@code kafka.sasl.*} and
 * {@code kafka.ssl.truststore.*} settings the messaging channels take, those that are set.
 */
public final class KafkaSecurity {

    private static final List<String> KEYS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.type", "ssl.truststore.location");

    private KafkaSecurity() {
    }

    /** The client properties (without the {@code kafka.} prefix) that are configured. */
    public static Map<String, String> properties() {
        return properties(ConfigProvider.getConfig());
    }

    static Map<String, String> properties(Config config) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : KEYS) {
            config.getOptionalValue("kafka." + key, String.class).filter(v -> !v.isBlank())
                    .ifPresent(v -> properties.put(key, v));
        }
        return properties;
    }
}
