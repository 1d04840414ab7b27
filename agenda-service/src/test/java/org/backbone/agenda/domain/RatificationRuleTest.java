package org.backbone.agenda.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.backbone.contracts.agenda.RatificationKind;
import org.backbone.kit.domain.FieldProblem;
import org.junit.jupiter.api.Test;

class RatificationRuleTest {

    private static java.util.List<FieldProblem> quorum(String fraction) {
        return RatificationRule.problems(RatificationKind.QUORUM, new BigDecimal(fraction), "rule");
    }

    @Test
    void aQuorumIsAFractionAboveZeroUpToOneWithFiveDecimalsAtMost() {
        for (String fine : new String[] {"1", "0.5", "0.66667", "0.000010", "1.00000000"}) {
            assertThat(quorum(fine)).as(fine).isEmpty();
        }
        for (String refused : new String[] {"0", "-0.5", "1.00001", "1E-8", "0.666666", "0.000001"}) {
            assertThat(quorum(refused)).as(refused).extracting(FieldProblem::field).containsExactly("rule.quorum");
        }
    }
}
