package org.backbone.communication.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.backbone.communication.config.ActionItemsConfig;
import org.backbone.communication.domain.action.ActionItemStatus;
import org.backbone.communication.persistence.ActionItems;
import org.backbone.communication.persistence.ActionItems.ActionItem;
import org.backbone.communication.persistence.PeopleDirectory;
import org.backbone.contracts.communication.ActionItemAssigned;
import org.backbone.contracts.communication.ActionItemCompleted;
import org.backbone.contracts.communication.ActionItemOverdue;
import org.backbone.contracts.communication.ObjectRef;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.jboss.logging.Logger;

/**
 * Action items: staff write them (title, notes, an assignee organisation and optionally one of its
 * people — or one of staff — a due date, where it came from); every reader of the initiative sees
 * them (collective impact works in the open); the assignee — that person, or any member of that
 * organisation — moves them along; staff cancel. Overdue is derived from the due date (in
 * {@code backbone.action-items.zone}) and told once per due date, by a scheduler on every replica.
 */
@ApplicationScoped
public class ActionItemService {

    private static final Logger LOG = Logger.getLogger(ActionItemService.class);

    private final ActionItems items;
    private final org.backbone.communication.persistence.ActivityRegistry registry;
    private final InitiativeAccess access;
    private final AgendaProjection projection;
    private final PeopleDirectory directory;
    private final Outbox outbox;
    private final Clock clock;
    private final ActionItemsConfig config;

    ActionItemService(ActionItems items, org.backbone.communication.persistence.ActivityRegistry registry, InitiativeAccess access, AgendaProjection projection, PeopleDirectory directory,
            Outbox outbox, Clock clock, ActionItemsConfig config) {
        this.items = items;
        this.registry = registry;
        this.access = access;
        this.projection = projection;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** What staff write. */
    public record Draft(String title, String notes, UUID assigneeOrganisationId, String assigneeUserId, LocalDate dueOn,
            ActionItems.Source source) {
    }

    /** An action item with whether it is overdue today. */
    public record Seen(ActionItem item, boolean overdue) {
    }

    @WithTransaction
    public Uni<Seen> create(Caller caller, UUID initiative, Draft draft) {
        return access.administrable(caller, initiative, "write action items")
                .chain(() -> assigneeChecked(initiative, draft))
                .chain(() -> {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    ActionItem item = new ActionItem(UUID.randomUUID(), initiative, draft.title(),
                            draft.notes() == null ? "" : draft.notes(), draft.assigneeOrganisationId(), draft.assigneeUserId(),
                            draft.dueOn(), draft.source(), ActionItemStatus.OPEN.name(), caller.subject(), now, now, null, 1, null);
                    return items.insert(item).chain(() -> outbox.append(assigned(item))).chain(() -> seen(initiative, item.id()));
                });
    }

    @WithSession
    public Uni<Seen> get(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> seen(initiative, id));
    }

    @WithSession
    public Uni<Page<Seen>> list(Caller caller, UUID initiative, boolean unfinishedOnly, int limit, String cursor) {
        List<String> keys = cursor == null ? null : Cursor.decode(cursor, 2);
        return access.readable(caller, initiative)
                .chain(() -> items.ofInitiative(initiative, unfinishedOnly, keys == null ? null : Cursor.date(keys.get(0)),
                        keys == null ? null : Cursor.uuid(keys.get(1)), limit + 1))
                .map(rows -> page(rows, limit));
    }

    /** The caller's: assigned to them, or to their organisation, in initiatives they may read. */
    @WithSession
    public Uni<Page<Seen>> mine(Caller caller, boolean unfinishedOnly, int limit, String cursor) {
        List<String> keys = cursor == null ? null : Cursor.decode(cursor, 2);
        UUID organisation = caller.isPartner() ? caller.partnerId().orElse(null) : null;
        return items.assignedTo(caller.subject(), organisation, caller.isAdmin(), unfinishedOnly,
                        keys == null ? null : Cursor.date(keys.get(0)), keys == null ? null : Cursor.uuid(keys.get(1)),
                        limit + 1)
                .map(rows -> page(rows, limit));
    }

