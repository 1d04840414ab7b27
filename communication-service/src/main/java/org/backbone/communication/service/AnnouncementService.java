package org.backbone.communication.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.config.AnnouncementsConfig;
import org.backbone.communication.domain.announcement.AnnouncementAudience;
import org.backbone.communication.domain.announcement.AnnouncementAudience.Reader;
import org.backbone.communication.domain.announcement.AnnouncementTimes;
import org.backbone.communication.persistence.Announcements;
import org.backbone.communication.persistence.Announcements.Acknowledgement;
import org.backbone.communication.persistence.Announcements.Announcement;
import org.backbone.contracts.agenda.PartnerRole;
import org.backbone.contracts.agenda.Sector;
import org.backbone.contracts.communication.Audience;
import org.backbone.contracts.communication.AnnouncementPublished;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.jboss.logging.Logger;

/**
 * Announcements of backbone staff to an initiative's people. Staff write, change and withdraw them
 * and see every one, published or not; anybody else who may read the initiative sees the published
 * ones whose audience includes them, and acknowledges those that ask for it. One not visible to the
 * caller answers 404, as if it did not exist. Publishing writes {@code announcement.published} to
 * the outbox, which the feed, notifications and webhooks follow: at once, or when its time comes
 * (a scheduler on every replica; {@code SKIP LOCKED} keeps each to one).
 */
@ApplicationScoped
public class AnnouncementService {

    private static final Logger LOG = Logger.getLogger(AnnouncementService.class);

    private final Announcements announcements;
    private final InitiativeAccess access;
    private final AgendaProjection projection;
    private final Outbox outbox;
    private final Clock clock;
    private final AnnouncementsConfig config;

