package org.clearpost.support.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;

/**
 * The one rule for every time a person types (a post's publication time, a live event's start and end, a
 * pre-election period's start and end): it is Europe/London wall-clock time, as the Communications team thinks of
 * it, and it goes out as an instant with its offset. It sits in service-support so that drafting (posts, live
 * events) and clearance (pre-election periods) share one implementation rather than two that could drift. In the
 * spring-forward gap (e.g. 01:00-01:59 on the last Sunday of March) the time does not exist and is refused rather
 * than silently shifted, since a drafter who picked 01:30 would otherwise get a post at 02:30 they never chose. In
 * the autumn overlap (01:00-01:59 on the last Sunday of October, which happens twice) the earlier instant is used,
 * the one still in British Summer Time (+01:00), so the post goes out at the first 01:30, never later than asked
 * (and a live event or a pre-election period starts at the first 01:30).
 */
public final class LondonTime {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    /**
     * How a London time is typed: {@code 2027-05-10T09:00}, seconds optional, no offset. For
     * {@code @JsonFormat(pattern = ...)}: without it Jackson would read {@code ...T09:00:00Z} as 09:00 London time,
     * an hour off in summer; with it, an offset is a 400 naming the field.
     */
    public static final String WALL_CLOCK = "uuuu-MM-dd'T'HH:mm[:ss]";

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

    /** The instant with London's offset at that moment, e.g. {@code 2027-05-10T09:00+01:00}, {@code ...T09:00Z}. */
    public static OffsetDateTime toOffset(Instant instant) {
        return instant == null ? null : instant.atZone(LONDON).toOffsetDateTime();
    }
}
