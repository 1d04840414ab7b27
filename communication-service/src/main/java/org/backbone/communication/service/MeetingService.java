package org.backbone.communication.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.domain.meeting.Invitation;
import org.backbone.communication.domain.meeting.MeetingStatus;
import org.backbone.communication.domain.meeting.MeetingTimes;
import org.backbone.communication.persistence.Discussions;
import org.backbone.communication.persistence.Meetings;
import org.backbone.communication.persistence.Meetings.AgendaItem;
import org.backbone.communication.persistence.Meetings.Meeting;
import org.backbone.communication.persistence.Meetings.ObjectLink;
import org.backbone.communication.persistence.Meetings.Registration;
import org.backbone.communication.persistence.MinutesRecords;
import org.backbone.contracts.communication.MeetingCancelled;
import org.backbone.contracts.communication.MeetingHeld;
import org.backbone.contracts.communication.MeetingKind;
import org.backbone.contracts.communication.MeetingRescheduled;
import org.backbone.contracts.communication.MeetingScheduled;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.agenda.AgendaProjection;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.http.ETags;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.paging.Cursor;
import org.backbone.kit.paging.Page;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;

/**
 * Meetings of the partners. Staff schedule, change, cancel and hold them, write their agenda (by
 * hand, or from what Backbone suggests) and record which partners came. Every reader of the
 * initiative sees that a meeting exists, when, and its agenda; its link only staff and the invited
 * partners' members, who alone register. Every change bumps the iCalendar sequence.
 */
@ApplicationScoped
public class MeetingService {

    private final Meetings meetings;
    private final MinutesRecords minutes;
    private final Discussions discussions;
    private final InitiativeAccess access;
    private final AgendaProjection projection;
    private final SuggestedAgendaService suggestions;
    private final Outbox outbox;
    private final Clock clock;

    MeetingService(Meetings meetings, MinutesRecords minutes, Discussions discussions, InitiativeAccess access, AgendaProjection projection,
            SuggestedAgendaService suggestions, Outbox outbox, Clock clock) {
        this.meetings = meetings;
        this.minutes = minutes;
        this.discussions = discussions;
        this.access = access;
        this.projection = projection;
        this.suggestions = suggestions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What staff write. */
    public record Draft(String title, String description, MeetingKind kind, MeetingTimes times, String place, String link,
            Invitation invitation) {
    }

    /** A meeting as one caller sees it: whether they are invited (staff always are). */
    public record Seen(Meeting meeting, boolean invited) {
    }

    public record ItemDraft(String title, int minutes, String notes, ObjectLink object) {
    }

    @WithTransaction
    public Uni<Seen> schedule(Caller caller, UUID initiative, Draft draft) {
        return access.administrable(caller, initiative, "schedule meetings")
                .chain(() -> checked(initiative, draft))
                .chain(() -> {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    Meeting m = meeting(UUID.randomUUID(), initiative, draft, caller.subject(), "SCHEDULED", 0, now, 1);
                    return meetings.insert(m).chain(() -> invitedOrganisations(initiative, m.invitation()))
                            .chain(invited -> outbox.append(new MeetingScheduled(initiative, m.id(), m.title(),
                                    MeetingKind.valueOf(m.kind()), m.startsAt().toInstant(), m.endsAt().toInstant(), m.timeZone(),
                                    0, invited)))
                            .chain(() -> found(initiative, m.id())).map(found -> new Seen(found, true));
                });
    }

    @WithTransaction
    public Uni<Seen> update(Caller caller, UUID initiative, UUID id, String ifMatch, Draft draft) {
        return access.administrable(caller, initiative, "change meetings")
                .chain(() -> changeable(initiative, id, ifMatch))
                .chain(current -> checked(initiative, draft).chain(() -> {
                    Meeting changed = meeting(id, initiative, draft, current.organiser(), current.status(), current.sequence(),
                            current.createdAt(), current.version());
                    return meetings.update(changed).chain(() -> invitedOrganisations(initiative, changed.invitation()))
                            .chain(invited -> outbox.append(new MeetingRescheduled(initiative, id, changed.title(),
                                    changed.startsAt().toInstant(), changed.endsAt().toInstant(), changed.timeZone(),
                                    current.sequence() + 1, invited)));
                }))
                .chain(() -> found(initiative, id)).map(found -> new Seen(found, true));
    }

    @WithTransaction
    public Uni<Seen> cancel(Caller caller, UUID initiative, UUID id, String reason) {
        return access.administrable(caller, initiative, "cancel meetings")
                .chain(() -> moved(initiative, id, MeetingStatus.CANCELLED, reason))
                .chain(m -> invitedOrganisations(initiative, m.invitation())
                        .chain(invited -> outbox.append(new MeetingCancelled(initiative, id, m.title(), reason, m.sequence(),
                                invited)))
                        .replaceWith(new Seen(m, true)));
    }

    /** HELD (once it has begun; its attendance as recorded so far is told) or CLOSED. */
    @WithTransaction
    public Uni<Seen> setStatus(Caller caller, UUID initiative, UUID id, MeetingStatus next) {
        if (next == MeetingStatus.CANCELLED) {
            return Uni.createFrom().failure(ProblemException.invalid("status", "a meeting is cancelled with a reason: "
                    + "PUT its cancellation"));
        }
        return access.administrable(caller, initiative, "hold meetings")
                .chain(() -> moved(initiative, id, next, null))
                .chain(m -> next != MeetingStatus.HELD ? Uni.createFrom().item(new Seen(m, true))
                        : meetings.attendance(id).chain(came -> outbox.append(new MeetingHeld(initiative, id, m.title(),
                                came.size()))).replaceWith(new Seen(m, true)));
    }

    @WithSession
    public Uni<Seen> get(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> found(initiative, id)).chain(m -> seen(caller, m));
    }

