package org.clearpost.publisher.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.clearpost.events.Network;

/**
 * One rate budget: {@code posts} a rolling window of {@code per} from one account (or the whole app) on a network.
 * Pure: the ledger counts the posts made (live_at in the window), this says whether one more may go and, if not,
 * when and why it goes.
 */
public record RateBudget(Network network, Scope scope, int posts, Duration per) {

    /** Whose posts the budget counts. */
    public enum Scope {
        ACCOUNT("from this account"), APP("from all our accounts together");

        private final String words;

        Scope(String words) {
            this.words = words;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    public RateBudget {
        if (posts < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("A rate budget needs posts >= 1 and a positive window");
        }
    }

    /** A publication that must wait for a spent budget: due at {@code until}, for {@code reason}. */
    public record Deferral(Instant until, String reason) {
    }

    /**
     * @param made         posts made in the window {@code (now - per, now]}
     * @param oldestOfLast when the {@code posts}-th most recent of them went live (null when fewer were made): when
     *                     it leaves the window a post may go again
     */
    public Optional<Deferral> check(long made, Instant oldestOfLast, Instant now) {
        if (made < posts || oldestOfLast == null) {
            return Optional.empty();
        }
        Instant until = oldestOfLast.plus(per);
        if (!until.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Deferral(until, name(network) + " allows " + posts + " posts " + window() + " "
                + scope.words + "; " + made + " made since " + at(oldestOfLast, now) + "; goes at "
                + at(until, now)));
    }

    private String window() {
        if (per.equals(Duration.ofDays(1))) {
            return "a day";
        }
        if (per.equals(Duration.ofHours(1))) {
            return "an hour";
        }
        if (per.toMinutesPart() == 0 && per.toSecondsPart() == 0) {
            return "per " + per.toHours() + " hours";
        }
        return "per " + per.toMinutes() + " minutes";
    }

    /** "09:12 UTC", with "today"/"tomorrow"/the date when it is not today's. */
    static String at(Instant instant, Instant now) {
        ZonedDateTime time = instant.atZone(ZoneOffset.UTC);
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        if (time.toLocalDate().equals(today)) {
            return TIME.format(time);
        }
        if (time.toLocalDate().equals(today.plusDays(1))) {
            return TIME.format(time) + " tomorrow";
        }
        if (time.toLocalDate().equals(today.minusDays(1))) {
            return TIME.format(time) + " yesterday";
        }
        return DATE.format(time);
    }

    static String name(Network network) {
        return switch (network) {
            case X -> "X";
            case FACEBOOK -> "Facebook";
            case LINKEDIN -> "LinkedIn";
            case YOUTUBE -> "YouTube";
            case FLICKR -> "Flickr";
            case SOUNDCLOUD -> "SoundCloud";
            case BLUESKY -> "Bluesky";
            case MASTODON -> "Mastodon";
            case THREADS -> "Threads";
        };
    }
}
