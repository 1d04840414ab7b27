package org.backbone.communication.domain.notification;

import java.util.Set;
import java.util.UUID;

/**
 * That an event concerns some people: of which kind (a preference and a message template each), and
 * who — staff, every current partner of the initiative, some organisations' members, or named people.
 * Watchers are added, and the muted taken out, by whoever delivers it.
 */
public record Notice(String kind, boolean staff, boolean everyPartner, Set<UUID> organisations, Set<String> people) {

    public static Notice toStaff(String kind) {
        return new Notice(kind, true, false, Set.of(), Set.of());
    }

    public static Notice toEveryPartner(String kind) {
        return new Notice(kind, false, true, Set.of(), Set.of());
    }

    public Notice andStaff() {
        return new Notice(kind, true, everyPartner, organisations, people);
    }

    public Notice andOrganisations(Set<UUID> more) {
        java.util.Set<UUID> all = new java.util.HashSet<>(organisations);
        all.addAll(more);
        return new Notice(kind, staff, everyPartner, Set.copyOf(all), people);
    }
}
