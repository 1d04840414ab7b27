package org.backbone.communication.service;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import org.backbone.communication.domain.FeedSummaries;
import org.backbone.communication.domain.notification.NotificationText;
import org.backbone.communication.persistence.Notifications.Notification;

/**
 * Writes a mail from notifications, with the Qute templates under {@code templates/mail/} (HTML
 * escaped by Qute, plus a plain-text part) and the words of {@code mail/messages*.properties} in the
 * person's language, right to left for Hebrew. A digest groups by initiative, then by object.
 */
@ApplicationScoped
public class MailComposer {

    /** A written mail. */
    public record Composed(String subject, String text, String html) {
    }

    public record Item(String text, String time) {
    }

    public record ObjectGroup(String title, List<Item> items) {
    }

    public record InitiativeGroup(String title, List<ObjectGroup> objects) {
    }

    private static final String WORDS = "mail.messages";
    private static final List<String> RIGHT_TO_LEFT = List.of("he", "ar", "fa", "yi");

    private final Template noticeHtml;
    private final Template noticeText;
    private final Template digestHtml;
    private final Template digestText;
    private final Template unsubscribePage;

    MailComposer(@Location("mail/notice.html") Template noticeHtml, @Location("mail/notice.txt") Template noticeText,
            @Location("mail/digest.html") Template digestHtml, @Location("mail/digest.txt") Template digestText,
            @Location("mail/unsubscribe.html") Template unsubscribePage) {
        this.unsubscribePage = unsubscribePage;
        this.noticeHtml = noticeHtml;
        this.noticeText = noticeText;
        this.digestHtml = digestHtml;
        this.digestText = digestText;
    }

    /** The language a person's {@code locale} attribute asks for, of those the platform speaks. */
    public static Locale language(String locale) {
        return locale == null || locale.isBlank() ? Locale.ENGLISH : FeedSummaries.choose(List.of(Locale.forLanguageTag(locale)));
    }

    /** One notification, mailed at once. */
    public Composed notice(Notification n, String initiativeTitle, Locale locale, String unsubscribeUrl) {
        String text = NotificationText.render(n.kind(), n.verb(), n.title(), n.objectId(), n.params(), locale);
        Map<String, Object> data = frame(locale, unsubscribeUrl);
        String subject = words(locale, "notice.subject", text);
        data.put("subject", subject);
        data.put("heading", words(locale, "notice.heading"));
        data.put("initiative", initiativeTitle);
        data.put("text", text);
        data.put("why", words(locale, "notice.why", words(locale, "kind." + n.kind())));
        data.put("unsubscribe", words(locale, "notice.unsubscribe"));
        return new Composed(subject, render(noticeText, data), render(noticeHtml, data));
    }

    /** A digest of {@code frequency} (DAILY or WEEKLY) of the notifications, oldest first. */
    public Composed digest(String frequency, List<Notification> notifications, Map<UUID, String> initiativeTitles,
            Locale locale, ZoneId zone, String unsubscribeUrl) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone);
        Map<UUID, Map<String, List<Notification>>> grouped = new LinkedHashMap<>();
        for (Notification n : notifications) {
            grouped.computeIfAbsent(n.initiative(), i -> new LinkedHashMap<>())
                    .computeIfAbsent(n.objectService() + "/" + n.objectType() + "/" + n.objectId(), o -> new ArrayList<>()).add(n);
        }
        List<InitiativeGroup> initiatives = new ArrayList<>();
        grouped.forEach((initiative, objects) -> {
            List<ObjectGroup> groups = new ArrayList<>();
            objects.values().forEach(items -> {
                Notification last = items.get(items.size() - 1);
                groups.add(new ObjectGroup(last.title() == null ? last.objectType() + " " + last.objectId() : last.title(),
                        items.stream().map(n -> new Item(NotificationText.render(n.kind(), n.verb(), n.title(), n.objectId(),
                                n.params(), locale), time.format(n.createdAt()))).toList()));
            });
            initiatives.add(new InitiativeGroup(initiative == null ? words(locale, "digest.no-initiative")
                    : initiativeTitles.getOrDefault(initiative, initiative.toString()), groups));
        });
        Map<String, Object> data = frame(locale, unsubscribeUrl);
        String subject = words(locale, "digest.subject." + frequency, notifications.size());
        data.put("subject", subject);
        data.put("heading", words(locale, "digest.heading." + frequency));
        data.put("initiatives", initiatives);
        data.put("why", words(locale, "digest.why." + frequency));
        data.put("unsubscribe", words(locale, "digest.unsubscribe." + frequency));
        return new Composed(subject, render(digestText, data), render(digestHtml, data));
    }

    /** The page an unsubscribe link opens: a button that unsubscribes ({@code done} false), or that it is done. */
    public String unsubscribePage(Locale locale, String scope, String action, boolean done) {
        String what;
        try {
            what = words(locale, scope.equals("DAILY") || scope.equals("WEEKLY") ? "scope." + scope : "kind." + scope);
        } catch (java.util.MissingResourceException e) {
            what = scope; // a kind this version no longer has
        }
        Map<String, Object> data = frame(locale, action);
        data.put("title", words(locale, "unsubscribe.title"));
        data.put("done", done);
        data.put("message", words(locale, done ? "unsubscribe.done" : "unsubscribe.ask", what));
        data.put("button", words(locale, "unsubscribe.button"));
        data.put("action", action);
        return render(unsubscribePage, data);
    }

    private static Map<String, Object> frame(Locale locale, String unsubscribeUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lang", locale.getLanguage());
        data.put("dir", RIGHT_TO_LEFT.contains(locale.getLanguage()) ? "rtl" : "ltr");
        data.put("settings", words(locale, "settings"));
        data.put("unsubscribeUrl", unsubscribeUrl);
        return data;
    }

    private static String render(Template template, Map<String, Object> data) {
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static String words(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(WORDS, locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
