package org.backbone.contracts.agenda;

/** The sector an organisation belongs to. */
public enum Sector {
    GOVERNMENT,
    BUSINESS,
    NONPROFIT,
    PHILANTHROPY,
    ACADEMIA,
    COMMUNITY
}
