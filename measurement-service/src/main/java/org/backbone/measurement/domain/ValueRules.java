package org.backbone.measurement.domain;

import org.backbone.kit.domain.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.backbone.contracts.measurement.Aggregation;
import org.backbone.contracts.measurement.ValueType;
import org.backbone.kit.domain.FieldProblem;
import org.backbone.kit.domain.ExactNumbers;
import org.backbone.kit.domain.StorableText;

/**
 * The one validation every submission path uses: the indicator is active; the partner is a current
 * member and one of the indicator's reporters; the period code fits the periodicity and is not
 * locked; the value fits the type and the valid range; dimension values are allowed.
 */
public final class ValueRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ValueRules() {
    }

    /** Everything wrong with {@code value}; empty when it can be stored. */
    public static List<FieldProblem> problems(IndicatorSpec indicator, SubmittedValue value, UUID partner,
            boolean partnerIsMember, Set<String> lockedPeriods) {
        List<FieldProblem> problems = new ArrayList<>();
        // text the database cannot store is refused first, and never echoed in a message
        text("period", value.period(), problems);
        text("comment", value.comment(), problems);
        if (value.dimensions() != null) {
            value.dimensions().forEach((dimension, member) -> {
                text("dimensions", dimension, problems);
                text("dimensions." + StorableText.sanitized(dimension), member, problems);
            });
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!indicator.active()) {
            problems.add(new FieldProblem("indicatorCode", "indicator " + indicator.code() + " is retired"));
        }
        if (!partnerIsMember) {
            problems.add(new FieldProblem("organisationId", "not a current partner of the initiative"));
        } else if (!indicator.reporters().isEmpty() && !indicator.reporters().contains(partner)) {
            problems.add(new FieldProblem("organisationId", "not among the organisations that report " + indicator.code()));
        }
        if (Period.parse(value.period(), indicator.periodicity(), indicator.schoolYearStart()).isEmpty()) {
            problems.add(new FieldProblem("period", "'" + value.period() + "' is not a "
                    + indicator.periodicity().name().toLowerCase().replace('_', ' ') + " period code"));
        } else if (lockedPeriods.contains(value.period())) {
            problems.add(FieldProblem.conflict("period", "period " + value.period() + " is locked"));
        }
        if (indicator.aggregation() == Aggregation.RATIO) {
            checkRatio(value, problems);
        } else if (value.value() == null) {
            problems.add(new FieldProblem("value", "required"));
        } else {
            checkNumber("value", value.value(), indicator, problems);
        }
        checkDimensions(indicator.dimensions(), value.dimensions() == null ? Map.of() : value.dimensions(), problems);
        return problems;
    }

    private static void checkRatio(SubmittedValue value, List<FieldProblem> problems) {
        if (value.numerator() == null) {
            problems.add(new FieldProblem("numerator", "required for a ratio indicator"));
        } else if (outOfRange("numerator", value.numerator(), problems)) {
            // named above
        } else if (value.numerator().signum() < 0) {
            problems.add(new FieldProblem("numerator", "must not be negative"));
        }
        if (value.denominator() == null) {
            problems.add(new FieldProblem("denominator", "required for a ratio indicator"));
        } else if (outOfRange("denominator", value.denominator(), problems)) {
            // named above
        } else if (value.denominator().signum() < 0) {
            problems.add(new FieldProblem("denominator", "must not be negative"));
        }
        if (value.value() != null) {
            problems.add(new FieldProblem("value", "send numerator and denominator for a ratio indicator"));
        }
    }

    private static void text(String field, String text, List<FieldProblem> problems) {
        String problem = StorableText.problem(text);
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
        }
    }

    /** Outside the range every value is held to ({@link ExactNumbers#storeProblem}). */
    private static boolean outOfRange(String field, BigDecimal number, List<FieldProblem> problems) {
        String problem = ExactNumbers.storeProblem(number);
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
            return true;
        }
        return false;
    }

    private static void checkNumber(String field, BigDecimal number, IndicatorSpec indicator, List<FieldProblem> problems) {
        if (outOfRange(field, number, problems)) {
            return;
        }
        if (indicator.valueType() == ValueType.INTEGER && number.stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem(field, "must be a whole number"));
        }
        if (indicator.valueType() == ValueType.PERCENT && (number.signum() < 0 || number.compareTo(HUNDRED) > 0)) {
            problems.add(new FieldProblem(field, "must be a percentage between 0 and 100"));
        }
        if (indicator.valueType() == ValueType.CURRENCY && number.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem(field, "must have at most two decimals"));
        }
        indicator.minimum().filter(min -> number.compareTo(min) < 0).ifPresent(min ->
                problems.add(new FieldProblem(field, "must be at least " + min.toPlainString())));
        indicator.maximum().filter(max -> number.compareTo(max) > 0).ifPresent(max ->
                problems.add(new FieldProblem(field, "must be at most " + max.toPlainString())));
    }

    private static void checkDimensions(Map<String, Set<String>> allowed, Map<String, String> given,
            List<FieldProblem> problems) {
        given.forEach((dimension, member) -> {
            Set<String> members = allowed.get(dimension);
            if (members == null) {
                problems.add(new FieldProblem("dimensions." + dimension, "the indicator has no dimension " + dimension));
            } else if (!members.contains(member)) {
                problems.add(new FieldProblem("dimensions." + dimension, "'" + member + "' is not one of " + members));
            }
        });
    }
}
