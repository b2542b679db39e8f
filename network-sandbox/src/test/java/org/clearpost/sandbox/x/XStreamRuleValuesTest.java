package org.clearpost.sandbox.x;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule values the sandbox refuses as X would (the checks a translator can get wrong). */
class XStreamRuleValuesTest {

    @Test
    void acceptsWhatXAccepts() {
        assertThat(XStreamRulesResource.problem("(ico OR \"information commissioner\") -spam lang:en")).isNull();
        assertThat(XStreamRulesResource.problem("ico (-free OR -money)")).isNull();
        assertThat(XStreamRulesResource.problem("from:iconews OR #ukgdpr OR @ico")).isNull();
        assertThat(XStreamRulesResource.problem("\"(not a group)\" ico")).isNull();
    }

    @Test
    void refusesWhatXRefuses() {
        assertThat(XStreamRulesResource.problem("")).contains("non-empty");
        assertThat(XStreamRulesResource.problem("a".repeat(1025))).contains("1025", "1024");
        assertThat(XStreamRulesResource.problem("(ico OR fine")).contains("parentheses");
        assertThat(XStreamRulesResource.problem("ico)")).contains("parentheses");
        assertThat(XStreamRulesResource.problem("\"ico")).contains("quotes");
        assertThat(XStreamRulesResource.problem("skiing -(snow OR day)")).contains("group");
        assertThat(XStreamRulesResource.problem("-spam -scam")).contains("positive");
        assertThat(XStreamRulesResource.problem("lang:en")).contains("positive");
    }
}
