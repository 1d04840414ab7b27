package org.backbone.communication.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.ResourceBundle;
import org.backbone.communication.domain.notification.NotificationTriggers;
import org.junit.jupiter.api.Test;

/** Unsubscribe links, as plain code: they say who and what, and nobody can forge or bend one. */
class UnsubscribeLinksTest {

    private final UnsubscribeLinks links = new UnsubscribeLinks("a-test-key-that-is-long-enough-for-hmac", "https://b.example/api/");

    @Test
    void aLinkNamesItsRecipientAndScope() {
        String url = links.url("f3a1-subject", "agenda.vote-opened");
        assertThat(url).startsWith("https://b.example/api/v1/mail/unsubscribe/");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(links.verify(token)).contains(new UnsubscribeLinks.Subscription("f3a1-subject", "agenda.vote-opened"));
    }

    @Test
    void aChangedRecipientScopeOrSignatureOrAnotherKeyIsRefused() {
        String token = links.token("someone", "DAILY");
        String signature = token.substring(token.indexOf('.') + 1);
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString("someone-else\u001fDAILY".getBytes(StandardCharsets.UTF_8));
        assertThat(links.verify(other + "." + signature)).isEmpty();
        assertThat(links.verify(token.substring(0, token.indexOf('.')) + "." + signature.substring(1) + "A")).isEmpty();
        assertThat(new UnsubscribeLinks("another-key-that-is-long-enough-for-hmac", "https://b.example").verify(token)).isEmpty();
        for (String malformed : new String[] {"", ".", "abc", "a.b.c", "!!!.???", token + "."}) {
            assertThat(links.verify(malformed)).as(malformed).isEmpty();
        }
        assertThat(links.verify(null)).isEmpty();
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new UnsubscribeLinks("short", "https://b.example")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyKindHasItsNameInEveryLanguageOfMail() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.forLanguageTag("he")}) {
            ResourceBundle words = ResourceBundle.getBundle("mail.messages", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String kind : NotificationTriggers.KINDS) {
                assertThat(words.containsKey("kind." + kind)).as(kind + " in " + locale).isTrue();
            }
        }
        ResourceBundle english = ResourceBundle.getBundle("mail.messages", Locale.ROOT);
        ResourceBundle hebrew = ResourceBundle.getBundle("mail.messages", Locale.forLanguageTag("he"));
        assertThat(hebrew.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
    }
}
