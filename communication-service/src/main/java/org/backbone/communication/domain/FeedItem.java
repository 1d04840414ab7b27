package org.backbone.communication.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventCatalog;
import org.backbone.contracts.activity.ActivityRegistered;
import org.backbone.contracts.activity.ActivityStatusChanged;
import org.backbone.contracts.activity.ActivityUpdated;
import org.backbone.contracts.activity.CommitmentMade;
import org.backbone.contracts.activity.CommitmentWithdrawn;
import org.backbone.contracts.activity.FindingDismissed;
import org.backbone.contracts.activity.FindingOpened;
import org.backbone.contracts.activity.FindingResolved;
import org.backbone.contracts.activity.ReportReviewed;
import org.backbone.contracts.activity.ReportSubmitted;
import org.backbone.contracts.agenda.AgendaEndorsed;
import org.backbone.contracts.agenda.AgendaProposed;
import org.backbone.contracts.agenda.AgendaRatified;
import org.backbone.contracts.agenda.GoalActivated;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.InitiativeUpdated;
import org.backbone.contracts.agenda.OrganisationUpdated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerLeft;
import org.backbone.contracts.communication.*;
import org.backbone.contracts.measurement.IndicatorDefined;
import org.backbone.contracts.measurement.IndicatorStatusChanged;
import org.backbone.contracts.measurement.IndicatorUpdated;
import org.backbone.contracts.measurement.PeriodLocked;
import org.backbone.contracts.measurement.ProgressUpdated;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.backbone.contracts.measurement.ValuesRejected;

/**
 * What the feed says of one event: the verb, the object it is about, the words of its summary and who
 * may see it. Only what every reader of the entry could read through the API goes into it — never a
 * budget, never a partner's own values (those entries are for staff and that partner alone).
 *
 * @param verb the event type without {@code org.backbone.} and the major version, e.g. {@code activity.activity.registered}
 * @param title the object's title when the event names it (else the feed uses the last title it saw)
 * @param params the summary's further words, in the order of the message's placeholders {1}, {2}, …
 * @param organisations empty: every reader of the initiative; else only staff and these organisations
 */
