package org.clearpost.console.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void eachDecisionIsClearancesOwnPath() {
        assertThat(Decision.of("approve")).contains(Decision.APPROVE);
        assertThat(Decision.of("request-changes")).contains(Decision.REQUEST_CHANGES);
        assertThat(Decision.of("reject")).contains(Decision.REJECT);
        assertThat(Decision.of("APPROVE")).isEmpty();
        assertThat(Decision.of(null)).isEmpty();
    }
}
