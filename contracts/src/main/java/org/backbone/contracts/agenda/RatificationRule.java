package org.backbone.contracts.agenda;

import java.math.BigDecimal;

/** The rule by which partners ratify an agenda version. */
public record RatificationRule(
        RatificationKind kind,
        BigDecimal quorum) {
}