public record FeedItem(String verb, String objectService, String objectType, String objectId, String title,
        List<String> params, Set<UUID> organisations) {

    /** The feed's item for {@code event}; empty for events of no initiative (an organisation registered). */
    public static Optional<FeedItem> of(BackboneEvent event) {
        if (event.initiativeId() == null || event.initiativeId().equals(BackboneEvent.NO_INITIATIVE)) {
            return Optional.empty();
        }
        return Optional.of(describing(event));
    }

    /** What any event is about, whether or not it belongs to an initiative (a notification may be of either). */
    public static FeedItem describing(BackboneEvent event) {
        String type = EventCatalog.of(event).type();
        String verb = type.substring("org.backbone.".length(), type.lastIndexOf(".v"));
        String[] parts = verb.split("\\.");
        String service = parts[0];
        String objectType = parts[1];
        String id = event.subject();
        Described d = describe(event);
        return new FeedItem(verb, service, d.objectType() != null ? d.objectType() : objectType,
                d.objectId() != null ? d.objectId() : id, d.title(),
                d.params().stream().map(p -> p == null ? "" : p).toList(), d.organisations());
    }

    private record Described(String objectType, String objectId, String title, List<String> params,
            Set<UUID> organisations) {

        static Described titled(String title, String... params) {
            return new Described(null, null, title, java.util.Arrays.asList(params), Set.of());
        }
    }

    private static Described describe(BackboneEvent event) {
        // Java 17: a chain of instanceof patterns (switch patterns came later)
        if (event instanceof InitiativeCreated e) {
            return Described.titled(e.name());
        } else if (event instanceof InitiativeUpdated e) {
            return Described.titled(e.name());
        } else if (event instanceof AgendaProposed e) {
            return new Described("agenda", String.valueOf(e.version()), null, java.util.Arrays.asList(String.valueOf(e.version())), Set.of());
        } else if (event instanceof AgendaEndorsed e) {
            return new Described("agenda", String.valueOf(e.version()), null,
                    java.util.Arrays.asList(String.valueOf(e.version()), e.decision().name()), Set.of());
        } else if (event instanceof AgendaRatified e) {
            return new Described("agenda", String.valueOf(e.version()), null,
                    java.util.Arrays.asList(String.valueOf(e.version()), String.valueOf(e.goals().size())), Set.of());
        } else if (event instanceof GoalActivated e) {
            return Described.titled(e.title());
        } else if (event instanceof PartnerJoined e) {
            return new Described("partner", e.organisationId().toString(), e.organisationName(),
                    java.util.Arrays.asList(e.role().name()), Set.of());
        } else if (event instanceof PartnerLeft e) {
            return new Described("partner", e.organisationId().toString(), null, java.util.Arrays.asList(), Set.of());
        } else if (event instanceof OrganisationUpdated e) {
            return Described.titled(e.name());
        } else if (event instanceof IndicatorDefined e) {
            return Described.titled(e.name(), e.code());
        } else if (event instanceof IndicatorUpdated e) {
            return Described.titled(e.name(), e.code());
        } else if (event instanceof IndicatorStatusChanged e) {
            return new Described(null, e.indicatorId().toString(), null,
                    java.util.Arrays.asList(e.period(), String.valueOf(e.previousStatus()), String.valueOf(e.status())), Set.of());
        } else if (event instanceof ProgressUpdated e) {
            return new Described("indicator", e.indicatorId().toString(), null,
                    java.util.Arrays.asList(e.period(), String.valueOf(e.status())), Set.of());
        } else if (event instanceof PeriodLocked e) {
            return new Described("indicator", e.indicatorId() == null ? null : e.indicatorId().toString(), null,
                    java.util.Arrays.asList(e.period()), Set.of());
        } else if (event instanceof ValuesRecorded e) {
            // a partner's submission is its own business: the backbone and that partner see it
            return new Described(null, null, null, java.util.Arrays.asList(String.valueOf(e.acceptedCount()),
                    String.valueOf(e.rejectedCount())), Set.of(e.organisationId()));
        } else if (event instanceof ValuesRejected e) {
            return new Described(null, null, null, java.util.Arrays.asList(String.valueOf(e.rejections().size())),
                    Set.of(e.organisationId()));
        } else if (event instanceof ActivityRegistered e) {
            return Described.titled(e.title(), e.status().name());
        } else if (event instanceof ActivityUpdated e) {
            return Described.titled(e.title(), e.status().name());
        } else if (event instanceof ActivityStatusChanged e) {
            return new Described(null, e.activityId().toString(), null,
                    java.util.Arrays.asList(String.valueOf(e.previousStatus()), e.status().name()), Set.of());
        } else if (event instanceof ReportSubmitted e) {
            return new Described("activity", e.activityId().toString(), null, java.util.Arrays.asList(e.period()), Set.of());
        } else if (event instanceof ReportReviewed e) {
            return new Described("activity", e.activityId().toString(), null, java.util.Arrays.asList(e.period(), e.status().name()),
                    Set.of());
        } else if (event instanceof CommitmentMade e) {
            return new Described("indicator", e.indicatorId().toString(), null,
                    java.util.Arrays.asList(e.period(), e.amount().toPlainString()), Set.of());
        } else if (event instanceof CommitmentWithdrawn e) {
            return new Described("indicator", e.indicatorId().toString(), null, java.util.Arrays.asList(e.period()), Set.of());
        } else if (event instanceof FindingOpened e) {
            return new Described(null, null, null, java.util.Arrays.asList(e.kind().name(), nullToEmpty(e.location()),
                    nullToEmpty(e.targetGroup())), Set.of());
        } else if (event instanceof FindingResolved e) {
            return new Described(null, null, null, java.util.Arrays.asList(e.kind().name()), Set.of());
        } else if (event instanceof FindingDismissed e) {
            return new Described(null, null, null, java.util.Arrays.asList(e.kind().name()), Set.of());
        } else if (event instanceof AnnouncementPublished e) {
            return new Described(null, null, e.title(), java.util.Arrays.asList(), announcementReaders(e));
        } else if (event instanceof ThreadOpened e) {
            return new Described(null, null, e.title(), java.util.Arrays.asList(e.about().type()),
                    subjectReaders(e.organisationIds()));
        } else if (event instanceof CommentPosted e) {
            return new Described("thread", e.threadId().toString(), null, java.util.Arrays.asList(),
                    subjectReaders(e.organisationIds()));
        } else if (event instanceof MentionMade e) {
            // the title travels with the mention: whoever is told need not wait for the feed to learn it
            return new Described("thread", e.threadId().toString(), e.threadTitle(), java.util.Arrays.asList(e.mentionedUserId()),
                    subjectReaders(e.organisationIds()));
        } else if (event instanceof MeetingScheduled e) {
            return Described.titled(e.title(), String.valueOf(e.startsAt()));
        } else if (event instanceof MeetingRescheduled e) {
            return Described.titled(e.title(), String.valueOf(e.startsAt()));
        } else if (event instanceof MeetingCancelled e) {
            return Described.titled(e.title());
        } else if (event instanceof MeetingHeld e) {
            return Described.titled(e.title(), String.valueOf(e.attendingOrganisations()));
        } else if (event instanceof MinutesCirculated e) {
            return new Described("meeting", e.meetingId().toString(), null,
                    java.util.Arrays.asList(String.valueOf(e.amendmentsUntil())), Set.of());
        } else if (event instanceof MinutesApproved e) {
            return new Described("meeting", e.meetingId().toString(), null, java.util.Arrays.asList(), Set.of());
        } else if (event instanceof MinutesPublished e) {
            return new Described("meeting", e.meetingId().toString(), null, java.util.Arrays.asList(e.contentHash()), Set.of());
        } else if (event instanceof DecisionAdopted e) {
            return Described.titled(shortened(e.statement()));
        } else if (event instanceof DecisionReviewDue e) {
            return Described.titled(shortened(e.statement()), String.valueOf(e.reviewOn()));
        } else if (event instanceof ActionItemAssigned e) {
            return Described.titled(e.title(), String.valueOf(e.dueOn()));
        } else if (event instanceof ActionItemCompleted e) {
            return Described.titled(e.title());
        } else if (event instanceof ActionItemOverdue e) {
            return Described.titled(e.title(), String.valueOf(e.dueOn()));
        } else if (event instanceof ReportDue e) {
            // whose report is missing is between that partner and the backbone
            return new Described(null, null, e.indicatorName(), java.util.Arrays.asList(e.period(), e.dueBy().toString()),
                    Set.of(e.organisationId()));
        } else if (event instanceof ReportOverdue e) {
            return new Described(null, null, e.indicatorName(), java.util.Arrays.asList(e.period(), e.dueBy().toString()),
                    Set.of(e.organisationId()));
        } else if (event instanceof WebhookEndpointDisabled e) {
            return new Described(null, null, e.url(), java.util.Arrays.asList(e.reason()),
                    e.organisationId() == null ? STAFF_ONLY : Set.of(e.organisationId()));
        }
        return new Described(null, null, null, java.util.Arrays.asList(), Set.of());
    }

    /** Readers of the initiative that are no organisation's members: staff alone. */
    private static final Set<UUID> STAFF_ONLY = Set.of(BackboneEvent.NO_INITIATIVE);

    /** A discussion's entry is for whoever reads its subject: everyone (none given), or staff and these organisations. */
    private static Set<UUID> subjectReaders(List<UUID> organisations) {
        if (organisations == null) {
            return Set.of();
        }
        Set<UUID> readers = new java.util.HashSet<>(STAFF_ONLY);
        readers.addAll(organisations);
        return Set.copyOf(readers);
    }

    /**
     * Who reads an announcement's entry: everyone for EVERYONE; staff alone for STAFF; for PARTNERS staff
     * and the partners it was for (staff alone when the event predates that list), never observers.
     */
    private static Set<UUID> announcementReaders(AnnouncementPublished e) {
        if (e.audience() == Audience.EVERYONE) {
            return Set.of();
        }
        Set<UUID> readers = new java.util.HashSet<>(STAFF_ONLY);
        if (e.audience() == Audience.PARTNERS && e.organisationIds() != null) {
            readers.addAll(e.organisationIds());
        }
        return Set.copyOf(readers);
    }

    /** A decision's statement as its title: the feed names it, the decision says it in full. */
    private static String shortened(String statement) {
        return statement.length() <= 200 ? statement : statement.substring(0, 199) + "\u2026";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
