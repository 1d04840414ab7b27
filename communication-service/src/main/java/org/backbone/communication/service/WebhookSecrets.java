package org.backbone.communication.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.backbone.communication.config.WebhookConfig;

/**
 * Webhook secrets at rest: sealed with AES-256-GCM under {@code backbone.webhooks.secret-key}, bound to
 * their endpoint (its id is the associated data, so a sealed secret copied to another endpoint does not
 * open). The database alone does not give them away. Stored as {@code v1:<base64(nonce | ciphertext)>};
 * a value stored before sealing was introduced ({@code whsec_…}) is read as it is.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @jakarta.inject.Inject
    WebhookSecrets(WebhookConfig config) {
        this(config.secretKey());
    }

    WebhookSecrets(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("backbone.webhooks.secret-key must be 32 random bytes in base64 "
                    + "(e.g. `openssl rand -base64 32`)");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(UUID endpoint, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, endpoint, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                .put(sealed).array());
    }

    public String open(UUID endpoint, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored; // written before secrets were sealed
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(crypt(Cipher.DECRYPT_MODE, endpoint, nonce, sealed), StandardCharsets.UTF_8);
    }

    public List<String> openAll(UUID endpoint, List<String> stored) {
        return stored.stream().map(s -> open(endpoint, s)).toList();
    }

    private byte[] crypt(int mode, UUID endpoint, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(endpoint.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // a wrong key or a tampered value: never sign with something else
            throw new IllegalStateException("a webhook secret cannot be opened with this key", e);
        }
    }
}
