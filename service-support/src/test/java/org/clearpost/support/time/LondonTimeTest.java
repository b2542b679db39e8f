package org.clearpost.support.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import org.clearpost.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

class LondonTimeTest {

    @Test
    void winterTimeIsUtc() {
        assertThat(LondonTime.toInstant(LocalDateTime.parse("2027-01-15T09:30"), "scheduledFor"))
                .isEqualTo(Instant.parse("2027-01-15T09:30:00Z"));
    }

    @Test
    void summerTimeIsOneHourAhead() {
        assertThat(LondonTime.toInstant(LocalDateTime.parse("2027-07-01T09:30"), "scheduledFor"))
                .isEqualTo(Instant.parse("2027-07-01T08:30:00Z"));
    }

    @Test
    void aTimeInTheSpringForwardGapIsRefusedNamingTheField() {
        // 28 March 2027: clocks go from 01:00 GMT to 02:00 BST, so 01:30 never happens.
        assertThatThrownBy(() -> LondonTime.toInstant(LocalDateTime.parse("2027-03-28T01:30"), "scheduledFor"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("scheduledFor");
                        assertThat(v.message()).contains("does not exist").contains("01:00").contains("02:00");
                    });
                });
    }

    @Test
    void theEdgesOfTheGapExist() {
        assertThat(LondonTime.toInstant(LocalDateTime.parse("2027-03-28T00:59"), "t"))
                .isEqualTo(Instant.parse("2027-03-28T00:59:00Z"));
        assertThat(LondonTime.toInstant(LocalDateTime.parse("2027-03-28T02:00"), "t"))
                .isEqualTo(Instant.parse("2027-03-28T01:00:00Z"));
    }

    @Test
    void aTimeInTheAutumnOverlapIsTheEarlierSummerTimeInstant() {
        // 31 October 2027: 01:00-01:59 happens twice, first in BST (+01:00), then in GMT.
        assertThat(LondonTime.toInstant(LocalDateTime.parse("2027-10-31T01:30"), "scheduledFor"))
                .isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(LondonTime.toInstant(LocalDateTime.parse("2027-10-31T02:00"), "scheduledFor"))
                .isEqualTo(Instant.parse("2027-10-31T02:00:00Z"));
    }

    @Test
    void instantsShowAsLondonWallClockTime() {
        assertThat(LondonTime.toLocal(Instant.parse("2027-10-31T00:30:00Z")))
                .isEqualTo(LocalDateTime.parse("2027-10-31T01:30"));
        assertThat(LondonTime.toLocal(Instant.parse("2027-10-31T01:30:00Z")))
                .isEqualTo(LocalDateTime.parse("2027-10-31T01:30"));
        assertThat(LondonTime.toLocal(null)).isNull();
    }
}
