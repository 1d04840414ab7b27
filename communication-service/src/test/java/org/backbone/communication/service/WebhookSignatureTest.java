package org.backbone.communication.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures, checked by the Standard Webhooks reference library rather than by our own code. */
class WebhookSignatureTest {

    @Test
    void theReferenceLibraryVerifiesOurSignatureByEitherSecretDuringARotation() throws Exception {
        String old = WebhookSignature.newSecret();
        String fresh = WebhookSignature.newSecret();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"org.backbone.agenda.partner.joined.v1\",\"data\":{\"name\":\"אתיד\"}}";
        String signature = WebhookSignature.sign(List.of(fresh, old), "msg_1", now, body);
        assertThat(signature.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(signature));
        new Webhook(old).verify(body, headers);
        new Webhook(fresh).verify(body, headers);
        assertThatThrownBy(() -> new Webhook(WebhookSignature.newSecret()).verify(body, headers))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(old).verify(body + " ", headers)).isInstanceOf(WebhookVerificationException.class);
    }
}
