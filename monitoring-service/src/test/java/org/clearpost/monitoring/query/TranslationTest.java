package org.clearpost.monitoring.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranslationTest {

    private static Translation x(String query) {
        return XRuleTranslator.translate(QueryParser.parse(query));
    }

    private static Translation bluesky(String query) {
        return BlueskySearchTranslator.translate(QueryParser.parse(query));
    }

    @Test
    void xRulesUseXsOperators() {
        Translation rule = x("(ico OR \"information commissioner\") #DataProtection author:ICOnews @ico lang:en");
        assertThat(rule.status()).isEqualTo(Translation.Status.TRANSLATED);
        assertThat(rule.value())
                .isEqualTo("(ico OR \"information commissioner\") #dataprotection from:iconews @ico lang:en");
        assertThat(rule.warnings()).isEmpty();
    }

    @Test
    void xNegationIsPushedDownToSingleOperators() {
        assertThat(x("ico NOT (spam OR scam)").value()).isEqualTo("ico -spam -scam");
        assertThat(x("ico NOT (free money)").value()).isEqualTo("ico (-free OR -money)");
    }

    @Test
    void nearIsBroaderOnXAndSaysSo() {
        Translation rule = x("commissioner NEAR/3 \"john edwards\" OR ico");
        assertThat(rule.value()).isEqualTo("(commissioner \"john edwards\") OR ico");
        assertThat(rule.warnings()).singleElement().asString().contains("X has no NEAR", "broader");
        assertThat(x("edwards NEAR/2 (commissioner OR ico)").value()).isEqualTo("edwards (commissioner OR ico)");
    }

    @Test
    void accentsAreMatchedBothWaysOnX() {
        assertThat(x("Café").value()).isEqualTo("café OR cafe");
        assertThat(x("ico -Café").value()).isEqualTo("ico -café -cafe");
        assertThat(x("ico").warnings()).isEmpty();
    }

    @Test
    void networkIsDecidedBeforeTranslating() {
        assertThat(x("ico network:x|bluesky").value()).isEqualTo("ico");
        assertThat(x("ico network:facebook").status()).isEqualTo(Translation.Status.NOT_ON_NETWORK);
        assertThat(x("ico OR network:facebook").value()).isEqualTo("ico");
        assertThat(x("author:ico.org.uk").status()).isEqualTo(Translation.Status.NOT_ON_NETWORK);
    }

    @Test
    void whatXCannotFilterIsRefusedWithAReason() {
        assertThat(x("network:x").status()).isEqualTo(Translation.Status.NOT_TRANSLATABLE);
        Translation negations = x("NOT spam");
        assertThat(negations.status()).isEqualTo(Translation.Status.NOT_TRANSLATABLE);
        assertThat(negations.reason()).contains("must be present");
        assertThat(x("ico OR lang:en").status()).isEqualTo(Translation.Status.NOT_TRANSLATABLE);
        String many = String.join(" OR ", java.util.Collections.nCopies(120, "commissioner"));
        Translation tooLong = x(many);
        assertThat(tooLong.status()).isEqualTo(Translation.Status.NOT_TRANSLATABLE);
        assertThat(tooLong.reason()).contains("1024");
    }

    @Test
    void blueskyTakesWholeQueryConditionsAsParameters() {
        Translation search = bluesky("(ico OR \"information commissioner\") -spam author:ico.org.uk lang:en #ukgdpr");
        assertThat(search.status()).isEqualTo(Translation.Status.TRANSLATED);
        assertThat(search.value()).isEqualTo("(ico | \"information commissioner\") -spam");
        assertThat(search.parameters().keySet()).containsExactly("author", "lang", "tag");
        assertThat(search.parameters()).containsEntry("author", List.of("ico.org.uk"))
                .containsEntry("lang", List.of("en")).containsEntry("tag", List.of("ukgdpr"));
        assertThat(search.warnings()).isEmpty();
    }

    @Test
    void blueskyBroadensWhatItCannotSay() {
        Translation search = bluesky("ico (#ukgdpr OR author:ico.org.uk) a NEAR/2 b");
        assertThat(search.value()).isEqualTo("ico (a b)");
        assertThat(search.warnings()).hasSize(3);
        assertThat(bluesky("#ukgdpr").value()).isEqualTo("*");
        assertThat(bluesky("#ukgdpr").parameters()).containsEntry("tag", List.of("ukgdpr"));
        assertThat(bluesky("author:ico").status()).isEqualTo(Translation.Status.NOT_ON_NETWORK);
        assertThat(bluesky("NOT ico").value()).isEqualTo("-ico");
        assertThat(bluesky("lang:en OR lang:fr").status()).isEqualTo(Translation.Status.NOT_TRANSLATABLE);
    }
}
