package org.backbone.contracts.activity;

/** A location code of the initiative's vocabulary where an activity happens. */
public record ActivityPlace(String location, boolean wholeArea) {
}
