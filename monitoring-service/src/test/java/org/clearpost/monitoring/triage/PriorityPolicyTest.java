package org.clearpost.monitoring.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.ResponseReason;
import org.junit.jupiter.api.Test;

/** Each priority policy on its own, then their order (the table in the monitoring README). */
class PriorityPolicyTest {

    static final List<String> INFLUENTIAL = List.of("journalist", "critic", "stakeholder");

    static PriorityPolicy.Facts facts(Set<ResponseReason> reasons, List<String> lists, boolean foi, int themeSize,
            boolean hidden) {
        return new PriorityPolicy.Facts(reasons, lists, -0.6, foi, themeSize, hidden);
    }

    static final Set<ResponseReason> RISK = EnumSet.of(ResponseReason.REPUTATION_RISK);
    static final Set<ResponseReason> NONE = EnumSet.noneOf(ResponseReason.class);

    @Test
    void hiddenMentionsAreLowWhateverElseTheyAre() {
        assertThat(PriorityPolicy.HIDDEN.decide(facts(RISK, List.of("journalist"), true, 1, true)))
                .hasValueSatisfying(d -> assertThat(d.priority()).isEqualTo(MentionPriority.LOW));
        assertThat(PriorityPolicy.HIDDEN.decide(facts(RISK, List.of(), false, 1, false))).isEmpty();
    }

    @Test
    void aReputationRiskFromAnInfluentialAuthorIsCritical() {
        PriorityPolicy policy = PriorityPolicy.influentialReputationRisk(INFLUENTIAL);
        assertThat(policy.decide(facts(RISK, List.of("blogger", "journalist"), false, 1, false)))
                .hasValueSatisfying(d -> {
                    assertThat(d.priority()).isEqualTo(MentionPriority.CRITICAL);
                    assertThat(d.why()).contains("journalist");
                });
        assertThat(policy.decide(facts(RISK, List.of("blogger"), false, 1, false))).isEmpty();
        assertThat(policy.decide(facts(NONE, List.of("journalist"), false, 1, false))).isEmpty();
    }

    @Test
    void aRepeatedReputationRiskIsCritical() {
        Set<ResponseReason> both = EnumSet.of(ResponseReason.REPUTATION_RISK, ResponseReason.REPEATED_THEME);
        assertThat(PriorityPolicy.SPREADING_REPUTATION_RISK.decide(facts(both, List.of(), false, 7, false)))
                .hasValueSatisfying(d -> assertThat(d.priority()).isEqualTo(MentionPriority.CRITICAL));
        assertThat(PriorityPolicy.SPREADING_REPUTATION_RISK.decide(facts(RISK, List.of(), false, 7, false)))
                .isEmpty();
    }

    @Test
    void aPossibleFoiRequestIsHigh() {
        assertThat(PriorityPolicy.POSSIBLE_FOI.decide(facts(NONE, List.of(), true, 1, false)))
                .hasValueSatisfying(d -> assertThat(d.priority()).isEqualTo(MentionPriority.HIGH));
        assertThat(PriorityPolicy.POSSIBLE_FOI.decide(facts(NONE, List.of(), false, 1, false))).isEmpty();
    }

    @Test
    void reputationRiskIsHighRepeatedThemeAndAwarenessMedium() {
        assertThat(PriorityPolicy.REPUTATION_RISK.decide(facts(RISK, List.of(), false, 1, false)))
                .hasValueSatisfying(d -> assertThat(d.priority()).isEqualTo(MentionPriority.HIGH));
        assertThat(PriorityPolicy.REPEATED_THEME.decide(
                facts(EnumSet.of(ResponseReason.REPEATED_THEME), List.of(), false, 6, false)))
                .hasValueSatisfying(d -> assertThat(d.priority()).isEqualTo(MentionPriority.MEDIUM));
        assertThat(PriorityPolicy.AWARENESS.decide(
                facts(EnumSet.of(ResponseReason.AWARENESS_OPPORTUNITY), List.of(), false, 1, false)))
                .hasValueSatisfying(d -> assertThat(d.priority()).isEqualTo(MentionPriority.MEDIUM));
    }

    @Test
    void theFirstPolicyThatDecidesWinsAndNoneLeavesLow() {
        List<PriorityPolicy> policies = PriorityPolicy.policies(INFLUENTIAL);
        assertThat(PriorityPolicy.decide(policies, facts(RISK, List.of("critic"), true, 1, false)).priority())
                .isEqualTo(MentionPriority.CRITICAL);
        assertThat(PriorityPolicy.decide(policies, facts(RISK, List.of("critic"), true, 1, true)).priority())
                .isEqualTo(MentionPriority.LOW);
        assertThat(PriorityPolicy.decide(policies,
                facts(EnumSet.of(ResponseReason.AWARENESS_OPPORTUNITY), List.of(), true, 1, false)).priority())
                .isEqualTo(MentionPriority.HIGH);
        assertThat(PriorityPolicy.decide(policies, facts(NONE, List.of(), false, 1, false)))
                .isEqualTo(new PriorityPolicy.Decision(MentionPriority.LOW, "no priority rule applies"));
    }
}
