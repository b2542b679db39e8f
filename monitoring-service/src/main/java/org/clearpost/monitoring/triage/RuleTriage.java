package org.clearpost.monitoring.triage;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.clearpost.events.MentionState;
import org.clearpost.events.MentionTriaged;
import org.clearpost.events.ResponseReason;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.sla.DueTimes;
import org.clearpost.monitoring.theme.ThemeMembership;

/**
 * Triage by VADER sentiment, the configured 4.1 rules, the monitors' author lists, FOI and moderation rules, and
 * priority policies. Everything it reads per mention is in memory (the lexicon, the compiled patterns, the
 * {@link TriageSnapshot}), so assess stays pure CPU; the snapshot is replaced whole by {@link TriageReloader}.
 */
@ApplicationScoped
public class RuleTriage implements Triage {

    private final DueTimes dueTimes;
    private final Vader vader;
    private final Moderation moderation;
    private final FoiDetector foi;
    private final List<PriorityPolicy> priorities;
    private final int repeatedThemeSize;
    private final AtomicReference<TriageSnapshot> snapshot = new AtomicReference<>(TriageSnapshot.EMPTY);

    public RuleTriage(DueTimes dueTimes, TriageConfig config) {
        this.dueTimes = dueTimes;
        this.vader = new Vader(VaderLexicon.load(config.lexiconOverrides()));
        this.moderation = Moderation.of(config);
        this.foi = new FoiDetector(config.handleIsFoiAddress());
        this.priorities = PriorityPolicy.policies(config.influentialLists());
        this.repeatedThemeSize = config.repeatedThemeSize();
    }

    @Override
    public Assessment assess(NormalisedMention mention, String account, List<UUID> matchedQueries) {
        TriageSnapshot rules = snapshot.get();
        String text = mention.text() == null ? "" : mention.text();
        MentionTriaged.Sentiment sentiment = vader.score(text);
        List<String> authorLists = rules.authorLists(mention.network(), mention.authorHandle());
        List<MentionTriaged.Reason> reasons = rules.reasons(mention, matchedQueries, sentiment, authorLists);
        boolean possibleFoi = foi.possibleFoi(text, mention.authorName(), mention.authorHandle());
        return new Assessment(sentiment, reasons, authorLists, possibleFoi, moderation.reasons(text));
    }

    @Override
    public TriageOutcome complete(Assessment assessment, ThemeMembership theme, Instant receivedAt) {
        List<MentionTriaged.Reason> reasons = new ArrayList<>(assessment.reasons());
        if (theme.themeId() != null && theme.size() >= repeatedThemeSize) {
            reasons.add(new MentionTriaged.Reason(ResponseReason.REPEATED_THEME, "repeated theme",
                    "one of " + theme.size() + " similar mentions (threshold " + repeatedThemeSize + ")"));
        }
        Set<ResponseReason> found = reasons.stream().map(MentionTriaged.Reason::reason)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResponseReason.class)));
        boolean hidden = !assessment.hiddenReasons().isEmpty();
        PriorityPolicy.Decision priority = PriorityPolicy.decide(priorities, new PriorityPolicy.Facts(found,
                assessment.authorLists(), assessment.sentiment().score(), assessment.possibleFoi(), theme.size(),
                hidden));
        Instant foiDue = assessment.possibleFoi() ? dueTimes.foiDue(receivedAt) : null;
        String noResponse = noResponseReason(assessment, reasons, hidden);
        if (noResponse != null) {
            return new TriageOutcome(assessment.sentiment(), hidden ? reasons : List.of(), noResponse, theme.themeId(),
                    priority.priority(), assessment.authorLists(), assessment.possibleFoi(), foiDue, hidden,
                    assessment.hiddenReasons(), MentionState.NO_RESPONSE_NEEDED, null);
        }
        Instant due = dueTimes.responseDue(priority.priority(), receivedAt).orElse(null);
        return new TriageOutcome(assessment.sentiment(), reasons, null, theme.themeId(), priority.priority(),
                assessment.authorLists(), assessment.possibleFoi(), foiDue, false, List.of(), MentionState.NEW, due);
    }

    /** Why no response is needed, or null when one is. A possible FOI request is always answered. */
    private static String noResponseReason(Assessment assessment, List<MentionTriaged.Reason> reasons,
            boolean hidden) {
        if (hidden) {
            return "hidden: " + String.join(", ", assessment.hiddenReasons());
        }
        if (!reasons.isEmpty() || assessment.possibleFoi()) {
            return null;
        }
        return "no 4.1 reason: " + assessment.sentiment().label().toLowerCase(java.util.Locale.ROOT)
                + " (" + assessment.sentiment().score() + "), no rule matched";
    }

    /** Puts {@code next} in force, unless a snapshot read later already is (two reloads racing). */
    void install(TriageSnapshot next) {
        snapshot.accumulateAndGet(next, (old, candidate) -> candidate.fingerprint() >= old.fingerprint()
                || old == TriageSnapshot.EMPTY ? candidate : old);
    }

    public TriageSnapshot snapshot() {
        return snapshot.get();
    }
}
