package org.backbone.contracts;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backbone.contracts.activity.ActivityRegistered;
import org.backbone.contracts.activity.ActivityStatusChanged;
import org.backbone.contracts.activity.ActivityUpdated;
import org.backbone.contracts.activity.ActivityDeleted;
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
import org.backbone.contracts.agenda.GoalRetired;
import org.backbone.contracts.agenda.InitiativeCreated;
import org.backbone.contracts.agenda.InitiativeUpdated;
import org.backbone.contracts.agenda.OrganisationRegistered;
import org.backbone.contracts.agenda.OrganisationUpdated;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.contracts.agenda.PartnerLeft;
import org.backbone.contracts.communication.*;
import org.backbone.contracts.measurement.IndicatorDefined;
import org.backbone.contracts.measurement.IndicatorRetired;
import org.backbone.contracts.measurement.IndicatorStatusChanged;
import org.backbone.contracts.measurement.IndicatorUpdated;
import org.backbone.contracts.measurement.PeriodLocked;
import org.backbone.contracts.measurement.ProgressUpdated;
import org.backbone.contracts.measurement.ValuesRecorded;
import org.backbone.contracts.measurement.ValuesRejected;
import org.backbone.contracts.partner.MeasurementSubmitted;

/** The v1 event catalogue: type name ↔ record ↔ schema. Add a record here when you add an event. */
public final class EventCatalog {

    private static final List<Class<? extends BackboneEvent>> PAYLOADS = List.of(
            InitiativeCreated.class, InitiativeUpdated.class, OrganisationRegistered.class, OrganisationUpdated.class,
            PartnerJoined.class, PartnerLeft.class, AgendaProposed.class, AgendaEndorsed.class,
            AgendaRatified.class, GoalActivated.class, GoalRetired.class,
            IndicatorDefined.class, IndicatorUpdated.class, IndicatorRetired.class, ValuesRecorded.class,
            ValuesRejected.class, PeriodLocked.class, ProgressUpdated.class, IndicatorStatusChanged.class,
            ActivityRegistered.class, ActivityUpdated.class, ActivityStatusChanged.class, ActivityDeleted.class,
            ReportSubmitted.class, ReportReviewed.class, CommitmentMade.class, CommitmentWithdrawn.class,
            FindingOpened.class, FindingResolved.class, FindingDismissed.class,
            AnnouncementPublished.class, ThreadOpened.class, CommentPosted.class, MentionMade.class,
            MeetingScheduled.class, MeetingRescheduled.class, MeetingCancelled.class, MeetingHeld.class,
            MinutesCirculated.class, MinutesApproved.class, MinutesPublished.class, DecisionAdopted.class,
            DecisionSuperseded.class, DecisionRevoked.class, DecisionReviewDue.class, ActionItemAssigned.class,
            ActionItemCompleted.class, ActionItemOverdue.class, WebhookEndpointDisabled.class, ReportDue.class, ReportOverdue.class,
            MeasurementSubmitted.class);

    private static final Map<String, EventDescriptor> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, EventDescriptor> BY_CLASS = new LinkedHashMap<>();

    static {
        for (Class<? extends BackboneEvent> payload : PAYLOADS) {
            EventType annotation = payload.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalStateException(payload.getName() + " lacks @EventType");
            }
            EventDescriptor descriptor = new EventDescriptor(annotation.value(), payload);
            if (BY_TYPE.put(descriptor.type(), descriptor) != null) {
                throw new IllegalStateException("duplicate event type " + descriptor.type());
            }
            BY_CLASS.put(payload, descriptor);
        }
    }

    private EventCatalog() {
    }

    public static Collection<EventDescriptor> all() {
        return BY_TYPE.values();
    }

    public static Optional<EventDescriptor> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventDescriptor of(Class<? extends BackboneEvent> payloadClass) {
        EventDescriptor descriptor = BY_CLASS.get(payloadClass);
        if (descriptor == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not in the event catalogue");
        }
        return descriptor;
    }

    public static EventDescriptor of(BackboneEvent event) {
        return of(event.getClass());
    }
}
