package org.backbone.communication.domain.notification;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.activity.FindingKind;
import org.backbone.contracts.activity.FindingOpened;
import org.backbone.contracts.agenda.AgendaProposed;
import org.backbone.contracts.agenda.AgendaRatified;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerLeft;
import org.backbone.contracts.communication.ActionItemAssigned;
import org.backbone.contracts.communication.ActionItemCompleted;
import org.backbone.contracts.communication.ActionItemOverdue;
import org.backbone.contracts.communication.AnnouncementPublished;
import org.backbone.contracts.communication.DecisionAdopted;
import org.backbone.contracts.communication.DecisionReviewDue;
import org.backbone.contracts.communication.MeetingCancelled;
import org.backbone.contracts.communication.MeetingRescheduled;
import org.backbone.contracts.communication.MeetingScheduled;
import org.backbone.contracts.communication.MentionMade;
import org.backbone.contracts.communication.MinutesApproved;
import org.backbone.contracts.communication.MinutesCirculated;
import org.backbone.contracts.communication.MinutesPublished;
import org.backbone.contracts.communication.ReportDue;
import org.backbone.contracts.communication.ReportOverdue;
import org.backbone.contracts.communication.WebhookEndpointDisabled;
import org.backbone.contracts.measurement.IndicatorStatusChanged;
import org.backbone.contracts.measurement.ProgressStatus;

/** Every trigger, each a small named policy: what the platform tells people, and whom. */
public final class NotificationTriggers {

