package org.backbone.agenda.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.kit.domain.FieldProblem;

/**
 * How a proposed version becomes ratified.
 *
 * <ul>
 *   <li>{@code UNANIMOUS}: every voting partner endorses.</li>
 *   <li>{@code QUORUM}: endorsements reach {@code quorum} (a fraction, 0 &lt; q ≤ 1, five decimals at most) of the voting
 *       partners, and no FOUNDING partner objects.</li>
 * </ul>
 */
public record RatificationRule(RatificationKind kind, BigDecimal quorum) {

    /** The quorum's precision, as stored: a finer fraction would be rounded, 1E-8 to nothing. */
    public static final int QUORUM_DECIMALS = 5;

    public static RatificationRule unanimous() {
        return new RatificationRule(RatificationKind.UNANIMOUS, null);
    }

    public static RatificationRule quorum(String fraction) {
        return new RatificationRule(RatificationKind.QUORUM, new BigDecimal(fraction));
    }

    public static List<FieldProblem> problems(RatificationKind kind, BigDecimal quorum, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem(field + ".kind", "must be UNANIMOUS or QUORUM"));
        } else if (kind == RatificationKind.QUORUM) {
            if (quorum == null) {
                problems.add(new FieldProblem(field + ".quorum", "required for QUORUM"));
            } else if (quorum.signum() <= 0 || quorum.compareTo(BigDecimal.ONE) > 0) {
                problems.add(new FieldProblem(field + ".quorum", "must be greater than 0 and at most 1"));
            } else if (quorum.stripTrailingZeros().scale() > QUORUM_DECIMALS) {
                // stored as NUMERIC(6, 5): 1E-8 became 0, a quorum any ballot reaches
                problems.add(new FieldProblem(field + ".quorum", "at most " + QUORUM_DECIMALS + " decimal places"));
            }
        } else if (quorum != null) {
            problems.add(new FieldProblem(field + ".quorum", "only for QUORUM"));
        }
        return problems;
    }
}
