package org.clearpost.monitoring.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionState;
import org.clearpost.events.MentionTriaged;
import org.clearpost.events.Network;
import org.clearpost.events.ResponseReason;
import org.clearpost.events.TrackedQueryDefined.Purpose;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.theme.ThemeMembership;
import org.junit.jupiter.api.Test;

/** RuleTriage end to end on one mention, with the rules V14 seeds, without Quarkus. */
class RuleTriageTest {

    static final UUID BODY_QUERY = UUID.randomUUID();
    static final UUID OTHER_QUERY = UUID.randomUUID();
    /** A Tuesday, 10:00 London (GMT). */
    static final Instant RECEIVED = Instant.parse("2026-03-03T10:00:00Z");

    static List<TriageRule> seededRules() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return List.of(
                new TriageRule(UUID.randomUUID(), ResponseReason.AWARENESS_OPPORTUNITY,
                        "question about information rights", null, null,
                        "\"how do i\" OR \"subject access\" OR \"my data\"", null, null, null, true, "system", at),
                new TriageRule(UUID.randomUUID(), ResponseReason.REPUTATION_RISK,
                        "strongly negative about the body or its head", null, List.of(Purpose.BODY, Purpose.HEAD),
                        null, -0.5, null, null, true, "system", at),
                new TriageRule(UUID.randomUUID(), ResponseReason.REPUTATION_RISK, "journalist or critic", null, null,
                        null, null, null, List.of("journalist", "critic"), true, "system", at),
                new TriageRule(UUID.randomUUID(), ResponseReason.REPUTATION_RISK, "retired rule", null, null,
                        "anything", null, null, null, false, "system", at));
    }

    static RuleTriage triage() {
        RuleTriage triage = new RuleTriage(Configs.dueTimes(), Configs.triage());
        triage.install(new TriageSnapshot(seededRules(),
                Map.of(BODY_QUERY, Purpose.BODY, OTHER_QUERY, Purpose.OTHER),
                List.of(new AuthorListEntry(Network.X, "presshack", "journalist", "mo", RECEIVED),
                        new AuthorListEntry(Network.X, "presshack", "blogger", "mo", RECEIVED)),
                10));
        return triage;
    }

    static NormalisedMention mention(String handle, String name, String text) {
        return new NormalisedMention(Network.X, UUID.randomUUID().toString(), List.of(), null, "1", handle, name,
                text, null, "en", List.of(), List.of(), RECEIVED, RECEIVED);
    }

    final RuleTriage triage = triage();

    TriageOutcome run(NormalisedMention mention, List<UUID> queries, ThemeMembership theme) {
        return triage.complete(triage.assess(mention, null, queries), theme, RECEIVED);
    }

    @Test
    void aRightsQuestionIsAnAwarenessOpportunityDueInBusinessHours() {
        TriageOutcome outcome = run(mention("resident", "A Resident", "How do I make a subject access request?"),
                List.of(OTHER_QUERY), ThemeMembership.NONE);
        assertThat(outcome.reasons()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(ResponseReason.AWARENESS_OPPORTUNITY);
            assertThat(r.rule()).isEqualTo("question about information rights");
            assertThat(r.why()).contains("text matches");
        });
        assertThat(outcome.state()).isEqualTo(MentionState.NEW);
        assertThat(outcome.priority()).isEqualTo(MentionPriority.MEDIUM);
        // 16 business hours from Tuesday 10:00: Thursday 10:00
        assertThat(outcome.dueAt()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
        assertThat(outcome.noResponseReason()).isNull();
    }

    @Test
    void strongNegativityAboutTheBodyIsAReputationRiskButNotAboutOtherQueries() {
        String text = "The ICO is useless and corrupt, a total disgrace";
        TriageOutcome aboutBody = run(mention("resident", "A Resident", text), List.of(BODY_QUERY),
                ThemeMembership.NONE);
        assertThat(aboutBody.sentiment().score()).isLessThanOrEqualTo(-0.5);
        assertThat(aboutBody.sentiment().drivers()).extracting(MentionTriaged.Driver::term).contains("useless");
        assertThat(aboutBody.reasons()).extracting(MentionTriaged.Reason::reason)
                .containsExactly(ResponseReason.REPUTATION_RISK);
        assertThat(aboutBody.reasons().get(0).why()).contains("about the body").contains("sentiment");
        assertThat(aboutBody.priority()).isEqualTo(MentionPriority.HIGH);

        TriageOutcome elsewhere = run(mention("resident", "A Resident", text), List.of(OTHER_QUERY),
                ThemeMembership.NONE);
        assertThat(elsewhere.state()).isEqualTo(MentionState.NO_RESPONSE_NEEDED);
    }

    @Test
    void aJournalistOnTheListIsAReputationRiskAndCritical() {
        TriageOutcome outcome = run(mention("@PressHack", "Press Hack", "Asking the ICO about its new strategy"),
                List.of(OTHER_QUERY), ThemeMembership.NONE);
        assertThat(outcome.authorLists()).containsExactly("blogger", "journalist");
        assertThat(outcome.reasons()).singleElement().satisfies(r -> assertThat(r.why())
                .isEqualTo("author on the journalist list"));
        assertThat(outcome.priority()).isEqualTo(MentionPriority.CRITICAL);
        assertThat(outcome.dueAt()).isEqualTo(Instant.parse("2026-03-03T11:00:00Z"));
    }

    @Test
    void noReasonMeansNoResponseNeededWithWhy() {
        TriageOutcome outcome = run(mention("resident", "A Resident", "The ICO office is in Wilmslow"),
                List.of(BODY_QUERY), ThemeMembership.NONE);
        assertThat(outcome.state()).isEqualTo(MentionState.NO_RESPONSE_NEEDED);
        assertThat(outcome.noResponseReason()).isEqualTo("no 4.1 reason: neutral (0.0), no rule matched");
        assertThat(outcome.reasons()).isEmpty();
        assertThat(outcome.dueAt()).isNull();
        assertThat(outcome.priority()).isEqualTo(MentionPriority.LOW);
    }

    @Test
    void aRegulatorsRoutineWordsAreNotNegativeOrPositive() {
        TriageOutcome outcome = run(mention("resident", "A Resident",
                "ICO issues a fine and an enforcement notice after the breach"), List.of(BODY_QUERY),
                ThemeMembership.NONE);
        assertThat(outcome.sentiment().label()).isEqualTo("NEUTRAL");
    }

    @Test
    void aThemeAtTheThresholdAddsRepeatedTheme() {
        UUID theme = UUID.randomUUID();
        TriageOutcome big = run(mention("resident", "A Resident", "Why is the ICO website down again"),
                List.of(OTHER_QUERY), new ThemeMembership(theme, 5));
        assertThat(big.reasons()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(ResponseReason.REPEATED_THEME);
            assertThat(r.why()).contains("5 similar mentions");
        });
        assertThat(big.themeId()).isEqualTo(theme);
        assertThat(big.priority()).isEqualTo(MentionPriority.MEDIUM);

        TriageOutcome small = run(mention("resident", "A Resident", "Why is the ICO website down again"),
                List.of(OTHER_QUERY), new ThemeMembership(theme, 4));
        assertThat(small.state()).isEqualTo(MentionState.NO_RESPONSE_NEEDED);
    }

    @Test
    void spamAndAbuseAreHiddenWithReasonsAndNeedNoResponse() {
        TriageOutcome outcome = run(mention("spammer", "Spam Bot", "f*ck the ICO, free bitcoin airdrop"),
                List.of(BODY_QUERY), ThemeMembership.NONE);
        assertThat(outcome.hidden()).isTrue();
        assertThat(outcome.hiddenReasons()).containsExactly("abuse: profanity (f*ck)", "spam: crypto (bitcoin)");
        assertThat(outcome.state()).isEqualTo(MentionState.NO_RESPONSE_NEEDED);
        assertThat(outcome.noResponseReason()).startsWith("hidden: abuse: profanity");
        assertThat(outcome.priority()).isEqualTo(MentionPriority.LOW);
    }

    @Test
    void aPossibleFoiRequestIsHighWithItsStatutoryDueDate() {
        TriageOutcome outcome = run(mention("janesmith", "Jane Smith",
                "Under the Freedom of Information Act please send me the number of staff in your Wilmslow office"),
                List.of(BODY_QUERY), ThemeMembership.NONE);
        assertThat(outcome.possibleFoi()).isTrue();
        // 20 working days counted from Wednesday 4 March 2026: Tuesday 31 March, end of day London (BST)
        assertThat(outcome.foiDueAt()).isEqualTo(Instant.parse("2026-03-31T22:59:59.999999999Z"));
        assertThat(outcome.state()).isEqualTo(MentionState.NEW);
        assertThat(outcome.priority()).isEqualTo(MentionPriority.HIGH);
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        TriageSnapshot newer = triage.snapshot();
        triage.install(new TriageSnapshot(List.of(), Map.of(), List.of(), 3));
        assertThat(triage.snapshot()).isSameAs(newer);
        TriageSnapshot next = new TriageSnapshot(List.of(), Map.of(), List.of(), 11);
        triage.install(next);
        assertThat(triage.snapshot()).isSameAs(next);
    }
}
