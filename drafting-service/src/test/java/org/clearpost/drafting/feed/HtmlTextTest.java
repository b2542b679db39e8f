package org.clearpost.drafting.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void tagsGoAndEntitiesAreDecoded() {
        assertThat(HtmlText.strip("<p>Fines &amp; <b>reprimands</b>&nbsp;in&#160;2026 &#x2014; <a href=\"x\">read</a></p>"))
                .isEqualTo("Fines & reprimands in 2026 \u2014 read");
    }

    @Test
    void scriptsStylesAndCommentsVanishWithTheirContent() {
        assertThat(HtmlText.strip("Before<script>alert('x')</script><style>p{}</style><!-- note -->After"))
                .isEqualTo("Before After");
    }

    @Test
    void unknownEntitiesAreLeftAsWritten() {
        assertThat(HtmlText.strip("a &bogus; b")).isEqualTo("a &bogus; b");
        assertThat(HtmlText.strip(null)).isEmpty();
    }
}