    /** Staff change what it is, whose it is and when it is due; a new assignee is told. */
    @WithTransaction
    public Uni<Seen> update(Caller caller, UUID initiative, UUID id, String ifMatch, Draft draft) {
        return access.administrable(caller, initiative, "change action items")
                .chain(() -> found(initiative, id))
                .chain(current -> {
                    if (ifMatch != null) {
                        ETags.requireMatch(ifMatch, current.version());
                    }
                    if (ActionItemStatus.valueOf(current.status()).finished()) {
                        throw ProblemException.conflict("action item " + id + " is " + current.status() + ": it is final");
                    }
                    ActionItem changed = new ActionItem(id, initiative, draft.title(), draft.notes() == null ? "" : draft.notes(),
                            draft.assigneeOrganisationId(), draft.assigneeUserId(), draft.dueOn(), current.source(),
                            current.status(), current.createdBy(), current.createdAt(), current.updatedAt(), null,
                            current.version(), current.activityId());
                    boolean reassigned = !java.util.Objects.equals(current.assigneeOrganisationId(), changed.assigneeOrganisationId())
                            || !java.util.Objects.equals(current.assigneeUserId(), changed.assigneeUserId());
                    return assigneeChecked(initiative, draft).chain(() -> items.update(changed))
                            .chain(() -> reassigned ? outbox.append(assigned(changed)).replaceWithVoid() : Uni.createFrom().voidItem())
                            .chain(() -> seen(initiative, id));
                });
    }

    /** The assignee (or staff) moves it along: IN_PROGRESS, DONE, back to OPEN; staff alone cancel. */
    @WithTransaction
    public Uni<Seen> setStatus(Caller caller, UUID initiative, UUID id, String ifMatch, ActionItemStatus next) {
        return access.readable(caller, initiative).chain(() -> found(initiative, id)).chain(current -> {
            if (!caller.isAdmin() && !assignee(caller, current)) {
                throw ProblemException.forbidden("only its assignee or backbone staff move an action item along");
            }
            if (ifMatch != null) {
                ETags.requireMatch(ifMatch, current.version());
            }
            ActionItemStatus now = ActionItemStatus.valueOf(current.status());
            now.refusal(next, caller.isAdmin()).ifPresent(why -> {
                throw next == ActionItemStatus.CANCELLED && !caller.isAdmin() ? ProblemException.forbidden(why)
                        : ProblemException.conflict(why);
            });
            return items.setStatus(id, next.name())
                    .chain(() -> next == ActionItemStatus.DONE
                            ? outbox.append(new ActionItemCompleted(initiative, id, current.title())).replaceWithVoid()
                            : Uni.createFrom().voidItem())
                    .chain(() -> seen(initiative, id));
        });
    }

    /**
     * Turns the action item into an activity of activity-service in one call, which keeps the link:
     * staff or its assignee send what an activity needs beyond the item's title and notes; the
     * activity is registered with the caller's own token (activity-service applies its rules) and the
     * item remembers it. Once only; a repeated call after a lost answer registers no second activity.
     */
    public Uni<Seen> toActivity(Caller caller, String bearer, UUID initiative, UUID id, java.util.Map<String, Object> activity) {
        return convertible(caller, initiative, id)
                .chain(item -> {
                    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(activity);
                    body.putIfAbsent("title", item.title());
                    body.putIfAbsent("description", (item.notes().isEmpty() ? "" : item.notes() + "\n\n")
                            + "From action item " + item.id() + " of the initiative's communication.");
                    return registry.register(bearer, initiative, body, "action-item-" + id);
                })
                .chain(activityId -> linked(initiative, id, activityId));
    }

