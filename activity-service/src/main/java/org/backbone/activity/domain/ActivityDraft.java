package org.backbone.activity.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.backbone.contracts.activity.Participant;

/** An activity as a partner describes it, before the rules have checked it. */
public record ActivityDraft(String title, String description, String activityType, List<Participant> participants,
        List<UUID> goalIds, List<Coverage.Place> places, List<String> targetGroups, LocalDate plannedStart,
        LocalDate plannedEnd, List<Reach> plannedReach, Budget budget, String iatiIdentifier) {

    /** How many people of a target group an activity means to reach, or reached, in one location. */
    public record Reach(String targetGroup, String location, long count) {
    }

    /** What the activity costs and who pays: staff and the activity's own organisations see it. */
    public record Budget(BigDecimal amount, String currency, UUID funder) {
    }
}
