package org.clearpost.drafting.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/**
 * Publication times as the Communications team thinks of them: Europe/London wall-clock time. In the spring-forward
 * gap (e.g. 01:00-01:59 on the last Sunday of March) the time does not exist and is refused rather than silently
 * shifted, since a drafter who picked 01:30 would otherwise get a post at 02:30 they never chose. In the autumn
 * overlap (01:00-01:59 on the last Sunday of October, which happens twice) the earlier instant is used, the one
 * still in British Summer Time (+01:00), so the post goes out at the first 01:30, never later than asked.
 */
public final class LondonTime {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private LondonTime() {
    }

    /**
     * The instant of a London wall-clock time.
     *
     * @param field the request field, named in the 400 for a time that does not exist
     */
    public static Instant toInstant(LocalDateTime local, String field) {
        ZoneOffsetTransition transition = LONDON.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
            throw ProblemException.badRequest("That time does not exist in London", List.of(new Problem.Violation(
                    field, local + " does not exist in London: clocks go forward from "
                            + transition.getDateTimeBefore().format(hm) + " to "
                            + transition.getDateTimeAfter().format(hm) + " that night; choose another time")));
        }
        List<ZoneOffset> offsets = LONDON.getRules().getValidOffsets(local);
        // In the autumn overlap the first offset is the earlier instant (BST).
        return local.toInstant(offsets.get(0));
    }

    public static LocalDateTime toLocal(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, LONDON);
    }
}
