package org.clearpost.monitoring.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryParserTest {

    private static String canonical(String query) {
        return QueryParser.parse(query).toString();
    }

    @Test
    void juxtapositionIsAndAndOrBindsLooserThanAnd() {
        assertThat(canonical("ico fine OR reprimand")).isEqualTo("ico AND fine OR reprimand");
        assertThat(QueryParser.parse("ico fine OR reprimand")).isInstanceOf(QueryNode.Or.class);
        assertThat(canonical("ico (fine OR reprimand)")).isEqualTo("ico AND (fine OR reprimand)");
        assertThat(canonical("a AND b AND c")).isEqualTo(canonical("a b c"));
    }

    @Test
    void notBindsTightestAndDashIsNot() {
        assertThat(canonical("NOT spam ico")).isEqualTo("NOT spam AND ico");
        assertThat(canonical("ico -spam -\"free money\" -(a OR b)"))
                .isEqualTo("ico AND NOT spam AND NOT \"free money\" AND NOT (a OR b)");
        assertThat(canonical("NOT NOT ico")).isEqualTo("NOT NOT ico");
    }

    @Test
    void wordsAreFoldedAndPunctuationSplitsThemIntoPhrases() {
        assertThat(QueryParser.parse("Café")).isEqualTo(new QueryNode.Term("cafe", "café"));
        assertThat(canonical("data-protection")).isEqualTo("\"data protection\"");
        assertThat(canonical("ICO's")).isEqualTo("\"ico s\"");
        assertThat(canonical("\"Information  Commissioner's Office\""))
                .isEqualTo("\"information commissioner s office\"");
        assertThat(canonical("\"ico\"")).isEqualTo("ico");
        assertThat(canonical("and or not")).isEqualTo("and AND or AND not");
    }

    @Test
    void nearJoinsWordsAndPhrases() {
        QueryNode near = QueryParser.parse("commissioner NEAR/3 \"data breach\"");
        assertThat(near).isEqualTo(new QueryNode.Near(new QueryNode.Term("commissioner", "commissioner"),
                new QueryNode.Phrase(List.of("data", "breach"), List.of("data", "breach")), 3));
        assertThat(canonical("a b NEAR/2 c OR d")).isEqualTo("a AND b NEAR/2 c OR d");
        assertThat(canonical("\"john edwards\" NEAR/5 (commissioner OR ico)"))
                .isEqualTo("\"john edwards\" NEAR/5 (commissioner OR ico)");
    }

    @Test
    void fields() {
        assertThat(QueryParser.parse("author:@ICOnews")).isEqualTo(new QueryNode.Author("iconews"));
        assertThat(QueryParser.parse("from:ico")).isEqualTo(new QueryNode.Author("ico"));
        assertThat(QueryParser.parse("network:X|Bluesky|twitter"))
                .isEqualTo(new QueryNode.OnNetwork(Set.of(Network.X, Network.BLUESKY)));
        assertThat(QueryParser.parse("lang:en_GB")).isEqualTo(new QueryNode.Lang("en-gb"));
        assertThat(QueryParser.parse("#DataProtection")).isEqualTo(new QueryNode.Hashtag("dataprotection",
                "dataprotection"));
        assertThat(QueryParser.parse("@ICOnews.")).isEqualTo(new QueryNode.Mention("iconews", "iconews"));
        assertThat(canonical("https://ico.org.uk")).isEqualTo("\"https ico org uk\"");
        assertThat(canonical("10:30")).isEqualTo("\"10 30\"");
    }

    @Test
    void theCanonicalTextParsesToTheSameTree() {
        for (String query : List.of("(ico OR \"information commissioner\") -spam lang:en",
                "NOT (a b) OR c NEAR/4 \"d e\"", "#x @y author:z network:mastodon|x (p OR q) r")) {
            QueryNode tree = QueryParser.parse(query);
            assertThat(QueryParser.parse(tree.toString())).as(query).isEqualTo(tree);
        }
    }

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                Arguments.of("(ico OR fine", "position 13: expected ')' but found end of query (the '(' at position 1 is not closed)"),
                Arguments.of("ico)", "position 4: expected end of query but found ')' without a '(' before it"),
                Arguments.of("", "position 1: expected a word, \"phrase\", #hashtag, @handle, author:, network:, lang: or '(' but found end of query"),
                Arguments.of("ico OR", "position 7: expected a word, \"phrase\", #hashtag, @handle, author:, network:, lang: or '(' but found end of query"),
                Arguments.of("OR ico", "position 1: expected a word, \"phrase\", #hashtag, @handle, author:, network:, lang: or '(' but found 'OR' (to search for the word, write it in lower case or in quotes)"),
                Arguments.of("\"data breach", "position 13: expected '\"' to close the phrase opened at position 1 but found end of query"),
                Arguments.of("ico NEAR/x fine", "position 10: expected a number of words from 0 to 100 after NEAR/ (as in NEAR/5) but found 'x'"),
                Arguments.of("ico NEAR/101 fine", "position 10: expected a number of words from 0 to 100 after NEAR/ (as in NEAR/5) but found '101'"),
                Arguments.of("ico NEAR fine", "position 10: expected a number of words from 0 to 100 after NEAR/ (as in NEAR/5) but found ''"),
                Arguments.of("(a b) NEAR/2 c", "position 1: expected a word, \"phrase\" or (alternatives OR of them) before NEAR/2 (NEAR joins two of them)"),
                Arguments.of("a NEAR/2 #c", "position 10: expected a word, \"phrase\" or (alternatives OR of them) after NEAR/2 but found '#c'"),
                Arguments.of("network:x|myspace", "position 11: expected a network (x, facebook, linkedin, youtube, flickr, soundcloud, bluesky, mastodon, threads, several joined by '|') but found 'myspace'"),
                Arguments.of("lang:english", "position 6: expected a language code such as en or en-GB after lang: but found 'english'"),
                Arguments.of("author:", "position 8: expected a handle after author: but found ''"),
                Arguments.of("ico subject:privacy", "position 5: expected author:, network: or lang: but found the unknown field 'subject:' (quote it to search for the text)"),
                Arguments.of("#data-protection", "position 2: expected a hashtag of letters, digits and '_' after '#' but found 'data-protection'"),
                Arguments.of("@", "position 2: expected a handle of letters, digits, '_', '.', '-' and '@' after '@' but found ''"),
                Arguments.of("ico !!!", "position 5: expected a word with a letter or digit but found '!!!'"),
                Arguments.of("()", "position 2: expected a word, \"phrase\", #hashtag, @handle, author:, network:, lang: or '(' inside '( )'"));
    }

    @ParameterizedTest
    @MethodSource("syntaxErrors")
    void aSyntaxErrorSaysWhereAndWhatWasExpected(String query, String message) {
        assertThatThrownBy(() -> QueryParser.parse(query)).isInstanceOf(QuerySyntaxException.class)
                .hasMessage(message);
    }

    @Test
    void nestingIsBounded() {
        String deep = "(".repeat(40) + "ico" + ")".repeat(40);
        assertThatThrownBy(() -> QueryParser.parse(deep)).isInstanceOf(QuerySyntaxException.class)
                .hasMessage("position 33: expected at most 32 levels of parentheses");
        String fine = "(".repeat(32) + "ico" + ")".repeat(32);
        assertThat(canonical(fine)).isEqualTo("ico");
    }
}
