package org.backbone.communication.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.backbone.communication.domain.FeedItem;
import org.backbone.communication.domain.webhook.EventTypePatterns;
import org.backbone.communication.domain.webhook.WebhookUrl;
import org.backbone.communication.persistence.WebhookEndpoints;
import org.backbone.communication.persistence.WebhookEndpoints.Attempt;
import org.backbone.communication.persistence.WebhookEndpoints.Delivery;
import org.backbone.communication.persistence.WebhookEndpoints.Endpoint;
import org.backbone.contracts.EventCatalog;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.events.CloudEventHeaders;
import org.backbone.kit.events.ReceivedEvent;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * Webhook endpoints of partner organisations and of the backbone, and the events queued for them.
 * A partner's members and systems manage their organisation's endpoints; staff manage every one;
 * anybody else's endpoint is 404 to them. An endpoint receives only what its owner could read.
 */
@ApplicationScoped
public class WebhookService {

    /** The type of the message a test ping sends (no event behind it). */
    public static final String PING_TYPE = "org.backbone.webhook.ping.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookEndpoints endpoints;
    private final WebhookDispatcher dispatcher;
    private final InitiativeAccess access;
    private final io.vertx.mutiny.core.Vertx vertx;

    private final WebhookSecrets secrets;

    WebhookService(WebhookEndpoints endpoints, WebhookDispatcher dispatcher, InitiativeAccess access,
            io.vertx.mutiny.core.Vertx vertx, WebhookSecrets secrets) {
        this.vertx = vertx;
        this.secrets = secrets;
        this.endpoints = endpoints;
        this.dispatcher = dispatcher;
        this.access = access;
    }

    /** What a caller asks an endpoint to be. */
    public record Settings(String url, String description, List<String> eventTypes, UUID initiative, boolean enabled) {
    }

    /** A new endpoint and its secret, which is shown this once. */
    public record Registered(Endpoint endpoint, String secret) {
    }

    @WithTransaction
    public Uni<Registered> register(Caller caller, Settings settings) {
        UUID owner = owner(caller);
        return checked(caller, settings).chain(() -> {
            String secret = WebhookSignature.newSecret();
            Endpoint endpoint = new Endpoint(UUID.randomUUID(), owner, settings.initiative(), settings.url(),
                    settings.description() == null ? "" : settings.description(), settings.eventTypes(), true, null, null,
                    null, caller.subject(), OffsetDateTime.now(ZoneOffset.UTC), 1);
            return endpoints.insert(endpoint, secrets.seal(endpoint.id(), secret)).replaceWith(new Registered(endpoint, secret));
        });
    }

    @WithSession
    public Uni<Endpoint> get(Caller caller, UUID id) {
        return owned(caller, id);
    }

    @WithSession
    public Uni<Page<Endpoint>> list(Caller caller, int limit, String cursor) {
        if (!caller.isAdmin()) {
            owner(caller);
        }
        List<String> keys = cursor == null ? null : Cursor.decode(cursor, 2);
        return endpoints.list(caller.isAdmin(), caller.partnerId().orElse(null),
                        keys == null ? null : Cursor.time(keys.get(0)), keys == null ? null : Cursor.uuid(keys.get(1)),
                        limit + 1)
                .map(rows -> Cursor.page(rows, limit, e -> Cursor.encode(e.createdAt().toString(), e.id().toString())));
    }

    @WithTransaction
    public Uni<Endpoint> update(Caller caller, UUID id, String ifMatch, Settings settings) {
        return owned(caller, id).chain(current -> {
            if (ifMatch != null) {
                org.backbone.kit.http.ETags.requireMatch(ifMatch, current.version());
            }
            return checked(caller, settings).chain(() -> endpoints.update(new Endpoint(id, current.owner(),
                            settings.initiative(), settings.url(), settings.description() == null ? "" : settings.description(),
                            settings.eventTypes(), settings.enabled(), null, null, null, current.createdBy(),
                            current.createdAt(), current.version())))
                    .chain(() -> endpoints.find(id)).map(Optional::orElseThrow);
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return owned(caller, id).chain(() -> endpoints.delete(id));
    }

    /** A new secret, shown this once; the one it replaces keeps signing beside it for 24 hours. */
    @WithTransaction
    public Uni<String> rotate(Caller caller, UUID id) {
        String secret = WebhookSignature.newSecret();
        return owned(caller, id).chain(() -> endpoints.rotate(id, secrets.seal(id, secret))).replaceWith(secret);
    }

    /** Queues a ping for the endpoint; returns its delivery's id. */
    @WithTransaction
    public Uni<Long> ping(Caller caller, UUID id) {
        return owned(caller, id).chain(endpoint -> {
            String messageId = "msg_" + UUID.randomUUID();
            ObjectNode body = JSON.createObjectNode().put("specversion", CloudEventHeaders.SPEC_VERSION)
                    .put("id", messageId).put("source", "/backbone/communication").put("type", PING_TYPE)
                    .put("time", OffsetDateTime.now(ZoneOffset.UTC).toString()).put("actor", caller.subject())
                    .put("datacontenttype", CloudEventHeaders.JSON);
            body.putObject("data").put("endpointId", id.toString());
            return endpoints.enqueueFor(id, messageId, PING_TYPE, body.toString());
        }).invoke(dispatcher::wake);
    }

    @WithSession
    public Uni<Page<Delivery>> deliveries(Caller caller, UUID id, String state, int limit, String cursor) {
        Long before = cursor == null ? null : Cursor.number(Cursor.decode(cursor, 1).get(0));
        return owned(caller, id).chain(() -> endpoints.deliveries(id, state, before, limit + 1))
                .map(rows -> Cursor.page(rows, limit, d -> Cursor.encode(Long.toString(d.id()))));
    }

    public record DeliveryDetail(Delivery delivery, List<Attempt> attempts) {
    }

    @WithSession
    public Uni<DeliveryDetail> delivery(Caller caller, UUID id, long delivery) {
        return owned(caller, id).chain(() -> endpoints.delivery(id, delivery))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("delivery " + delivery)))
                .chain(d -> endpoints.attempts(d.id()).map(attempts -> new DeliveryDetail(d, attempts)));
    }

