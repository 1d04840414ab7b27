package org.backbone.agenda.domain;

import java.util.List;

/** What partners agree on: the draft, and each frozen version, hold one of these. */
public record AgendaContent(String problemStatement, String vision, String mission, Boundaries boundaries,
        List<Goal> goals) {
}
