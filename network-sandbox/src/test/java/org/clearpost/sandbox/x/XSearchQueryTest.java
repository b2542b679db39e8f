package org.clearpost.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XSearchQueryTest {

    @Test
    void keepsThePositiveTermsAndReadsPastOperators() {
        XSearchQuery query = XSearchQuery.parse(
                "(@clearpost_demo OR \"Information Commissioner\") -is:retweet lang:en -\"not this\" #FOI -spam");

        assertThat(query.terms()).containsExactly("@clearpost_demo", "information commissioner", "#foi");
        assertThat(query.matches("has the information commissioner said anything?")).isTrue();
        assertThat(query.matches("@clearpost_demo hello")).isTrue();
        assertThat(query.matches("@someone else about spam")).isFalse();
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertThat(XSearchQuery.parse("bins \"data protection").terms()).containsExactly("bins", "data protection");
    }
}
