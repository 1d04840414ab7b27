package org.backbone.contracts.agenda;

/** How an organisation takes part in an initiative. */
public enum PartnerRole {
    FOUNDING,
    CORE,
    SUPPORTING
}
