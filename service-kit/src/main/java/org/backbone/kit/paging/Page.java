package org.backbone.kit.paging;

import java.util.List;

/**
 * One page of a list. {@code next} is the opaque cursor of the following page, absent on the last.
 */
public record Page<T>(List<T> items, String next) {
}
