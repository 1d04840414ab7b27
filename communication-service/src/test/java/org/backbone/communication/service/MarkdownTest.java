package org.backbone.communication.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void commonMarkBecomesHtml() {
        assertThat(Markdown.toHtml("# Agenda\n\n- **gaps** in the Negev\n- `off track` indicators\n\n| a | b |"))
                .contains("<h1>Agenda</h1>").contains("<li><strong>gaps</strong> in the Negev</li>")
                .contains("<code>off track</code>");
    }

    @Test
    void htmlWrittenIntoTheMarkdownIsShownAsTextNeverRun() {
        String html = Markdown.toHtml("<script>alert(1)</script>\n\n<b onmouseover=\"alert(2)\">hi</b>");
        assertThat(html).doesNotContain("<script").doesNotContain("<b ").contains("&lt;script&gt;");
    }

    @Test
    void linksKeepSafeSchemesOnlyAndOpenWithoutReferrer() {
        assertThat(Markdown.toHtml("[ok](https://top15.example/a?b=1)"))
                .isEqualTo("<p><a href=\"https://top15.example/a?b=1\" rel=\"nofollow noopener noreferrer\">ok</a></p>\n");
        assertThat(Markdown.toHtml("[bad](javascript:alert(1)) [data](data:text/html,<script>x</script>) [v](vbscript:x)"))
                .doesNotContain("javascript:").doesNotContain("data:").doesNotContain("vbscript:");
    }

    @Test
    void imagesAreLeftOutSoNothingLoadsFromElsewhere() {
        assertThat(Markdown.toHtml("![pixel](https://tracker.example/p.gif)")).doesNotContain("<img").contains("<p>");
    }

    @Test
    void nothingIsEmpty() {
        assertThat(Markdown.toHtml("")).isEmpty();
        assertThat(Markdown.toHtml(null)).isEmpty();
    }
}
