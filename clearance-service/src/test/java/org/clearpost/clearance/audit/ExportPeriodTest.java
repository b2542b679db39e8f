package org.clearpost.clearance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ExportPeriodTest {

    @Test
    void exactlyOneCalendarYearIsAllowed() {
        ExportPeriod period = ExportPeriod.parse("2024-02-29T00:00:00Z", "2025-02-28T00:00:00Z");

        assertThat(period.from()).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(period.to()).isEqualTo(Instant.parse("2025-02-28T00:00:00Z"));
    }

    @Test
    void longerThanAYearNamesTo() {
        assertThat(fields("2025-01-01T00:00:00Z", "2026-01-01T00:00:01Z")).containsExactly("to");
    }

    @Test
    void toMustBeAfterFrom() {
        assertThat(fields("2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z")).containsExactly("to");
    }

    @Test
    void missingAndUnreadableInstantsAreEachNamed() {
        assertThat(fields(null, "yesterday")).containsExactly("from", "to");
    }

    private static String[] fields(String from, String to) {
        ProblemException problem = catchThrowableOfType(() -> ExportPeriod.parse(from, to), ProblemException.class);
        assertThat(problem).isNotNull();
        assertThat(problem.problem().status()).isEqualTo(400);
        return problem.problem().violations().stream().map(Problem.Violation::field).toArray(String[]::new);
    }
}
