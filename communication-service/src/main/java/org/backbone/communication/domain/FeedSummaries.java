package org.backbone.communication.domain;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The feed's one-line summaries, from {@code feed/messages*.properties}: English by default, Hebrew
 * for {@code he}; another language is one more file. {0} is the object's title, then the item's params.
 */
public final class FeedSummaries {

    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("he"));
    private static final String BUNDLE = "feed.messages";

    private FeedSummaries() {
    }

    /** The language of {@code languages} (best first) the feed speaks, else English. */
    public static Locale choose(List<Locale> languages) {
        for (Locale wanted : languages) {
            for (Locale known : LANGUAGES) {
                if (known.getLanguage().equals(wanted.getLanguage())) {
                    return known;
                }
            }
        }
        return Locale.ENGLISH;
    }

    public static String render(String verb, String title, List<String> params, Locale locale) {
        return render(BUNDLE, verb, title, params, locale);
    }

    /** The text of {@code key} in {@code bundleName}: {0} the title, {1}, … the params (the feed's words). */
    public static String render(String bundleName, String verb, String title, List<String> params, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(bundleName, locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(verb);
        } catch (MissingResourceException e) {
            // an event type newer than this service's texts: say what it is rather than nothing
            return verb + (title == null ? "" : ": " + title);
        }
        List<Object> words = new ArrayList<>();
        words.add(title == null ? "" : title);
        words.addAll(params);
        return new MessageFormat(pattern, locale).format(words.toArray());
    }
}
