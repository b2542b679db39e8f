package org.clearpost.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    private static ChainCheck check(String json) throws Exception {
        return ChainCheck.of(new ObjectMapper().readTree(json));
    }

    @Test
    void anIntactChainSaysHowManyEntriesHold() throws Exception {
        ChainCheck chain = check("{\"valid\":true,\"entries\":42}");

        assertThat(chain.intact()).isTrue();
        assertThat(chain.getHeadline()).isEqualTo("The audit chain is intact");
        assertThat(chain.getExplanation()).startsWith("42 entries checked");
    }

    @Test
    void aBrokenChainSaysWhereAndWhatTheBreakMeans() throws Exception {
        ChainCheck edited = check("{\"valid\":false,\"firstBrokenSeq\":17,\"reason\":\"hash mismatch\"}");
        ChainCheck removed = check("{\"valid\":false,\"firstBrokenSeq\":9,\"reason\":\"broken link\"}");
        ChainCheck other = check("{\"valid\":false,\"firstBrokenSeq\":3,\"reason\":\"something new\"}");

        assertThat(edited.intact()).isFalse();
        assertThat(edited.getHeadline()).isEqualTo("The audit chain is broken at entry 17");
        assertThat(edited.getExplanation()).contains("Entry 17 was changed after it was written");
        assertThat(removed.getExplanation()).contains("Entry 9 does not point at the entry before it");
        assertThat(other.getExplanation()).isEqualTo("Entry 3 does not hold: something new.");
    }
}
