package org.backbone.agenda.domain;

import java.util.UUID;
import org.backbone.contracts.agenda.Horizon;

/**
 * One goal of an agenda. Ids stay the same across versions, so a goal can be followed from draft
 * to ratified version to the indicators and activities that hang on it.
 *
 * @param parentId the goal this one serves, or null for a root goal
 * @param equityFocus the population group the goal focuses on, if any
 */
public record Goal(UUID id, UUID parentId, String title, String description, Horizon horizon, String equityFocus) {
}
