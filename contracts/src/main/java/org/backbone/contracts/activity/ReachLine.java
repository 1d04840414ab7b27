package org.backbone.contracts.activity;

/** How many people of one target group an activity reached in one location during a period. */
public record ReachLine(String targetGroup, String location, long reached) {
}
