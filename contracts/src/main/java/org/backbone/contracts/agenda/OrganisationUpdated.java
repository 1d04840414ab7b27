package org.backbone.contracts.agenda;

import java.util.UUID;
import org.backbone.contracts.BackboneEvent;
import org.backbone.contracts.EventType;

/** An organisation's profile changed. Not bound to one initiative: initiativeId is the nil UUID. */
@EventType("org.backbone.agenda.organisation.updated.v1")
public record OrganisationUpdated(
        UUID initiativeId,
        UUID organisationId,
        String name,
        Sector sector,
        String country,
        String website,
        long version) implements BackboneEvent {

    @Override
    public String subject() {
        return String.valueOf(organisationId);
    }
}
