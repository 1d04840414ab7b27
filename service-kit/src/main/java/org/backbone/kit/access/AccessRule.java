package org.backbone.kit.access;

import java.util.Optional;
import java.util.UUID;
import org.backbone.kit.security.Caller;

/**
 * The one rule of who may see or change an initiative, as the permission tables of the service
 * READMEs state it: backbone staff everything; observers read every initiative; partner members
 * and partner systems read the initiatives their organisation currently belongs to; only staff
 * change anything. Pure, so that every caller kind × standing is a unit test.
 */
public final class AccessRule {

    private AccessRule() {
    }

    public static Scope scope(Caller caller) {
        if (caller.readsAllInitiatives()) {
            return Scope.ALL;
        }
        return caller.isPartner() ? Scope.MEMBER_OF : Scope.NONE;
    }

    /** The organisation whose membership decides, or empty when membership does not matter. */
    public static Optional<UUID> memberToCheck(Caller caller) {
        return scope(caller) == Scope.MEMBER_OF ? caller.partnerId() : Optional.empty();
    }

    /** Whether the caller may read an initiative in this standing (else it answers 404, as if absent). */
    public static boolean mayRead(Caller caller, Standing standing) {
        return switch (scope(caller)) {
            case ALL -> standing != Standing.ABSENT;
            case MEMBER_OF -> standing == Standing.MEMBER;
            case NONE -> false;
        };
    }

    /** Whether a caller who may read the initiative may also change it (else 403). */
    public static boolean mayAdminister(Caller caller) {
        return caller.isAdmin();
    }
}
