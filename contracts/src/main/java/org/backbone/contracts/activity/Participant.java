package org.backbone.contracts.activity;

import java.util.UUID;

/** An organisation taking part in an activity, in one role. */
public record Participant(UUID organisationId, ParticipationRole role) {
}