    @WithTransaction
    public Uni<Void> redeliver(Caller caller, UUID id, long delivery) {
        return owned(caller, id).chain(() -> endpoints.delivery(id, delivery))
                .invoke(found -> found.orElseThrow(() -> ProblemException.notFound("delivery " + delivery)))
                .chain(() -> endpoints.redeliver(id, delivery)).invoke(dispatcher::wake);
    }

    /** Queues again, in order, what was held while the endpoint was disabled (or failed) since {@code since}. */
    @WithTransaction
    public Uni<Integer> recover(Caller caller, UUID id, OffsetDateTime since) {
        return owned(caller, id).chain(endpoint -> {
            if (!endpoint.enabled()) {
                throw ProblemException.conflict("enable the endpoint before recovering its messages");
            }
            return endpoints.recover(id, since);
        }).invoke(dispatcher::wake);
    }

    /**
     * What queuing {@code event} for the endpoints that want it writes: the event in CloudEvents' structured
     * JSON, fixed now for every attempt, under a message id that is the same on every attempt.
     */
    public static WebhookEndpoints.Queued queued(ReceivedEvent event, UUID initiative, FeedItem item) {
        ObjectNode body = JSON.createObjectNode().put("specversion", CloudEventHeaders.SPEC_VERSION)
                .put("id", event.id()).put("source", event.source()).put("type", event.type());
        if (event.subject() != null) {
            body.put("subject", event.subject());
        }
        if (event.time() != null) {
            body.put("time", event.time().toString());
        }
        body.put("initiativeid", initiative.toString())
                .put("actor", event.actorOrSystem())
                .put("datacontenttype", CloudEventHeaders.JSON).set("data", event.data());
        return new WebhookEndpoints.Queued("msg_" + event.id(), event.type(), body.toString(), initiative,
                item.organisations());
    }

    /** Queues the events for every endpoint that wants them and whose owner may read them, in the feed's transaction. */
    public Uni<Void> enqueue(List<WebhookEndpoints.Queued> events) {
        return endpoints.enqueue(events);
    }

    private static UUID owner(Caller caller) {
        if (caller.isAdmin()) {
            return null;
        }
        if (caller.isPartner()) {
            return caller.partnerId().get();
        }
        throw ProblemException.forbidden("only backbone staff and partner organisations have webhook endpoints");
    }

    /** The endpoint, when the caller may manage it; 404 otherwise, as for one that does not exist. */
    private Uni<Endpoint> owned(Caller caller, UUID id) {
        return endpoints.find(id).map(found -> found.filter(e -> caller.isAdmin()
                        || (caller.isPartner() && e.owner() != null && caller.actsFor(e.owner())))
                .orElseThrow(() -> ProblemException.notFound("webhook endpoint " + id)));
    }

    /** 422 with every field's problem: event types, the URL's shape and every address its host has now. */
    private Uni<Void> checked(Caller caller, Settings settings) {
        List<FieldProblem> problems = new ArrayList<>(EventTypePatterns.problems("eventTypes", settings.eventTypes(),
                EventCatalog.all().stream().map(d -> d.type()).toList()));
        WebhookUrl url = null;
        try {
            url = WebhookUrl.parse(settings.url());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("url", e.getMessage()));
        }
        WebhookUrl parsed = url;
        // the lookup blocks: on a worker, and back on this context (the session's) for what follows
        Uni<Void> address = parsed == null ? Uni.createFrom().voidItem() : vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                dispatcher.checked(parsed);
                return null;
            } catch (UnknownHostException e) {
                return "the host could not be resolved: " + parsed.host();
            } catch (IllegalArgumentException e) {
                return e.getMessage().replaceFirst("^not sent: ", "");
            }
        }), false).invoke(problem -> {
                    if (problem != null) {
                        problems.add(new FieldProblem("url", problem));
                    }
                }).replaceWithVoid();
        Uni<Void> initiative = settings.initiative() == null ? Uni.createFrom().voidItem()
                : access.readable(caller, settings.initiative()).onFailure(ProblemException.class).recoverWithItem(e -> {
                    problems.add(new FieldProblem("initiativeId", "no such initiative, or not one you may read"));
                    return null;
                });
        return address.chain(() -> initiative).invoke(() -> {
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
        });
    }

}
