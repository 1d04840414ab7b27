package org.backbone.measurement.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.contracts.measurement.ProgressStatus;

/** An indicator's progress period by period (also the API's body for it). */
public record Progress(UUID indicatorId, String code, String name, List<PeriodProgress> periods) {

    /**
     * One period: the aggregate of the approved totals, the target, the share of the way from the
     * baseline, the status and trend; {@code byDimension} only when a breakdown was asked for.
     */
    public record PeriodProgress(String period, BigDecimal value, BigDecimal target, BigDecimal baseline,
            BigDecimal shareOfWay, ProgressStatus status, int reportingPartners, int expectedPartners,
            ProgressRules.Trend trend, Map<String, BigDecimal> byDimension) {
    }
}
