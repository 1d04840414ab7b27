package org.backbone.communication.domain.notification;

import java.util.List;
import java.util.Locale;
import org.backbone.communication.domain.FeedSummaries;

/** What a notification says, in a language: its kind's own words, or the feed's for what watchers are told. */
public final class NotificationText {

    /** Texts: one per kind and language, the feed's words as placeholders. */
    public static final String BUNDLE = "notifications.messages";

    private NotificationText() {
    }

    public static String render(String kind, String verb, String title, String objectId, List<String> params, Locale locale) {
        String shown = title == null ? objectId : title;
        return kind.equals(NotificationTriggers.WATCHED)
                ? FeedSummaries.render(verb, shown, params, locale)
                : FeedSummaries.render(BUNDLE, kind, shown, params, locale);
    }
}
