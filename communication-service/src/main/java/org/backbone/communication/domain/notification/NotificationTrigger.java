package org.backbone.communication.domain.notification;

import java.util.Optional;
import org.backbone.contracts.BackboneEvent;

/**
 * One reason to tell people: which events, and whom. Adding one is a class listed in
 * {@link NotificationTriggers} and a message per language under {@code notifications/} keyed by its kind.
 */
public interface NotificationTrigger {

    Optional<Notice> of(BackboneEvent event);
}
