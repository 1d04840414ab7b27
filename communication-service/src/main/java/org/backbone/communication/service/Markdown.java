package org.backbone.communication.service;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Markdown as people write it (CommonMark), rendered once to HTML that is safe to show: HTML
 * written into the Markdown is escaped, never passed through, and the result is cleaned again by an
 * allow-list (jsoup's) — no scripts, no event handlers, no {@code javascript:} links, no images (they
 * would load from anywhere when the page opens); links open with {@code rel="nofollow noopener noreferrer"}.
 * Thread-safe.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addProtocols("a", "href", "https", "http", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private Markdown() {
    }

    /** The sanitised HTML of {@code markdown}. */
    public static String toHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        return Jsoup.clean(html, "", ALLOWED, OUTPUT);
    }
}
