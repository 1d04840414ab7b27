package org.backbone.communication.domain.notification;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * That an event concerns some people: of which kind (a preference and a message template each), and
 * who — staff, every current partner of the initiative, some organisations' members, the partners that
 * report an indicator ({@code reportersOf}, resolved by whoever delivers it), or named people.
 * Watchers are added, and the muted taken out, by whoever delivers it.
 */
public record Notice(String kind, boolean staff, boolean everyPartner, Set<UUID> organisations, Set<String> people,
        UUID reportersOf) {

    public Notice(String kind, boolean staff, boolean everyPartner, Set<UUID> organisations, Set<String> people) {
        this(kind, staff, everyPartner, organisations, people, null);
    }

    public static Notice toStaff(String kind) {
        return new Notice(kind, true, false, Set.of(), Set.of());
    }

    public static Notice toEveryPartner(String kind) {
        return new Notice(kind, false, true, Set.of(), Set.of());
    }

    public Notice andStaff() {
        return new Notice(kind, true, everyPartner, organisations, people, reportersOf);
    }

    public Notice andOrganisations(Set<UUID> more) {
        Set<UUID> all = new HashSet<>(organisations);
        all.addAll(more);
        return new Notice(kind, staff, everyPartner, Set.copyOf(all), people, reportersOf);
    }

    /** And the partners that report {@code indicator} (all current partners when it names none). */
    public Notice andReportersOf(UUID indicator) {
        return new Notice(kind, staff, everyPartner, organisations, people, indicator);
    }
}
