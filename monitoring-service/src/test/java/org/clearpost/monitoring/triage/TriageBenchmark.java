package org.clearpost.monitoring.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What assess costs per mention (the budget is about 20 µs: the pipeline triages thousands a second per core).
 * Prints the figure; no timed assertion (shared CI machines vary too much for one). Not part of the default run, like
 * {@code QueryMatchBenchmark}: {@code ./mvnw -B -o -pl monitoring-service -am test -Dtest=TriageBenchmark
 * -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TriageBenchmark {

    @Test
    void assessCostPerMention() {
        RuleTriage triage = RuleTriageTest.triage();
        String[] texts = { "How do I make a subject access request to my bank? They ignored me twice.",
                "The ICO is useless and corrupt, a total disgrace!! Why do we pay for this??",
                "Great guidance from @ICOnews today on children's privacy, really helpful :)",
                "Under the Freedom of Information Act please send me the fines issued in 2025. Jane Smith",
                "Free bitcoin airdrop, follow back http://a.example http://b.example http://c.example",
                "Not bad at all, but the website is still VERY slow and the forms are confusing" };
        List<NormalisedMention> mentions = new ArrayList<>();
        for (int k = 0; k < 600; k++) {
            mentions.add(new NormalisedMention(Network.X, "id" + k, List.of(), null, "1", "user" + (k % 50),
                    k % 3 == 0 ? "Jane Smith" : "user" + k, texts[k % texts.length] + " #" + k, null, "en",
                    List.of(), List.of(), null, null));
        }
        List<UUID> queries = List.of(RuleTriageTest.BODY_QUERY);
        long sink = 0;
        for (int warm = 0; warm < 200; warm++) {
            for (NormalisedMention m : mentions) {
                sink += triage.assess(m, null, queries).reasons().size();
            }
        }
        int rounds = 200;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (NormalisedMention m : mentions) {
                sink += triage.assess(m, null, queries).reasons().size();
            }
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / (rounds * mentions.size());
        System.out.printf("triage assess: %.2f µs per mention (%d mentions, checksum %d)%n", micros,
                rounds * mentions.size(), sink);
    }
}
