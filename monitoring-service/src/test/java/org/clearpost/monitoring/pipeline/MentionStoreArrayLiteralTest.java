package org.clearpost.monitoring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A list inside one element of an unnest parameter: the PostgreSQL array literal the insert casts back to text[]
 * (the round trip through PostgreSQL is in MentionPipelineTest).
 */
class MentionStoreArrayLiteralTest {

    @Test
    void everyElementIsQuotedSoCommasBracesQuotesAndBackslashesSurvive() {
        assertThat(MentionStore.arrayLiteral(List.of())).isEqualTo("{}");
        assertThat(MentionStore.arrayLiteral(List.of("journalist"))).isEqualTo("{\"journalist\"}");
        assertThat(MentionStore.arrayLiteral(List.of("a, b", "{c}", "say \"hi\"", "back\\slash", "NULL")))
                .isEqualTo("{\"a, b\",\"{c}\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"NULL\"}");
        assertThat(MentionStore.arrayLiteral(Arrays.asList("x", null))).isEqualTo("{\"x\",NULL}");
    }
}
