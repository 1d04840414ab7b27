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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.backbone.communication.config.MinutesConfig;
import org.backbone.communication.domain.meeting.MeetingStatus;
import org.backbone.communication.domain.meeting.MinutesApproval;
import org.backbone.communication.domain.meeting.MinutesHash;
import org.backbone.communication.domain.meeting.MinutesStatus;
import org.backbone.communication.persistence.Meetings;
import org.backbone.communication.persistence.Meetings.Meeting;
import org.backbone.communication.persistence.MinutesRecords;
import org.backbone.communication.persistence.MinutesRecords.Amendment;
import org.backbone.communication.persistence.MinutesRecords.Answer;
import org.backbone.communication.persistence.MinutesRecords.Erratum;
import org.backbone.communication.persistence.MinutesRecords.Minutes;
import org.backbone.contracts.communication.ApprovalRule;
import org.backbone.contracts.communication.MinutesApproved;
import org.backbone.contracts.communication.MinutesCirculated;
import org.backbone.contracts.communication.MinutesPublished;
import org.backbone.kit.access.InitiativeAccess;
import org.backbone.kit.outbox.Outbox;
import org.backbone.kit.problem.ProblemException;
import org.backbone.kit.security.Caller;
import org.jboss.logging.Logger;

/**
 * Minutes the participants own. The organiser (staff) writes a DRAFT of a held meeting and
 * circulates it until a deadline; the members of the partners that attended propose amendments,
 * approve or object. One objection sends it back to DRAFT with its reason; approval follows the
 * initiative's rule ({@link MinutesApproval}). Staff publish approved minutes: from then on they are
 * immutable, with a content hash, and corrected only by errata. Who reads them: staff always, the
 * attendees from circulation on, every reader of the initiative once published.
 */
@ApplicationScoped
public class MinutesService {

    private static final Logger LOG = Logger.getLogger(MinutesService.class);

    private final MinutesRecords records;
    private final Meetings meetings;
    private final MeetingService meetingService;
    private final InitiativeAccess access;
    private final Outbox outbox;
    private final Clock clock;
    private final MinutesConfig config;

    MinutesService(MinutesRecords records, Meetings meetings, MeetingService meetingService, InitiativeAccess access,
            Outbox outbox, Clock clock, MinutesConfig config) {
        this.records = records;
        this.meetings = meetings;
        this.meetingService = meetingService;
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** Minutes with everything said about them, as the caller may see them. */
    public record Full(Minutes minutes, List<Amendment> amendments, List<Answer> answers, List<Erratum> errata,
            Set<UUID> attending) {
    }

    @WithSession
    public Uni<Full> get(Caller caller, UUID initiative, UUID meeting) {
        return meetingService.readable(caller, initiative, meeting)
                .chain(m -> existing(meeting))
                .chain(minutes -> meetings.attendance(meeting).chain(attending -> {
                    boolean mayRead = caller.isAdmin() || MinutesStatus.valueOf(minutes.status()) == MinutesStatus.PUBLISHED
                            || MinutesStatus.valueOf(minutes.status()) != MinutesStatus.DRAFT && attendee(caller, attending);
                    if (!mayRead) {
                        throw ProblemException.notFound("minutes of meeting " + meeting);
                    }
                    return full(minutes, attending);
                }));
    }

    /** Staff write the draft of a HELD meeting's minutes; never once they are circulated or later. */
    @WithTransaction
    public Uni<Full> writeDraft(Caller caller, UUID initiative, UUID meeting, String body) {
        return access.administrable(caller, initiative, "write minutes")
                .chain(() -> meetingService.readable(caller, initiative, meeting))
                .chain(m -> {
                    if (MeetingStatus.valueOf(m.status()) != MeetingStatus.HELD) {
                        throw ProblemException.conflict("the meeting is " + m.status() + ": minutes are written of a HELD meeting");
                    }
                    return records.lock(meeting);
                })
                .chain(current -> {
                    current.ifPresent(c -> refuseUnless(c, MinutesStatus.DRAFT, "edited"));
                    return records.saveDraft(meeting, initiative, body, Markdown.toHtml(body));
                })
                .chain(() -> existing(meeting)).chain(minutes -> meetings.attendance(meeting).chain(a -> full(minutes, a)));
    }

    /** DRAFT → CIRCULATED until {@code until}, by the initiative's rule; the attendees are told. */
    @WithTransaction
    public Uni<Full> circulate(Caller caller, UUID initiative, UUID meeting, Instant until) {
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            return Uni.createFrom().failure(ProblemException.invalid("amendmentsUntil", "must be in the future"));
        }
        if (until.isAfter(now.plus(config.longestWindow()))) {
            return Uni.createFrom().failure(ProblemException.invalid("amendmentsUntil",
                    "must be within " + config.longestWindow().toDays() + " days"));
        }
        return access.administrable(caller, initiative, "circulate minutes")
                .chain(() -> meetingService.readable(caller, initiative, meeting))
                .chain(m -> lockedExisting(meeting))
                .chain(current -> {
                    refuseUnless(current, MinutesStatus.DRAFT, "circulated");
                    return meetings.attendance(meeting).chain(a -> records.rule(initiative).map(r -> io.smallrye.mutiny.tuples.Tuple2.of(a, r)));
                })
                .chain(t -> {
                    Set<UUID> attending = t.getItem1();
                    ApprovalRule rule = ApprovalRule.valueOf(t.getItem2());
                    if (attending.isEmpty()) {
                        throw ProblemException.conflict("no partner's attendance is recorded: nobody could approve the minutes");
                    }
                    return records.circulate(meeting, rule.name(), until.atOffset(ZoneOffset.UTC))
                            .chain(() -> existing(meeting))
                            .chain(minutes -> outbox.append(new MinutesCirculated(initiative, meeting, minutes.revision(), until,
                                    rule, List.copyOf(attending))).replaceWith(minutes))
                            .chain(minutes -> full(minutes, attending));
                });
    }

