package org.backbone.communication;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.backbone.driver.Tokens;
import org.backbone.kit.testing.Api;

/** The demo realm's callers by name, and what they were told: shared by the permission-matrix tests. */
final class Callers {

    private Callers() {
    }

    /** A token for admin, a partner system (partner-a-system) or a demo user (member-a, member-b, observer). */
    static String token(String who) {
        return switch (who) {
            case "admin" -> Tokens.admin();
            case "partner-a-system" -> Tokens.system("partner-a-system");
            default -> Tokens.user(who);
        };
    }

    /** The kinds of the caller's notifications about {@code initiative}, newest first. */
    static List<String> notificationKinds(String token, UUID initiative) {
        List<Map<String, Object>> items = Api.as(token).get("/v1/me/notifications?limit=200").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(n -> initiative.toString().equals(n.get("initiativeId")))
                .map(n -> (String) n.get("kind")).toList();
    }
}
