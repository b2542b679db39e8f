package org.clearpost.console.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueueRowTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void soonestDueComesFirstAndCasesWithoutADueTimeLast() {
        ClearanceCase later = pending("later", Instant.parse("2026-12-03T09:00:00Z"), false, "normal");
        ClearanceCase none = pending("none", null, false, "normal");
        ClearanceCase sooner = pending("sooner", Instant.parse("2026-12-02T13:00:00Z"), false, "normal");

        List<QueueRow> rows = QueueRow.of(List.of(later, none, sooner), NOW);

        assertThat(rows).extracting(r -> r.clearance().text()).containsExactly("sooner", "later", "none");
    }

    @Test
    void aCaseWhoseDueTimeHasPassedIsOverdueBeforeClearancesScanMarksIt() {
        QueueRow passed = QueueRow.of(pending("late", Instant.parse("2026-12-02T09:00:00Z"), false, "normal"), NOW);
        QueueRow marked = QueueRow.of(pending("marked", Instant.parse("2026-12-02T13:00:00Z"), true, "normal"), NOW);
        QueueRow onTime = QueueRow.of(pending("fine", Instant.parse("2026-12-02T14:30:00Z"), false, "normal"), NOW);

        assertThat(passed.due().overdue()).isTrue();
        assertThat(passed.due().relative()).isEqualTo("3 hours overdue");
        assertThat(marked.due().overdue()).isTrue();
        assertThat(onTime.due().overdue()).isFalse();
        assertThat(onTime.due().relative()).isEqualTo("in 2 hours");
        assertThat(QueueRow.overdueCount(List.of(passed, marked, onTime))).isEqualTo(2);
    }

    @Test
    void dueTimesAreShownInLondonTime() {
        // 17:00 UTC in summer is 6pm in London; in winter the same.
        assertThat(Due.london(Instant.parse("2026-07-01T17:00:00Z"))).isEqualTo("1 July 2026 at 6:00pm");
        assertThat(Due.london(Instant.parse("2026-12-03T17:00:00Z"))).isEqualTo("3 December 2026 at 5:00pm");
    }

    @Test
    void spansAreInWordsAPersonReads() {
        assertThat(Due.span(java.time.Duration.ofSeconds(20))).isEqualTo("less than a minute");
        assertThat(Due.span(java.time.Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(Due.span(java.time.Duration.ofMinutes(59))).isEqualTo("59 minutes");
        assertThat(Due.span(java.time.Duration.ofHours(47))).isEqualTo("47 hours");
        assertThat(Due.span(java.time.Duration.ofHours(72))).isEqualTo("3 days");
    }

    @Test
    void flagsAreSplitIntoImpartialityAndPreElection() {
        ClearanceCase.Flag party = new ClearanceCase.Flag("party", "3.1", List.of("Labour"), "Names a party");
        ClearanceCase.Flag names = new ClearanceCase.Flag("pre-election-names", "3.4", List.of("Labour"), "Names");
        ClearanceCase flagged = withFlags(List.of(party, names), "normal");

        assertThat(flagged.impartialityFlags()).containsExactly(party);
        assertThat(flagged.isPreElection()).isTrue();
        assertThat(withFlags(List.of(party), "normal").isPreElection()).isFalse();
        assertThat(withFlags(List.of(), "pre-election").isPreElection()).isTrue();
        assertThat(party.getLabel()).isEqualTo("Party");
    }

    @Test
    void theQueueNamesEachNetworkOnceAndCutsLongTextsAtAWord() {
        ClearanceCase c = new ClearanceCase(UUID.randomUUID(), UUID.randomUUID(), 1, "dana",
                "word ".repeat(40), List.of(target("X"), target("FACEBOOK"), target("X")), null, NOW, "PENDING",
                null, null, null, null, null, null, null, null, null, null, null, null, false, null);

        QueueRow row = QueueRow.of(c, NOW);

        assertThat(row.networks()).containsExactly("X", "Facebook");
        assertThat(row.excerpt()).endsWith("word…").hasSizeLessThanOrEqualTo(QueueRow.EXCERPT + 1);
    }

    static ClearanceCase.Target target(String network) {
        return new ClearanceCase.Target(UUID.randomUUID(), network, "acct", "text", List.of(), null, null, List.of(),
                null);
    }

    private static ClearanceCase pending(String text, Instant dueAt, boolean overdue, String route) {
        return new ClearanceCase(UUID.randomUUID(), UUID.randomUUID(), 1, "dana", text, List.of(), null, NOW,
                "PENDING", null, null, null, null, null, null, null, null, null, null,
                new ClearanceCase.Route(route, "why", null, null), dueAt, overdue, null);
    }

    private static ClearanceCase withFlags(List<ClearanceCase.Flag> flags, String route) {
        return new ClearanceCase(UUID.randomUUID(), UUID.randomUUID(), 1, "dana", "t", List.of(), null, NOW,
                "PENDING", null, null, null, null, null, null, null, null, null, flags,
                new ClearanceCase.Route(route, "why", null, null), null, false, null);
    }
}
