package org.backbone.communication.domain.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An endpoint's URL, checked for its shape: absolute http(s), a host, no credentials, no fragment.
 * Whether its host's addresses may be reached is {@link AddressPolicy}'s question, asked at registration
 * and at every attempt (DNS can change in between).
 */
public record WebhookUrl(URI uri, boolean https, String host, int port) {

    public static final int MAX_LENGTH = 2_000;

    /** The URL, or an {@link IllegalArgumentException} saying what is wrong with it. */
    public static WebhookUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("must be an https URL");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry credentials: authenticate the request by its signature");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("must name a host");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a fragment");
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        return new WebhookUrl(uri, https, host.toLowerCase(Locale.ROOT), port);
    }

    /** The path and query to request. */
    public String target() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
