package org.clearpost.monitoring.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.clearpost.events.MentionTriaged;
import org.clearpost.events.Network;
import org.clearpost.events.TrackedQueryDefined.Purpose;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.query.CompiledQueries;
import org.clearpost.monitoring.query.QueryParser;
import org.clearpost.monitoring.query.QuerySyntaxException;
import org.jboss.logging.Logger;

/**
 * The 4.1 rules, the tracked queries' purposes and the author lists in force, as one immutable value swapped whole
 * when they change ({@link TriageReloader}): assess reads it without a lock or any I/O. The rules' terms are compiled
 * like tracked queries (one read of the mention for all of them).
 */
public final class TriageSnapshot {

    private static final Logger LOG = Logger.getLogger(TriageSnapshot.class);

    public static final TriageSnapshot EMPTY = new TriageSnapshot(List.of(), Map.of(), List.of(), -1);

    private final List<TriageRule> rules;
    private final Map<UUID, Purpose> purposes;
    private final Map<String, List<String>> authorLists;
    private final CompiledQueries terms;
    private final Set<UUID> unusable;
    private final long fingerprint;

    public TriageSnapshot(List<TriageRule> rules, Map<UUID, Purpose> purposes, List<AuthorListEntry> authors,
            long fingerprint) {
        this.rules = rules.stream().filter(TriageRule::active).toList();
        this.purposes = Map.copyOf(purposes);
        this.fingerprint = fingerprint;
        Map<String, List<String>> lists = new HashMap<>();
        for (AuthorListEntry entry : authors) {
            lists.computeIfAbsent(key(entry.network(), entry.handle()), k -> new ArrayList<>(2)).add(entry.list());
        }
        lists.replaceAll((k, v) -> List.copyOf(v.stream().sorted().distinct().toList()));
        this.authorLists = Map.copyOf(lists);
        List<CompiledQueries.Compiled> compiled = new ArrayList<>();
        Set<UUID> broken = new HashSet<>();
        for (TriageRule rule : this.rules) {
            if (rule.terms() == null || rule.terms().isBlank()) {
                continue;
            }
            try {
                compiled.add(new CompiledQueries.Compiled(rule.id(), QueryParser.parse(rule.terms())));
            } catch (QuerySyntaxException e) {
                // Stored before the language changed: the rule cannot match rather than matching everything.
                LOG.errorf("Triage rule %s (%s) no longer parses and never matches: %s", rule.id(), rule.name(),
                        e.getMessage());
                broken.add(rule.id());
            }
        }
        this.terms = new CompiledQueries(compiled, fingerprint);
        this.unusable = Set.copyOf(broken);
    }

    public long fingerprint() {
        return fingerprint;
    }

    public List<TriageRule> rules() {
        return rules;
    }

    /** The lists the author is on, by name; empty if none. */
    public List<String> authorLists(Network network, String handle) {
        if (network == null || handle == null || authorLists.isEmpty()) {
            return List.of();
        }
        return authorLists.getOrDefault(key(network, handle), List.of());
    }

    /** The 4.1 reasons the rules find, each with the rule's name and what matched; one per reason at most. */
    public List<MentionTriaged.Reason> reasons(NormalisedMention mention, List<UUID> matchedQueries,
            MentionTriaged.Sentiment sentiment, List<String> authorOn) {
        if (rules.isEmpty()) {
            return List.of();
        }
        if (matchedQueries == null) {
            matchedQueries = List.of();
        }
        Set<UUID> termMatches = terms.queries().isEmpty() ? Set.of() : new HashSet<>(terms.matching(mention));
        List<MentionTriaged.Reason> found = new ArrayList<>(2);
        for (TriageRule rule : rules) {
            if (found.stream().anyMatch(r -> r.reason() == rule.reason())) {
                continue;
            }
            String why = why(rule, matchedQueries, termMatches, sentiment, authorOn);
            if (why != null) {
                found.add(new MentionTriaged.Reason(rule.reason(), rule.name(), why));
            }
        }
        return found;
    }

    /** What made {@code rule} match, or null if it does not. */
    private String why(TriageRule rule, List<UUID> matchedQueries, Set<UUID> termMatches,
            MentionTriaged.Sentiment sentiment, List<String> authorOn) {
        List<String> because = new ArrayList<>(3);
        if (!rule.queryIds().isEmpty()) {
            UUID query = matchedQueries.stream().filter(rule.queryIds()::contains).findFirst().orElse(null);
            if (query == null) {
                return null;
            }
            because.add("matched tracked query " + query);
        }
        if (!rule.purposes().isEmpty()) {
            Purpose purpose = matchedQueries.stream().map(purposes::get).filter(rule.purposes()::contains)
                    .findFirst().orElse(null);
            if (purpose == null) {
                return null;
            }
            because.add("about the " + purpose.name().toLowerCase(Locale.ROOT) + " (tracked query purpose)");
        }
        if (rule.terms() != null && !rule.terms().isBlank()) {
            if (unusable.contains(rule.id()) || !termMatches.contains(rule.id())) {
                return null;
            }
            String terms = rule.terms().strip();
            because.add("text matches " + (terms.length() <= 120 ? terms : terms.substring(0, 119) + "…"));
        }
        if (rule.sentimentAtMost() != null) {
            if (sentiment.score() > rule.sentimentAtMost()) {
                return null;
            }
            because.add("sentiment " + sentiment.score() + " ≤ " + rule.sentimentAtMost());
        }
        if (rule.sentimentAtLeast() != null) {
            if (sentiment.score() < rule.sentimentAtLeast()) {
                return null;
            }
            because.add("sentiment " + sentiment.score() + " ≥ " + rule.sentimentAtLeast());
        }
        if (!rule.authorLists().isEmpty()) {
            String list = authorOn.stream().filter(rule.authorLists()::contains).findFirst().orElse(null);
            if (list == null) {
                return null;
            }
            because.add("author on the " + list + " list");
        }
        return because.isEmpty() ? null : String.join("; ", because);
    }

    static String key(Network network, String handle) {
        String folded = handle.strip().toLowerCase(Locale.ROOT);
        while (folded.startsWith("@")) {
            folded = folded.substring(1);
        }
        return network.name() + '\u0000' + folded;
    }
}
