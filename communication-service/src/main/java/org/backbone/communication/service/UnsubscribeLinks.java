package org.backbone.communication.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.backbone.communication.config.MailConfig;

/**
 * The one-click unsubscribe links of mail (RFC 8058): who and what, signed with HMAC-SHA256 under
 * {@code backbone.mail.unsubscribe-secret}, so that a link works without signing in and cannot be
 * forged or turned against someone else. The scope is a notification kind, or DAILY / WEEKLY for a digest.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** Whom a valid link unsubscribes, from what. */
    public record Subscription(String recipient, String scope) {
    }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final char SEPARATOR = '\u001f';

    private final byte[] key;
    private final String publicUrl;

    @jakarta.inject.Inject
    UnsubscribeLinks(MailConfig config) {
        this(config.unsubscribeSecret(), config.publicUrl());
    }

    UnsubscribeLinks(String secret, String publicUrl) {
        if (secret.length() < 32) {
            throw new IllegalStateException("backbone.mail.unsubscribe-secret must be at least 32 characters");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    public String token(String recipient, String scope) {
        byte[] payload = (recipient + SEPARATOR + scope).getBytes(StandardCharsets.UTF_8);
        return ENCODE.encodeToString(payload) + "." + ENCODE.encodeToString(mac(payload));
    }

    /** The address a mail's List-Unsubscribe header and link give. */
    public String url(String recipient, String scope) {
        return publicUrl + "/v1/mail/unsubscribe/" + token(recipient, scope);
    }

    /** What a token unsubscribes from; empty when it is malformed or its signature is wrong. */
    public Optional<Subscription> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODE.decode(token.substring(0, dot));
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            int split = text.indexOf(SEPARATOR);
            return split <= 0 ? Optional.empty() : Optional.of(new Subscription(text.substring(0, split), text.substring(split + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
