package org.backbone.communication.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sealed webhook secrets, as plain code: they open with their key and endpoint only. */
class WebhookSecretsTest {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private final WebhookSecrets secrets = new WebhookSecrets(KEY);
    private final UUID endpoint = UUID.randomUUID();

    @Test
    void aSealedSecretOpensWithItsEndpointAndHidesItself() {
        String secret = WebhookSignature.newSecret();
        String sealed = secrets.seal(endpoint, secret);
        assertThat(sealed).startsWith("v1:").doesNotContain(secret.substring(6));
        assertThat(secrets.seal(endpoint, secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(secrets.open(endpoint, sealed)).isEqualTo(secret);
    }

    @Test
    void anotherEndpointAnotherKeyOrATamperedValueDoNotOpen() {
        String sealed = secrets.seal(endpoint, WebhookSignature.newSecret());
        assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new WebhookSecrets("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=").open(endpoint, sealed))
                .isInstanceOf(IllegalStateException.class);
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring(3));
        bytes[20] ^= 1; // one bit of the ciphertext
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> secrets.open(endpoint, tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretStoredBeforeSealingIsReadAsItIs() {
        assertThat(secrets.open(endpoint, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    @Test
    void aKeyThatIsNot32BytesIsRefusedAtStart() {
        assertThatThrownBy(() -> new WebhookSecrets("c2hvcnQ=")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new WebhookSecrets("not base64!")).isInstanceOf(IllegalStateException.class);
    }
}
