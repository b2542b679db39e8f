package org.clearpost.monitoring.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.junit.jupiter.api.Test;

class QueryMatchingTest {

    private static boolean matches(String query, String text) {
        return matches(query, Network.X, "someone", "en", text);
    }

    private static boolean matches(String query, Network network, String author, String lang, String text) {
        CompiledQueries queries = one(query);
        return !queries.matching(MentionText.of(queries.vocabulary(), network, author, lang, text)).isEmpty();
    }

    private static boolean matches(String query, NormalisedMention mention) {
        return !one(query).matching(mention).isEmpty();
    }

    private static CompiledQueries one(String query) {
        return new CompiledQueries(List.of(new CompiledQueries.Compiled(UUID.randomUUID(),
                QueryParser.parse(query))), 1);
    }

    @Test
    void wordsMatchWholeWordsWhateverTheirCaseAccentsAndPunctuation() {
        assertThat(matches("ico", "The ICO's new guidance!")).isTrue();
        assertThat(matches("ico", "Picon and icons")).isFalse();
        assertThat(matches("cafe", "Le CAFÉ est fermé")).isTrue();
        assertThat(matches("Café", "cafe society")).isTrue();
        assertThat(matches("strasse", "Die Straße")).isTrue();
        assertThat(matches("data-protection", "Data protection matters")).isTrue();
        assertThat(matches("\"data protection\"", "data-protection.")).isTrue();
        assertThat(matches("\"data protection\"", "protection of data")).isFalse();
        assertThat(matches("ﬁne", "a fine of £7.5m")).isTrue();
    }

    @Test
    void booleanOperators() {
        String query = "(ico OR \"information commissioner\") (fine OR reprimand) -spam";
        assertThat(matches(query, "The Information Commissioner issued a fine")).isTrue();
        assertThat(matches(query, "ICO reprimand for council")).isTrue();
        assertThat(matches(query, "ICO reprimand spam")).isFalse();
        assertThat(matches(query, "ICO guidance")).isFalse();
        assertThat(matches("NOT ico", "anything else")).isTrue();
    }

    @Test
    void nearCountsTheWordsBetweenInEitherOrderWithoutOverlap() {
        assertThat(matches("commissioner NEAR/0 john", "Commissioner John Edwards")).isTrue();
        assertThat(matches("commissioner NEAR/0 edwards", "Commissioner John Edwards")).isFalse();
        assertThat(matches("commissioner NEAR/1 edwards", "Commissioner John Edwards")).isTrue();
        assertThat(matches("edwards NEAR/1 commissioner", "Commissioner John Edwards")).isTrue();
        assertThat(matches("\"john edwards\" NEAR/2 ico", "John Edwards, head of the ICO")).isFalse();
        assertThat(matches("\"john edwards\" NEAR/3 ico", "John Edwards, head of the ICO")).isTrue();
        assertThat(matches("data NEAR/3 \"data protection\"", "data protection")).isFalse();
        assertThat(matches("data NEAR/3 \"data protection\"", "data and data protection")).isTrue();
        assertThat(matches("a NEAR/2 b", "b x x x a and later a x b")).isTrue();
        assertThat(matches("edwards NEAR/2 (commissioner OR ico)", "Edwards of the ICO")).isTrue();
        assertThat(matches("edwards NEAR/2 (commissioner OR ico)", "Edwards, who once ran the ICO")).isFalse();
    }

    @Test
    void fieldsMatchTheMentionsMetadata() {
        assertThat(matches("author:ICOnews", Network.X, "@iconews", "en", "hello")).isTrue();
        assertThat(matches("author:iconews", Network.X, "someone", "en", "iconews")).isFalse();
        assertThat(matches("network:x|bluesky", Network.BLUESKY, null, null, "x")).isTrue();
        assertThat(matches("network:facebook", Network.BLUESKY, null, null, "x")).isFalse();
        assertThat(matches("lang:en", Network.X, null, "en-GB", "x")).isTrue();
        assertThat(matches("lang:en", Network.X, null, "eng", "x")).isFalse();
        assertThat(matches("lang:en-gb", Network.X, null, "en", "x")).isFalse();
        assertThat(matches("lang:en", Network.X, null, null, "x")).isFalse();
    }

    @Test
    void hashtagsAndMentionsFromTheNetworkOrTheText() {
        assertThat(matches("#DataProtection", "Read about #dataprotection today")).isTrue();
        assertThat(matches("#DataProtection", "Read about data protection today")).isFalse();
        assertThat(matches("@ico", "thanks @ICO.")).isTrue();
        assertThat(matches("@ico", "mail me at someone@ico.org.uk")).isFalse();
        assertThat(matches("@ico", "cc @ico@mastodon.social")).isTrue();
        NormalisedMention marked = mention("No markers in this text", List.of("UKGDPR"), List.of("ICOnews"));
        assertThat(matches("#ukgdpr", marked)).isTrue();
        assertThat(matches("@iconews", marked)).isTrue();
        assertThat(matches("@clearpost_council", marked))
                .as("the body's account it was addressed to").isTrue();
    }

    @Test
    void theSnapshotReturnsEveryMatchingQueryInItsOrder() {
        UUID body = UUID.randomUUID();
        UUID head = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        CompiledQueries queries = new CompiledQueries(List.of(
                new CompiledQueries.Compiled(body, QueryParser.parse("ico OR \"information commissioner's office\"")),
                new CompiledQueries.Compiled(head, QueryParser.parse("\"john edwards\" NEAR/5 commissioner")),
                new CompiledQueries.Compiled(other, QueryParser.parse("#cleanair"))), 1);

        assertThat(queries.matching(mention("John Edwards, the Information Commissioner, at the ICO", List.of(),
                List.of()))).containsExactly(body, head);
        assertThat(queries.matching(mention("nothing relevant", List.of(), List.of()))).isEmpty();
        assertThat(CompiledQueries.NONE.matching(mention("ico", List.of(), List.of()))).isEmpty();
    }

    static NormalisedMention mention(String text, List<String> hashtags, List<String> handles) {
        return new NormalisedMention(Network.MASTODON, "1", List.of(), "clearpost_council", "9", "resident",
                "A Resident", text, null, "en", hashtags, handles, Instant.EPOCH, Instant.EPOCH);
    }
}