    /** A new agenda version is open for the partners' vote: every current partner votes. */
    public static final class AgendaVoteOpened implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            return event instanceof AgendaProposed ? Optional.of(Notice.toEveryPartner("agenda.vote-opened")) : Optional.empty();
        }
    }

    /** The vote's outcome: every partner, and staff. */
    public static final class AgendaRatifiedOutcome implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            return event instanceof AgendaRatified ? Optional.of(Notice.toEveryPartner("agenda.ratified").andStaff()) : Optional.empty();
        }
    }

    /** An indicator turned AT_RISK or OFF_TRACK: staff and the partners that report it (and its watchers). */
    public static final class IndicatorInTrouble implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            if (event instanceof IndicatorStatusChanged e && (e.status() == ProgressStatus.AT_RISK
                    || e.status() == ProgressStatus.OFF_TRACK) && e.previousStatus() != e.status()) {
                return Optional.of(Notice.toStaff("measurement.indicator-in-trouble").andReportersOf(e.indicatorId()));
            }
            return Optional.empty();
        }
    }

    /** A gap or an overlap was found: staff and the partners involved. */
    public static final class GapOrOverlapFound implements NotificationTrigger {
        private static final Set<FindingKind> GAPS_AND_OVERLAPS = Set.of(FindingKind.UNCOVERED, FindingKind.PLANNED_ONLY,
                FindingKind.NOMINAL_ONLY, FindingKind.UNALLOCATED_TARGET, FindingKind.DUPLICATION_RISK,
                FindingKind.DUPLICATE_RECORD, FindingKind.OVER_COMMITTED);

        @Override
        public Optional<Notice> of(BackboneEvent event) {
            if (event instanceof FindingOpened e && GAPS_AND_OVERLAPS.contains(e.kind())) {
                return Optional.of(Notice.toStaff("activity.gap-or-overlap").andOrganisations(Set.copyOf(e.organisationIds())));
            }
            return Optional.empty();
        }
    }

    /** A partner joined or left: staff. */
    public static final class PartnerCameOrWent implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            if (event instanceof PartnerJoined) {
                return Optional.of(Notice.toStaff("agenda.partner-joined"));
            }
            return event instanceof PartnerLeft ? Optional.of(Notice.toStaff("agenda.partner-left")) : Optional.empty();
        }
    }

    /** A webhook endpoint was disabled: its owner (the organisation's members, or staff for the backbone's own). */
    public static final class WebhookEndpointWasDisabled implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            if (event instanceof WebhookEndpointDisabled e) {
                return Optional.of(e.organisationId() == null ? Notice.toStaff("webhook.endpoint-disabled")
                        : new Notice("webhook.endpoint-disabled", false, false, Set.of(e.organisationId()), Set.of()));
            }
            return Optional.empty();
        }
    }

    /** A period ended without a partner's value: that partner's people; once the grace is over, staff too. */
    public static final class ReportOwed implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            if (event instanceof ReportDue e) {
                return Optional.of(new Notice("report.due", false, false, Set.of(e.organisationId()), Set.of()));
            }
            if (event instanceof ReportOverdue e) {
                return Optional.of(new Notice("report.overdue", true, false, Set.of(e.organisationId()), Set.of()));
            }
            return Optional.empty();
        }
    }

    /**
     * An announcement was published: its audience — every partner and staff, the partners it was for,
     * or staff alone. Observers are not told: they hold no partner's seat.
     */
    public static final class AnnouncementMade implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            if (!(event instanceof AnnouncementPublished e)) {
                return Optional.empty();
            }
            return Optional.of(switch (e.audience()) {
                case EVERYONE -> Notice.toEveryPartner("announcement.published").andStaff();
                case STAFF -> Notice.toStaff("announcement.published");
                // written before organisationIds: nobody but the watchers, rather than too many
                case PARTNERS -> new Notice("announcement.published", false, false,
                        e.organisationIds() == null ? Set.of() : Set.copyOf(e.organisationIds()), Set.of());
            });
        }
    }

    /** Someone was @mentioned in a discussion they may read: that person. */
    public static final class Mentioned implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            return event instanceof MentionMade e
                    ? Optional.of(new Notice("discussion.mention", false, false, Set.of(), Set.of(e.mentionedUserId())))
                    : Optional.empty();
        }
    }

    /**
     * Action items: the assignee is told of one given to them (the person, else the organisation's
     * members) and when it falls overdue (staff too); staff are told when one is done.
     */
    public static final class ActionItemNews implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            if (event instanceof ActionItemAssigned e) {
                return Optional.of(assignee("action-item.assigned", e.assigneeUserId(), e.assigneeOrganisationId()));
            }
            if (event instanceof ActionItemOverdue e) {
                return Optional.of(assignee("action-item.overdue", e.assigneeUserId(), e.assigneeOrganisationId()).andStaff());
            }
            return event instanceof ActionItemCompleted ? Optional.of(Notice.toStaff("action-item.completed")) : Optional.empty();
        }

        private static Notice assignee(String kind, String user, java.util.UUID organisation) {
            return user != null ? new Notice(kind, false, false, Set.of(), Set.of(user))
                    : new Notice(kind, false, false, Set.of(organisation), Set.of());
        }
    }

    /** A decision was adopted: every partner and staff. Its review day came: staff, who review it. */
    public static final class DecisionNews implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            if (event instanceof DecisionAdopted) {
                return Optional.of(Notice.toEveryPartner("decision.adopted").andStaff());
            }
            return event instanceof DecisionReviewDue ? Optional.of(Notice.toStaff("decision.review-due")) : Optional.empty();
        }
    }

    /**
     * Meetings: the partners invited hear of a meeting, its changes and its cancellation (written
     * before the invited were listed: nobody but the watchers); the partners that attended are asked
     * to answer circulated minutes; staff hear that minutes were approved (they publish them);
     * published minutes are every partner's and staff's to read.
     */
    public static final class MeetingNews implements NotificationTrigger {
        @Override
        public Optional<Notice> of(BackboneEvent event) {
            if (event instanceof MeetingScheduled e) {
                return Optional.of(organisations("meeting.scheduled", e.organisationIds()));
            }
            if (event instanceof MeetingRescheduled e) {
                return Optional.of(organisations("meeting.rescheduled", e.organisationIds()));
            }
            if (event instanceof MeetingCancelled e) {
                return Optional.of(organisations("meeting.cancelled", e.organisationIds()));
            }
            if (event instanceof MinutesCirculated e) {
                return Optional.of(organisations("minutes.circulated", e.organisationIds()));
            }
            if (event instanceof MinutesApproved) {
                return Optional.of(Notice.toStaff("minutes.approved"));
            }
            return event instanceof MinutesPublished ? Optional.of(Notice.toEveryPartner("minutes.published").andStaff())
                    : Optional.empty();
        }

        private static Notice organisations(String kind, List<java.util.UUID> organisations) {
            return new Notice(kind, false, false, organisations == null ? Set.of() : Set.copyOf(organisations), Set.of());
        }
    }

    public static final List<NotificationTrigger> ALL = List.of(new AgendaVoteOpened(), new AgendaRatifiedOutcome(),
            new IndicatorInTrouble(), new GapOrOverlapFound(), new PartnerCameOrWent(), new WebhookEndpointWasDisabled(),
            new ReportOwed(), new AnnouncementMade(), new Mentioned(), new ActionItemNews(), new DecisionNews(),
            new MeetingNews());

    /** The kind of notification watchers get for any other event on what they watch. */
    public static final String WATCHED = "watch.activity";

    /** Every kind, for preferences. */
    public static final List<String> KINDS = List.of("agenda.vote-opened", "agenda.ratified", "measurement.indicator-in-trouble",
            "activity.gap-or-overlap", "agenda.partner-joined", "agenda.partner-left", "webhook.endpoint-disabled", "report.due",
            "report.overdue", "announcement.published", "discussion.mention", "action-item.assigned", "action-item.overdue",
            "action-item.completed", "decision.adopted", "decision.review-due", "meeting.scheduled", "meeting.rescheduled",
            "meeting.cancelled", "minutes.circulated", "minutes.approved", "minutes.published", WATCHED);

    /**
     * How a kind is mailed until its recipient chooses: at once what asks something of them or breaks
     * their integration, the rest in the daily digest; staff's membership news weekly.
     */
    private static final java.util.Map<String, String> DEFAULT_EMAIL = java.util.Map.ofEntries(
            java.util.Map.entry("agenda.vote-opened", "IMMEDIATE"),
            java.util.Map.entry("agenda.ratified", "DAILY"),
            java.util.Map.entry("measurement.indicator-in-trouble", "DAILY"),
            java.util.Map.entry("activity.gap-or-overlap", "DAILY"),
            java.util.Map.entry("agenda.partner-joined", "WEEKLY"),
            java.util.Map.entry("agenda.partner-left", "WEEKLY"),
            java.util.Map.entry("webhook.endpoint-disabled", "IMMEDIATE"),
            java.util.Map.entry(WATCHED, "DAILY"),
            java.util.Map.entry("report.due", "IMMEDIATE"),
            java.util.Map.entry("report.overdue", "IMMEDIATE"),
            java.util.Map.entry("announcement.published", "IMMEDIATE"),
            java.util.Map.entry("discussion.mention", "IMMEDIATE"),
            java.util.Map.entry("action-item.assigned", "IMMEDIATE"),
            java.util.Map.entry("action-item.overdue", "IMMEDIATE"),
            java.util.Map.entry("action-item.completed", "DAILY"),
            java.util.Map.entry("decision.adopted", "DAILY"),
            java.util.Map.entry("decision.review-due", "IMMEDIATE"),
            java.util.Map.entry("meeting.scheduled", "IMMEDIATE"),
            java.util.Map.entry("meeting.rescheduled", "IMMEDIATE"),
            java.util.Map.entry("meeting.cancelled", "IMMEDIATE"),
            java.util.Map.entry("minutes.circulated", "IMMEDIATE"),
            java.util.Map.entry("minutes.approved", "DAILY"),
            java.util.Map.entry("minutes.published", "DAILY"));

    /** The email setting of {@code kind} for whoever has not chosen one: NONE, IMMEDIATE, DAILY or WEEKLY. */
    public static String defaultEmail(String kind) {
        return DEFAULT_EMAIL.getOrDefault(kind, "NONE");
    }

    private NotificationTriggers() {
    }

    public static List<Notice> of(BackboneEvent event) {
        return ALL.stream().flatMap(t -> t.of(event).stream()).toList();
    }
}