    /** A member of an attending partner proposes an amendment while the window is open. */
    @WithTransaction
    public Uni<Amendment> amend(Caller caller, UUID initiative, UUID meeting, String text) {
        return answering(caller, initiative, meeting).chain(current -> {
            Amendment amendment = new Amendment(UUID.randomUUID(), current.revision(), caller.subject(),
                    caller.partnerId().orElseThrow(), text, OffsetDateTime.now(ZoneOffset.UTC));
            return records.amend(meeting, amendment).replaceWith(amendment);
        });
    }

    /**
     * An attending partner approves or objects (for its organisation; a later answer replaces the
     * earlier). An objection sends the minutes back to DRAFT; enough approvals approve them. The
     * answerer gets the minutes as they are now, even when that is a draft again.
     */
    @WithTransaction
    public Uni<Full> answer(Caller caller, UUID initiative, UUID meeting, boolean approve, String reason) {
        return answering(caller, initiative, meeting).chain(current -> {
            UUID organisation = caller.partnerId().orElseThrow();
            Answer answer = new Answer(current.revision(), organisation, approve ? "APPROVE" : "OBJECT", reason,
                    caller.subject(), OffsetDateTime.now(ZoneOffset.UTC));
            return records.answer(meeting, answer).chain(() -> {
                if (!approve) {
                    return records.move(meeting, MinutesStatus.DRAFT.name(), reason);
                }
                return records.answers(meeting).chain(a -> meetings.attendance(meeting).map(b -> io.smallrye.mutiny.tuples.Tuple2.of(a, b)))
                        .chain(t -> {
                            long approvals = t.getItem1().stream().filter(a -> a.revision() == current.revision()
                                    && "APPROVE".equals(a.verdict()) && t.getItem2().contains(a.organisationId())).count();
                            ApprovalRule rule = ApprovalRule.valueOf(current.approvalRule());
                            return MinutesApproval.approvedByAnswers(rule, t.getItem2().size(), (int) approvals)
                                    ? approve(current) : Uni.createFrom().voidItem();
                        });
            });
        }).chain(() -> existing(meeting)).chain(m -> meetings.attendance(meeting).chain(a -> full(m, a)));
    }

    /** Staff publish APPROVED minutes: immutable from now on, with their hash; the meeting is CLOSED. */
    @WithTransaction
    public Uni<Full> publish(Caller caller, UUID initiative, UUID meeting) {
        return access.administrable(caller, initiative, "publish minutes")
                .chain(() -> meetingService.readable(caller, initiative, meeting))
                .chain(m -> lockedExisting(meeting).chain(current -> {
                    refuseUnless(current, MinutesStatus.APPROVED, "published");
                    String hash = MinutesHash.of(meeting, current.revision(), current.body());
                    return records.publish(meeting, hash, OffsetDateTime.now(ZoneOffset.UTC))
                            .chain(() -> meetings.move(meeting, MeetingStatus.HELD.name(), MeetingStatus.CLOSED.name(), null))
                            .chain(() -> outbox.append(new MinutesPublished(initiative, meeting, current.revision(), hash)));
                }))
                .chain(() -> get(caller, initiative, meeting));
    }

