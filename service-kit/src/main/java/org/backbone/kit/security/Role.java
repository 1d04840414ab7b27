package org.backbone.kit.security;

/** The realm roles of the {@code backbone} Keycloak realm. */
public final class Role {

    public static final String BACKBONE_ADMIN = "backbone-admin";
    public static final String PARTNER_MEMBER = "partner-member";
    public static final String PARTNER_SYSTEM = "partner-system";
    public static final String OBSERVER = "observer";

    private Role() {
    }
}