    @WithSession
    public Uni<Page<Seen>> list(Caller caller, UUID initiative, boolean upcoming, int limit, String cursor) {
        List<String> keys = cursor == null ? null : Cursor.decode(cursor, 2);
        return access.readable(caller, initiative)
                .chain(() -> meetings.list(initiative, upcoming ? OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                                : null, keys == null ? null : Cursor.time(keys.get(0)), keys == null ? null : Cursor.uuid(keys.get(1)),
                        limit + 1))
                .chain(rows -> seat(caller, initiative).map(seat -> {
                    Page<Meeting> page = Cursor.page(rows, limit, m -> Cursor.encode(m.startsAt().toString(), m.id().toString()));
                    return new Page<>(page.items().stream().map(m -> new Seen(m, seat.invited(m.invitation()))).toList(),
                            page.next());
                }));
    }

    // agenda

    @WithSession
    public Uni<List<AgendaItem>> agenda(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> found(initiative, id)).chain(m -> meetings.agenda(id));
    }

    @WithTransaction
    public Uni<AgendaItem> addItem(Caller caller, UUID initiative, UUID id, ItemDraft draft) {
        UUID item = UUID.randomUUID();
        return access.administrable(caller, initiative, "write meeting agendas")
                .chain(() -> changeable(initiative, id, null))
                .chain(() -> objectKnown(initiative, draft.object(), "object"))
                .chain(() -> meetings.addItem(new AgendaItem(item, id, 0, draft.title(), draft.minutes(), notes(draft.notes()),
                        draft.object())))
                .chain(() -> meetings.touch(id))
                .chain(() -> item(id, item));
    }

    /** Appends what Backbone suggests now, each item linked to its object; returns the whole agenda. */
    @WithTransaction
    public Uni<List<AgendaItem>> addSuggested(Caller caller, UUID initiative, UUID id) {
        return access.administrable(caller, initiative, "write meeting agendas")
                .chain(() -> changeable(initiative, id, null))
                .chain(() -> suggestions.suggest(caller, initiative))
                .chain(suggested -> {
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (var s : suggested) {
                        all = all.chain(() -> meetings.addItem(new AgendaItem(UUID.randomUUID(), id, 0, s.title(),
                                s.kind().minutes(), s.detail() == null ? "" : s.detail(),
                                new ObjectLink(s.service(), s.type(), s.id()))));
                    }
                    return all;
                })
                .chain(() -> meetings.touch(id))
                .chain(() -> meetings.agenda(id));
    }

    @WithTransaction
    public Uni<AgendaItem> updateItem(Caller caller, UUID initiative, UUID id, UUID item, ItemDraft draft) {
        return access.administrable(caller, initiative, "write meeting agendas")
                .chain(() -> changeable(initiative, id, null))
                .chain(() -> objectKnown(initiative, draft.object(), "object"))
                .chain(() -> meetings.updateItem(new AgendaItem(item, id, 0, draft.title(), draft.minutes(), notes(draft.notes()),
                        draft.object())))
                .invoke(done -> {
                    if (!done) {
                        throw ProblemException.notFound("agenda item " + item);
                    }
                })
                .chain(() -> meetings.touch(id))
                .chain(() -> item(id, item));
    }

    @WithTransaction
    public Uni<Void> removeItem(Caller caller, UUID initiative, UUID id, UUID item) {
        return access.administrable(caller, initiative, "write meeting agendas")
                .chain(() -> changeable(initiative, id, null))
                .chain(() -> meetings.removeItem(id, item))
                .invoke(done -> {
                    if (!done) {
                        throw ProblemException.notFound("agenda item " + item);
                    }
                })
                .chain(() -> meetings.touch(id));
    }

    /** Puts the agenda in the order given: every item of the meeting, each once. */
    @WithTransaction
    public Uni<List<AgendaItem>> reorder(Caller caller, UUID initiative, UUID id, List<UUID> order) {
        return access.administrable(caller, initiative, "write meeting agendas")
                .chain(() -> changeable(initiative, id, null))
                .chain(() -> meetings.agenda(id))
                .chain(items -> {
                    Set<UUID> existing = new HashSet<>(items.stream().map(AgendaItem::id).toList());
                    if (order.size() != existing.size() || !existing.equals(new HashSet<>(order))) {
                        throw ProblemException.invalid("itemIds", "must name every item of the agenda once");
                    }
                    return meetings.reorder(id, order);
                })
                .chain(() -> meetings.touch(id))
                .chain(() -> meetings.agenda(id));
    }

    // registrations and attendance

    /** The caller registers: a member of an invited partner, or one of staff, before the meeting ends. */
    @WithTransaction
    public Uni<Registration> register(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> found(initiative, id)).chain(m -> seat(caller, initiative)
                .chain(seat -> {
                    if (!seat.invited(m.invitation())) {
                        throw ProblemException.forbidden("only staff and members of the partners invited register for a meeting");
                    }
                    MeetingStatus.valueOf(m.status()).unchangeable().ifPresent(why -> {
                        throw ProblemException.conflict(why);
                    });
                    if (!m.endsAt().toInstant().isAfter(clock.instant())) {
                        throw ProblemException.conflict("the meeting ended at " + m.endsAt() + ": registration is closed");
                    }
                    return meetings.register(id, caller.subject(), seat.organisation(), OffsetDateTime.now(ZoneOffset.UTC));
                }))
                .chain(() -> meetings.registrations(id))
                .map(all -> all.stream().filter(r -> r.userId().equals(caller.subject())).findFirst().orElseThrow());
    }

    @WithTransaction
    public Uni<Void> unregister(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> found(initiative, id))
                .chain(m -> MeetingStatus.valueOf(m.status()).unchangeable()
                        .<Uni<Boolean>>map(why -> Uni.createFrom().failure(ProblemException.conflict(why)))
                        .orElseGet(() -> meetings.unregister(id, caller.subject())))
                .invoke(done -> {
                    if (!done) {
                        throw ProblemException.notFound("registration of the caller");
                    }
                }).replaceWithVoid();
    }

    /** Who registered: staff see everyone; a member of an invited partner sees its own organisation's. */
    @WithSession
    public Uni<List<Registration>> registrations(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> found(initiative, id)).chain(m -> seat(caller, initiative)
                .chain(seat -> {
                    if (!seat.invited(m.invitation())) {
                        throw ProblemException.forbidden("only staff and members of the partners invited see registrations");
                    }
                    return meetings.registrations(id).map(all -> seat.staff() ? all : all.stream()
                            .filter(r -> Objects.equals(r.organisationId(), seat.organisation())).toList());
                }));
    }

    @WithSession
    public Uni<Set<UUID>> attendance(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> found(initiative, id)).chain(m -> meetings.attendance(id));
    }

    /**
     * Staff record which partner organisations came (each a current partner it invited), once the
     * meeting has begun and until its minutes are circulated: who came is who approves them.
     */
    @WithTransaction
    public Uni<Set<UUID>> setAttendance(Caller caller, UUID initiative, UUID id, Set<UUID> organisations) {
        return access.administrable(caller, initiative, "record attendance")
                .chain(() -> found(initiative, id))
                .chain(m -> minutes.find(id).map(written -> written.isPresent()
                        && !"DRAFT".equals(written.get().status())).chain(minutesStarted -> {
                    MeetingStatus status = MeetingStatus.valueOf(m.status());
                    if (status == MeetingStatus.CANCELLED || status == MeetingStatus.CLOSED || minutesStarted) {
                        throw ProblemException.conflict("attendance is recorded only until the minutes are circulated, of a "
                                + "meeting that was not cancelled");
                    }
                    if (m.startsAt().toInstant().isAfter(clock.instant())) {
                        throw ProblemException.conflict("the meeting has not begun: it starts at " + m.startsAt());
                    }
                    return projection.members(initiative).invoke(members -> {
                        List<FieldProblem> problems = new ArrayList<>();
                        for (UUID o : organisations) {
                            var member = members.stream().filter(x -> x.organisationId().equals(o)).findFirst();
                            if (member.isEmpty() || !m.invitation().invites(o, member.get().role(), member.get().sector())) {
                                problems.add(new FieldProblem("organisationIds", o + " is no current partner this meeting invited"));
                            }
                        }
                        if (!problems.isEmpty()) {
                            throw ProblemException.invalid(problems);
                        }
                    });
                }))
                .chain(() -> meetings.setAttendance(id, organisations))
                .chain(() -> meetings.attendance(id));
    }

    // for minutes and calendars

    /** The meeting, when the caller may read the initiative. */
    @WithSession
    public Uni<Meeting> readable(Caller caller, UUID initiative, UUID id) {
        return access.readable(caller, initiative).chain(() -> found(initiative, id));
    }

    /** Who the caller is to the meetings of an initiative. */
    public record Seat(boolean staff, UUID organisation, org.backbone.contracts.agenda.PartnerRole role,
            org.backbone.contracts.agenda.Sector sector) {

        public boolean invited(Invitation invitation) {
            return staff || organisation != null && invitation.invites(organisation, role, sector);
        }
    }

    public Uni<Seat> seat(Caller caller, UUID initiative) {
        if (caller.isAdmin()) {
            return Uni.createFrom().item(new Seat(true, null, null, null));
        }
        UUID organisation = caller.isPartner() ? caller.partnerId().orElse(null) : null;
        if (organisation == null) {
            return Uni.createFrom().item(new Seat(false, null, null, null));
        }
        return projection.members(initiative).map(members -> members.stream()
                .filter(m -> m.organisationId().equals(organisation)).findFirst()
                .map(m -> new Seat(false, organisation, m.role(), m.sector()))
                .orElse(new Seat(false, null, null, null)));
    }

    private Uni<Seen> seen(Caller caller, Meeting m) {
        return seat(caller, m.initiativeId()).map(seat -> new Seen(m, seat.invited(m.invitation())));
    }

    /** The current partners an invitation reaches (staff are invited to every meeting). */
    private Uni<List<UUID>> invitedOrganisations(UUID initiative, Invitation invitation) {
        return projection.members(initiative).map(members -> members.stream()
                .filter(m -> invitation.invites(m.organisationId(), m.role(), m.sector()))
                .map(AgendaProjection.Member::organisationId).toList());
    }

    /** The times make sense, the kind has its place or link, and every organisation named is a current partner. */
    private Uni<Void> checked(UUID initiative, Draft draft) {
        List<FieldProblem> problems = new ArrayList<>(draft.times().problems());
        if (draft.kind() != MeetingKind.ONLINE && blank(draft.place())) {
            problems.add(new FieldProblem("place", "a meeting " + draft.kind() + " needs a place"));
        }
        if (draft.kind() != MeetingKind.IN_PERSON && blank(draft.link())) {
            problems.add(new FieldProblem("link", "a meeting " + draft.kind() + " needs a link"));
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.invalid(problems));
        }
        return projection.memberIds(initiative).invoke(members -> {
            List<FieldProblem> unknown = draft.invitation().organisations().stream().filter(o -> !members.contains(o))
                    .map(o -> new FieldProblem("invitedOrganisationIds", o + " is no current partner of the initiative"))
                    .toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid(unknown);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> objectKnown(UUID initiative, ObjectLink object, String field) {
        if (object == null) {
            return Uni.createFrom().voidItem();
        }
        return discussions.subjectVisible(initiative, new Discussions.Subject(object.service(), object.type(), object.id()),
                new Discussions.Reader(true, null)).invoke(known -> {
                    if (!known) {
                        throw ProblemException.invalid(field, "is no object of this initiative");
                    }
                }).replaceWithVoid();
    }

    private Uni<Meeting> changeable(UUID initiative, UUID id, String ifMatch) {
        return found(initiative, id).invoke(m -> {
            if (ifMatch != null) {
                ETags.requireMatch(ifMatch, m.version());
            }
            MeetingStatus.valueOf(m.status()).unchangeable().ifPresent(why -> {
                throw ProblemException.conflict(why);
            });
        });
    }

    private Uni<Meeting> moved(UUID initiative, UUID id, MeetingStatus next, String reason) {
        return found(initiative, id).chain(m -> {
            MeetingStatus.valueOf(m.status()).refusal(next, m.startsAt().toInstant(), clock.instant()).ifPresent(why -> {
                throw ProblemException.conflict(why);
            });
            return meetings.move(id, m.status(), next.name(), reason).chain(done -> {
                if (!done) {
                    throw ProblemException.conflict("meeting " + id + " changed meanwhile; read it again");
                }
                return found(initiative, id);
            });
        });
    }

    private Uni<AgendaItem> item(UUID meeting, UUID item) {
        return meetings.agenda(meeting).map(items -> items.stream().filter(i -> i.id().equals(item)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("agenda item " + item)));
    }

    private Uni<Meeting> found(UUID initiative, UUID id) {
        return meetings.find(initiative, id).map(found -> found.orElseThrow(() -> ProblemException.notFound("meeting " + id)));
    }

    private static Meeting meeting(UUID id, UUID initiative, Draft d, String organiser, String status, int sequence,
            OffsetDateTime createdAt, int version) {
        return new Meeting(id, initiative, d.title(), d.description() == null ? "" : d.description(), d.kind().name(),
                d.times().start().toOffsetDateTime(), d.times().end().toOffsetDateTime(), d.times().timeZone(),
                blank(d.place()) ? null : d.place(), blank(d.link()) ? null : d.link(), organiser, d.invitation(), status, null,
                sequence, createdAt, createdAt, version);
    }

    private static String notes(String notes) {
        return notes == null ? "" : notes;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
