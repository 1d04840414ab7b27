package org.backbone.communication.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.backbone.communication.config.MailConfig;
import org.backbone.communication.domain.FeedSummaries;
import org.backbone.communication.service.MailComposer;
import org.backbone.communication.service.NotificationService;
import org.backbone.communication.service.UnsubscribeLinks;
import org.backbone.kit.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The links in mail, which work without signing in: the signed token says who and what. Opening one
 * shows a button (link scanners open links); posting to it (the button, or a mail client's one click
 * under RFC 8058) unsubscribes.
 */
@Path("/v1/mail/unsubscribe/{token}")
@Tag(name = "Mail", description = "One-click unsubscribe from the platform's email (RFC 8058)")
@PermitAll
public class MailResource {

    private final UnsubscribeLinks links;
    private final NotificationService notifications;
    private final MailComposer composer;
    private final String publicUrl;

    MailResource(UnsubscribeLinks links, NotificationService notifications, MailComposer composer, MailConfig config) {
        this.links = links;
        this.notifications = notifications;
        this.composer = composer;
        this.publicUrl = config.publicUrl().replaceAll("/+$", "");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The unsubscribe page", description = "Changes nothing: a page with a button that posts here.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "A link that is malformed or not signed by this platform")
    public String page(@PathParam("token") String token, @Context HttpHeaders headers) {
        UnsubscribeLinks.Subscription subscription = verified(token);
        return composer.unsubscribePage(language(headers), subscription.scope(), publicUrl + "/v1/mail/unsubscribe/" + token, false);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Unsubscribe in one click", description = "RFC 8058: the body (`List-Unsubscribe=One-Click`) is "
            + "not needed. No more mail of the link's kind (in-app notifications stay), or no more digests of its "
            + "frequency. Doing it twice is harmless.")
    @APIResponse(responseCode = "200", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "A link that is malformed or not signed by this platform")
    public Uni<String> unsubscribe(@PathParam("token") String token, @Context HttpHeaders headers) {
        UnsubscribeLinks.Subscription subscription = verified(token);
        Locale locale = language(headers);
        return notifications.unsubscribe(subscription.recipient(), subscription.scope())
                .map(changed -> composer.unsubscribePage(locale, subscription.scope(), null, true));
    }

    private UnsubscribeLinks.Subscription verified(String token) {
        return links.verify(token).orElseThrow(() -> ProblemException.notFound("unsubscribe link"));
    }

    private static Locale language(HttpHeaders headers) {
        return FeedSummaries.choose(headers.getAcceptableLanguages());
    }
}