    AnnouncementService(Announcements announcements, InitiativeAccess access, AgendaProjection projection, Outbox outbox,
            Clock clock, AnnouncementsConfig config) {
        this.config = config;
        this.announcements = announcements;
        this.access = access;
        this.projection = projection;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What staff write: Markdown body; roles and sectors narrow PARTNERS; no publish time is now. */
    public record Draft(String title, String body, Audience audience, Set<PartnerRole> partnerRoles, Set<Sector> partnerSectors,
            Instant publishAt, Instant pinnedUntil, boolean acknowledgementRequested) {

        AnnouncementAudience audienceRule() {
            return new AnnouncementAudience(audience, partnerRoles, partnerSectors);
        }
    }

    /** An announcement as one reader sees it. */
    public record Seen(Announcement announcement, boolean acknowledgedByMe) {
    }

    @WithTransaction
    public Uni<Announcement> create(Caller caller, UUID initiative, Draft draft) {
        return access.administrable(caller, initiative, "write announcements").chain(() -> {
            Instant now = clock.instant();
            Instant publishAt = AnnouncementTimes.publishAt(draft.publishAt(), now);
            check(draft, publishAt);
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            Announcement a = new Announcement(UUID.randomUUID(), initiative, draft.title(), draft.body(),
                    Markdown.toHtml(draft.body()), draft.audience().name(), names(draft.partnerRoles()),
                    names(draft.partnerSectors()), publishAt.atOffset(ZoneOffset.UTC), false, null,
                    draft.pinnedUntil() == null ? null : draft.pinnedUntil().atOffset(ZoneOffset.UTC),
                    draft.acknowledgementRequested(), caller.subject(), at, at, 1);
            return announcements.insert(a)
                    .chain(() -> publishAt.isAfter(now) ? Uni.createFrom().voidItem() : publish(a))
                    .chain(() -> announcements.find(initiative, a.id())).map(found -> found.orElseThrow());
        });
    }

    @WithSession
    public Uni<Seen> get(Caller caller, UUID initiative, UUID id) {
        return visible(caller, initiative, id).chain(a -> announcements.acknowledgedBy(caller.subject(), List.of(id))
                .map(acked -> new Seen(a, !acked.isEmpty())));
    }

    @WithSession
    public Uni<Page<Seen>> list(Caller caller, UUID initiative, boolean pinnedOnly, int limit, String cursor) {
        List<String> keys = cursor == null ? null : Cursor.decode(cursor, 2);
        return access.readable(caller, initiative).chain(() -> reader(caller, initiative))
                .chain(reader -> announcements.list(initiative, visibleTo(reader), pinnedOnly,
                        keys == null ? null : Cursor.time(keys.get(0)), keys == null ? null : Cursor.uuid(keys.get(1)),
                        limit + 1))
                .map(rows -> Cursor.page(rows, limit, a -> Cursor.encode(a.publishAt().toString(), a.id().toString())))
                .chain(page -> announcements.acknowledgedBy(caller.subject(),
                                page.items().stream().map(Announcement::id).toList())
                        .map(acked -> new Page<>(page.items().stream().map(a -> new Seen(a, acked.contains(a.id()))).toList(),
                                page.next())));
    }

    /**
     * Changes an announcement. Once published, its audience and publish time are what people were
     * told and stay (409); title, body, pin and the acknowledgement request may change.
     */
    @WithTransaction
    public Uni<Announcement> update(Caller caller, UUID initiative, UUID id, String ifMatch, Draft draft) {
        return access.administrable(caller, initiative, "change announcements")
                .chain(() -> found(initiative, id))
                .chain(current -> {
                    if (ifMatch != null) {
                        ETags.requireMatch(ifMatch, current.version());
                    }
                    Instant now = clock.instant();
                    Instant publishAt = current.published() ? current.publishAt().toInstant()
                            : AnnouncementTimes.publishAt(draft.publishAt(), now);
                    if (current.published()) {
                        List<FieldProblem> fixed = new ArrayList<>();
                        if (!current.audience().equals(draft.audience().name())
                                || !Set.copyOf(current.partnerRoles()).equals(Set.copyOf(names(draft.partnerRoles())))
                                || !Set.copyOf(current.partnerSectors()).equals(Set.copyOf(names(draft.partnerSectors())))) {
                            fixed.add(FieldProblem.conflict("audience", "is fixed once the announcement is published: "
                                    + "its audience has been told"));
                        }
                        if (draft.publishAt() != null && !draft.publishAt().equals(publishAt)) {
                            fixed.add(FieldProblem.conflict("publishAt", "is fixed once the announcement is published"));
                        }
                        if (!fixed.isEmpty()) {
                            throw ProblemException.of(fixed);
                        }
                    }
                    check(draft, publishAt);
                    Announcement changed = new Announcement(id, initiative, draft.title(), draft.body(),
                            Markdown.toHtml(draft.body()), draft.audience().name(), names(draft.partnerRoles()),
                            names(draft.partnerSectors()), publishAt.atOffset(ZoneOffset.UTC), current.published(),
                            current.organisationIds(),
                            draft.pinnedUntil() == null ? null : draft.pinnedUntil().atOffset(ZoneOffset.UTC),
                            draft.acknowledgementRequested(), current.createdBy(), current.createdAt(), current.updatedAt(),
                            current.version());
                    return announcements.update(changed)
                            .chain(() -> current.published() || publishAt.isAfter(now) ? Uni.createFrom().voidItem()
                                    : publish(changed))
                            .chain(() -> announcements.find(initiative, id)).map(found -> found.orElseThrow());
                });
    }

    /** Withdraws an announcement, with its acknowledgements; what the feed said of it stays said. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID initiative, UUID id) {
        return access.administrable(caller, initiative, "withdraw announcements")
                .chain(() -> found(initiative, id)).chain(a -> announcements.delete(id));
    }

    /** "I have read this", once per person; again changes nothing. 409 when the announcement asks for none. */
    @WithTransaction
    public Uni<Acknowledgement> acknowledge(Caller caller, UUID initiative, UUID id) {
        return visible(caller, initiative, id).chain(a -> {
            if (!a.ackRequested()) {
                throw ProblemException.conflict("announcement " + id + " asks for no acknowledgement");
            }
            return announcements.acknowledge(id, caller.subject(), caller.partnerId().orElse(null));
        });
    }

    /** Who acknowledged it (staff only), in order, with how many did. */
    public record Acknowledgements(long count, Page<Acknowledgement> page) {
    }

    @WithSession
    public Uni<Acknowledgements> acknowledgements(Caller caller, UUID initiative, UUID id, int limit, String cursor) {
        List<String> keys = cursor == null ? null : Cursor.decode(cursor, 2);
        return access.administrable(caller, initiative, "see who acknowledged an announcement")
                .chain(() -> found(initiative, id))
                .chain(a -> announcements.acknowledgements(id, keys == null ? null : Cursor.time(keys.get(0)),
                        keys == null ? null : keys.get(1), limit + 1))
                .map(rows -> Cursor.page(rows, limit, k -> Cursor.encode(k.at().toString(), k.userId())))
                .chain(page -> announcements.acknowledgementCount(id).map(count -> new Acknowledgements(count, page)));
    }

    /** Publishes what was scheduled and whose time has come; each replica runs it, each announcement goes once. */
    @Scheduled(identity = "announcements", every = "${backbone.announcements.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> publishDue() {
        return Panache.withTransaction(() -> announcements.due(config.batch())
                        .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                        .onItem().transformToUniAndConcatenate(this::publish)
                        .collect().last().replaceWithVoid())
                .onFailure().invoke(e -> LOG.warnf("publishing announcements failed, the next run tries again: %s", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Marks it published and tells everyone through the outbox; for PARTNERS, which partners it was for. */
    private Uni<Void> publish(Announcement a) {
        AnnouncementAudience audience = audienceOf(a);
        Uni<List<UUID>> organisations = audience.audience() != Audience.PARTNERS ? Uni.createFrom().nullItem()
                : projection.members(a.initiativeId()).map(members -> members.stream()
                        .filter(m -> audience.includesPartner(m.role(), m.sector()))
                        .map(AgendaProjection.Member::organisationId).toList());
        return organisations.chain(orgs -> announcements.markPublished(a.id(), orgs).chain(marked -> !marked
                ? Uni.createFrom().voidItem()
                : outbox.append(new AnnouncementPublished(a.initiativeId(), a.id(), a.title(), audience.audience(),
                        a.pinnedUntil() == null ? null : a.pinnedUntil().toInstant(), a.ackRequested(), orgs)).replaceWithVoid()));
    }

    private Uni<Announcement> visible(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> reader(caller, initiative))
                .chain(reader -> announcements.find(initiative, id).map(found -> found
                        .filter(a -> audienceOf(a).mayRead(reader, a.published()))
                        .orElseThrow(() -> ProblemException.notFound("announcement " + id))));
    }

    private Uni<Announcement> found(UUID initiative, UUID id) {
        return announcements.find(initiative, id)
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("announcement " + id)));
    }

    /** Who the caller is to announcements of this initiative: staff, observer, or a partner of a role and sector. */
    private Uni<Reader> reader(Caller caller, UUID initiative) {
        if (caller.isAdmin()) {
            return Uni.createFrom().item(new Reader.Staff());
        }
        if (caller.isPartner() && caller.partnerId().isPresent()) {
            UUID organisation = caller.partnerId().get();
            return projection.members(initiative).map(members -> members.stream()
                    .filter(m -> m.organisationId().equals(organisation)).findFirst()
                    .<Reader>map(m -> new Reader.Partner(m.role(), m.sector()))
                    .orElse(new Reader.Partner(null, null)));
        }
        return Uni.createFrom().item(new Reader.Observer());
    }

    private static Announcements.Visible visibleTo(Reader reader) {
        if (reader instanceof Reader.Staff) {
            return new Announcements.Visible(true, List.of(), null, null);
        }
        if (reader instanceof Reader.Partner p) {
            return new Announcements.Visible(false, List.of(Audience.EVERYONE.name(), Audience.PARTNERS.name()),
                    p.role() == null ? null : p.role().name(), p.sector() == null ? null : p.sector().name());
        }
        return new Announcements.Visible(false, List.of(Audience.EVERYONE.name()), null, null);
    }

    private static AnnouncementAudience audienceOf(Announcement a) {
        return new AnnouncementAudience(Audience.valueOf(a.audience()),
                a.partnerRoles().stream().map(PartnerRole::valueOf).collect(java.util.stream.Collectors.toSet()),
                a.partnerSectors().stream().map(Sector::valueOf).collect(java.util.stream.Collectors.toSet()));
    }

    private static void check(Draft draft, Instant publishAt) {
        List<FieldProblem> problems = new ArrayList<>(draft.audienceRule().problems());
        problems.addAll(AnnouncementTimes.problems(publishAt, draft.pinnedUntil()));
        if (!problems.isEmpty()) {
            throw ProblemException.of(problems);
        }
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(Enum::name).sorted().toList();
    }
}