    @WithSession
    Uni<ActionItem> convertible(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> found(initiative, id)).invoke(item -> {
            if (!caller.isAdmin() && !assignee(caller, item)) {
                throw ProblemException.forbidden("only its assignee or backbone staff turn an action item into an activity");
            }
            if (item.activityId() != null) {
                throw ProblemException.conflict("action item " + id + " became activity " + item.activityId() + " already");
            }
            if (ActionItemStatus.valueOf(item.status()) == ActionItemStatus.CANCELLED) {
                throw ProblemException.conflict("action item " + id + " is CANCELLED");
            }
        });
    }

    @WithTransaction
    Uni<Seen> linked(UUID initiative, UUID id, UUID activityId) {
        return items.linkActivity(id, activityId).chain(() -> seen(initiative, id));
    }

    /** Tells of items that fell overdue, once per due date; each replica runs it, each item goes once. */
    @Scheduled(identity = "action-items-overdue", every = "${backbone.action-items.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tellOverdue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), config.zone());
        return Panache.withTransaction(() -> items.overdueUntold(today, config.batch())
                        .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                        .onItem().transformToUniAndConcatenate(item -> items.markOverdueTold(item.id())
                                .chain(() -> outbox.append(new ActionItemOverdue(item.initiativeId(), item.id(), item.title(),
                                        item.dueOn(), item.assigneeUserId(), item.assigneeOrganisationId()))))
                        .collect().last().replaceWithVoid())
                .onFailure().invoke(e -> LOG.warnf("telling overdue action items failed, the next run tries again: %s", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The organisation must be a current partner, the person one of its members (or of staff when no organisation). */
    private Uni<Void> assigneeChecked(UUID initiative, Draft draft) {
        Uni<Void> organisation = draft.assigneeOrganisationId() == null ? Uni.createFrom().voidItem()
                : projection.isCurrentMember(initiative, draft.assigneeOrganisationId()).invoke(member -> {
                    if (!member) {
                        throw ProblemException.invalid("assigneeOrganisationId", "is no current partner of the initiative");
                    }
                }).replaceWithVoid();
        if (draft.assigneeUserId() == null) {
            if (draft.assigneeOrganisationId() == null) {
                return Uni.createFrom().failure(ProblemException.invalid("assigneeOrganisationId",
                        "an action item is assigned to an organisation, a person, or both"));
            }
            return organisation;
        }
        Uni<java.util.Set<PeopleDirectory.Person>> people = draft.assigneeOrganisationId() == null ? directory.staff()
                : directory.membersOf(java.util.Set.of(draft.assigneeOrganisationId()));
        return organisation.chain(() -> people).invoke(found -> {
            if (found.stream().noneMatch(p -> p.subject().equals(draft.assigneeUserId()))) {
                throw ProblemException.invalid("assigneeUserId", draft.assigneeOrganisationId() == null
                        ? "is no member of backbone staff" : "is no member of the assignee organisation");
            }
        }).replaceWithVoid();
    }

    private static boolean assignee(Caller caller, ActionItem item) {
        return caller.subject().equals(item.assigneeUserId()) || item.assigneeOrganisationId() != null
                && caller.isPartner() && caller.partnerId().map(item.assigneeOrganisationId()::equals).orElse(false);
    }

    private static ActionItemAssigned assigned(ActionItem item) {
        return new ActionItemAssigned(item.initiativeId(), item.id(), item.title(), item.assigneeUserId(),
                item.assigneeOrganisationId(), item.dueOn(), item.source() == null ? null
                        : new ObjectRef(item.source().service(), item.source().type(), item.source().id()));
    }

    private Uni<Seen> seen(UUID initiative, UUID id) {
        return found(initiative, id).map(this::seen);
    }

    private Seen seen(ActionItem item) {
        return new Seen(item, ActionItemStatus.valueOf(item.status()).overdue(item.dueOn(),
                LocalDate.ofInstant(clock.instant(), config.zone())));
    }

    private Page<Seen> page(List<ActionItem> rows, int limit) {
        Page<ActionItem> page = Cursor.page(rows, limit, a -> Cursor.encode(a.dueOn().toString(), a.id().toString()));
        return new Page<>(page.items().stream().map(this::seen).toList(), page.next());
    }

    private Uni<ActionItem> found(UUID initiative, UUID id) {
        return items.find(initiative, id).map(found -> found.orElseThrow(() -> ProblemException.notFound("action item " + id)));
    }
}
