package org.backbone.kit.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.backbone.kit.security.Caller;
import org.backbone.kit.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of caller against every standing of an initiative: read, change, or the 404 of absence. */
class AccessRuleTest {

    private static final UUID ORGANISATION = UUID.randomUUID();

    @ParameterizedTest(name = "{0} on a {1} initiative: read {2}, change {3}")
    @CsvSource({
            // caller,          standing,   reads, changes
            "staff,             ABSENT,     false, false",
            "staff,             NOT_MEMBER, true,  true",
            "staff,             MEMBER,     true,  true",
            "observer,          ABSENT,     false, false",
            "observer,          NOT_MEMBER, true,  false",
            "observer,          MEMBER,     true,  false",
            "partner-member,    ABSENT,     false, false",
            "partner-member,    NOT_MEMBER, false, false",
            "partner-member,    MEMBER,     true,  false",
            "partner-system,    ABSENT,     false, false",
            "partner-system,    NOT_MEMBER, false, false",
            "partner-system,    MEMBER,     true,  false",
            // a partner_id claim without a partner role grants nothing
            "partner-id-only,   MEMBER,     false, false",
            "no-role,           NOT_MEMBER, false, false",
            "no-role,           MEMBER,     false, false",
    })
    void decides(String kind, Standing standing, boolean reads, boolean changes) {
        Caller caller = caller(kind);
        boolean read = AccessRule.mayRead(caller, standing);
        assertThat(read).isEqualTo(reads);
        assertThat(read && AccessRule.mayAdminister(caller)).isEqualTo(changes);
    }

    @ParameterizedTest(name = "{0} lists {1}, checking membership of {2}")
    @CsvSource({
            "staff,           ALL,       false",
            "observer,        ALL,       false",
            "partner-member,  MEMBER_OF, true",
            "partner-system,  MEMBER_OF, true",
            "partner-id-only, NONE,      false",
            "no-role,         NONE,      false",
    })
    void scopes(String kind, Scope scope, boolean checksMembership) {
        Caller caller = caller(kind);
        assertThat(AccessRule.scope(caller)).isEqualTo(scope);
        assertThat(AccessRule.memberToCheck(caller)).isEqualTo(checksMembership ? Optional.of(ORGANISATION) : Optional.empty());
    }

    private static Caller caller(String kind) {
        return switch (kind) {
            case "staff" -> new Caller("staff", Set.of(Role.BACKBONE_ADMIN), Optional.empty());
            case "observer" -> new Caller("observer", Set.of(Role.OBSERVER), Optional.empty());
            case "partner-member" -> new Caller("member", Set.of(Role.PARTNER_MEMBER), Optional.of(ORGANISATION));
            case "partner-system" -> new Caller("system", Set.of(Role.PARTNER_SYSTEM), Optional.of(ORGANISATION));
            case "partner-id-only" -> new Caller("odd", Set.of(), Optional.of(ORGANISATION));
            case "no-role" -> new Caller("nobody", Set.of(), Optional.empty());
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
