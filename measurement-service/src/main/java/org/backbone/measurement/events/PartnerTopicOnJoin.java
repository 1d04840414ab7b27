package org.backbone.measurement.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.agenda.PartnerJoined;
import org.backbone.kit.agenda.AgendaReaction;

/** A joining partner's submission topic exists before its membership is projected. */
@ApplicationScoped
class PartnerTopicOnJoin implements AgendaReaction {

    private final PartnerTopics partnerTopics;

    PartnerTopicOnJoin(PartnerTopics partnerTopics) {
        this.partnerTopics = partnerTopics;
    }

    @Override
    public Uni<Void> on(BackboneEvent event) {
        return event instanceof PartnerJoined joined ? partnerTopics.ensure(joined.organisationId())
                : Uni.createFrom().voidItem();
    }
}