    /** Staff correct published minutes by an erratum linked to them; the minutes themselves never change. */
    @WithTransaction
    public Uni<Erratum> addErratum(Caller caller, UUID initiative, UUID meeting, String text) {
        return access.administrable(caller, initiative, "correct minutes")
                .chain(() -> meetingService.readable(caller, initiative, meeting))
                .chain(m -> existing(meeting))
                .chain(current -> {
                    if (MinutesStatus.valueOf(current.status()) != MinutesStatus.PUBLISHED) {
                        throw ProblemException.conflict("the minutes are " + current.status()
                                + ": errata correct published minutes; edit the draft instead");
                    }
                    Erratum erratum = new Erratum(UUID.randomUUID(), text, Markdown.toHtml(text), caller.subject(),
                            OffsetDateTime.now(ZoneOffset.UTC));
                    return records.addErratum(meeting, erratum).replaceWith(erratum);
                });
    }

    @WithSession
    public Uni<ApprovalRule> rule(Caller caller, UUID initiative) {
        return access.readable(caller, initiative).chain(() -> records.rule(initiative)).map(ApprovalRule::valueOf);
    }

    /** Staff choose the rule; minutes already circulated keep the rule they were circulated under. */
    @WithTransaction
    public Uni<ApprovalRule> setRule(Caller caller, UUID initiative, ApprovalRule rule) {
        return access.administrable(caller, initiative, "choose how minutes are approved")
                .chain(() -> records.setRule(initiative, rule.name())).replaceWith(rule);
    }

    /**
     * Settles windows that closed: under silent procedure the minutes are approved (an objection
     * would have sent them back already); under a quorum not reached they go back to DRAFT to be
     * circulated again. Each replica runs it; SKIP LOCKED gives each minutes to one.
     */
    @Scheduled(identity = "minutes-windows", every = "${backbone.minutes.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> settleClosedWindows() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> records.windowsClosed(now.atOffset(ZoneOffset.UTC), config.batch())
                        .onItem().transformToMulti(closed -> Multi.createFrom().iterable(closed))
                        .onItem().transformToUniAndConcatenate(m -> MinutesApproval.approvedBySilence(
                                ApprovalRule.valueOf(m.approvalRule()), m.amendmentsUntil().toInstant(), now) ? approve(m)
                                : records.move(m.meetingId(), MinutesStatus.DRAFT.name(),
                                        "the window closed before a quorum of the attending partners approved"))
                        .collect().last().replaceWithVoid())
                .onFailure().invoke(e -> LOG.warnf("settling closed minutes windows failed, the next run tries again: %s", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> approve(Minutes m) {
        return records.move(m.meetingId(), MinutesStatus.APPROVED.name(), null)
                .chain(() -> outbox.append(new MinutesApproved(m.initiativeId(), m.meetingId(), m.revision(),
                        ApprovalRule.valueOf(m.approvalRule()))))
                .replaceWithVoid();
    }

    /** The minutes, locked, when the caller is a member of an attending partner and the window is open. */
    private Uni<Minutes> answering(Caller caller, UUID initiative, UUID meeting) {
        return meetingService.readable(caller, initiative, meeting)
                .chain(m -> meetings.attendance(meeting))
                .chain(attending -> {
                    if (!attendee(caller, attending)) {
                        throw ProblemException.forbidden("only members of the partners that attended amend, approve or object");
                    }
                    return lockedExisting(meeting);
                })
                .invoke(current -> MinutesApproval.answerRefusal(MinutesStatus.valueOf(current.status()),
                        current.amendmentsUntil() == null ? Instant.MIN : current.amendmentsUntil().toInstant(), clock.instant())
                        .ifPresent(why -> {
                            throw ProblemException.conflict(why);
                        }));
    }

    private static boolean attendee(Caller caller, Set<UUID> attending) {
        return caller.isPartner() && caller.partnerId().map(attending::contains).orElse(false);
    }

    private static void refuseUnless(Minutes current, MinutesStatus wanted, String what) {
        MinutesStatus status = MinutesStatus.valueOf(current.status());
        if (status != wanted) {
            throw ProblemException.conflict("the minutes are " + status + ": only " + wanted + " minutes are " + what
                    + (status == MinutesStatus.PUBLISHED ? "; published minutes are immutable, correct them by an erratum" : ""));
        }
    }

    private Uni<Full> full(Minutes minutes, Set<UUID> attending) {
        UUID meeting = minutes.meetingId();
        // one after another: a reactive session runs one statement at a time
        return records.amendments(meeting).chain(amendments -> records.answers(meeting).chain(answers -> records.errata(meeting)
                .map(errata -> new Full(minutes, amendments, answers, errata, attending))));
    }

    private Uni<Minutes> existing(UUID meeting) {
        return records.find(meeting).map(found -> found.orElseThrow(() -> ProblemException.notFound("minutes of meeting " + meeting)));
    }

    private Uni<Minutes> lockedExisting(UUID meeting) {
        return records.lock(meeting).map(found -> found.orElseThrow(() -> ProblemException.notFound("minutes of meeting " + meeting)));
    }
}
