package org.clearpost.monitoring.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long matching takes: 50 realistic tracked queries against realistic mentions, per mention (tokenising once and
 * evaluating every query). Not part of the default run:
 * {@code ./mvnw -B -o -pl monitoring-service -am test -Dtest=QueryMatchBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class QueryMatchBenchmark {

    static final List<String> QUERIES = List.of(
            "ico OR \"information commissioner's office\" OR @ico OR #ico",
            "\"information commissioner\" -\"australian information commissioner\"",
            "\"john edwards\" NEAR/5 (commissioner OR ico)",
            "author:iconews OR @iconews",
            "(ico OR \"information commissioner\") (fine OR fined OR penalty OR reprimand)",
            "\"data protection\" NEAR/3 (breach OR leak OR hack)",
            "#ukgdpr OR #gdpr OR \"uk gdpr\"",
            "(\"freedom of information\" OR foi) (request OR appeal OR complaint) lang:en",
            "(cookie OR cookies) NEAR/4 (consent OR banner) -recipe",
            "\"children's code\" OR \"age appropriate design code\" OR #childrenscode",
            "(nuisance OR spam) NEAR/2 (calls OR texts) ico",
            "\"subject access request\" OR sar NEAR/3 (ico OR complaint)",
            "network:x|bluesky|mastodon (ico OR \"information commissioner\") -job -vacancy",
            "(facial NEAR/1 recognition) (ico OR regulator OR privacy)",
            "(\"ai\" OR \"artificial intelligence\") NEAR/6 (\"data protection\" OR privacy) ico",
            "ico -\"ice cream\" -icon -icos",
            "#dataprotection lang:en",
            "\"privacy notice\" OR \"privacy policy\" NEAR/4 ico",
            "(ransomware OR cyberattack OR \"cyber attack\") NEAR/8 (ico OR reported)",
            "(\"direct marketing\" OR pecr) (fine OR enforcement)",
            "@ico_scotland OR \"ico scotland\"",
            "@ico_wales OR \"ico wales\" OR \"swyddfa'r comisiynydd gwybodaeth\"",
            "\"information rights\" NOT (job OR hiring)",
            "(biometric OR biometrics) (school OR schools OR employer) privacy",
            "(cctv OR doorbell) NEAR/5 (neighbour OR neighbor) (privacy OR ico)",
            "\"data sharing code\" OR \"data sharing\" NEAR/3 (nhs OR police OR council)",
            "(\"right to erasure\" OR \"right to be forgotten\") -eu",
            "(clean NEAR/1 air) #cleanair2027 OR \"clean air 2027\"",
            "\"privacy by design\" OR (privacy NEAR/2 design) ico",
            "(adtech OR \"real time bidding\" OR rtb) (ico OR complaint)",
            "author:johnedwards_ico OR \"@johnedwards_ico\"",
            "(commissioner OR ico) NEAR/10 (parliament OR \"select committee\" OR evidence)",
            "(\"data breach\" OR breach) (bank OR nhs OR council OR police) reported",
            "\"accountability framework\" OR #accountability ico",
            "(employee OR employer) NEAR/4 (monitoring OR surveillance) privacy",
            "\"sandbox\" NEAR/3 (regulatory OR ico)",
            "(transparency OR foi) (government OR minister) NEAR/5 (email OR whatsapp)",
            "@ico lang:cy OR (ico lang:cy)",
            "(\"lost data\" OR \"stolen laptop\" OR \"unencrypted\") ico",
            "(\"dpo\" OR \"data protection officer\") (ico OR guidance)",
            "(\"international transfers\" OR \"adequacy\") (uk OR ico)",
            "(\"online safety\" OR ofcom) NEAR/6 (ico OR \"information commissioner\")",
            "network:linkedin (ico OR \"information commissioner\") (event OR webinar OR conference)",
            "#dpconference OR \"data protection practitioners conference\"",
            "(scam OR scams) NEAR/3 (ico OR \"information commissioner\") -crypto",
            "(\"health data\" OR \"patient data\") NEAR/5 (shared OR sharing OR sold)",
            "(\"credit reference\" OR experian OR equifax) (ico OR complaint OR data)",
            "(political NEAR/2 (ads OR campaigning)) (data OR ico)",
            "(\"police\" NEAR/3 \"data\") (retention OR ico OR deleted)",
            "\"information commissioner\" OR ico OR \"john edwards\" -spam -scam -giveaway");

    static final String[] WORDS = ("the a to of and in is for on that with this be are it at as by from have was "
            + "council data people new today public service our your we will about more can local support help "
            + "information privacy guidance rules report week year please thanks great news check update issue "
            + "complaint fine police nhs school breach protection commissioner office rights request").split(" ");

    static List<NormalisedMention> mentions(int count, long seed) {
        Random random = new Random(seed);
        String[] inserts = { "ICO", "Information Commissioner's Office", "John Edwards, the Commissioner,",
                "#UKGDPR", "@ICOnews", "data-protection breach", "Café", "cookie consent banner", "FOI request",
                "subject access request" };
        Network[] networks = { Network.X, Network.BLUESKY, Network.MASTODON, Network.FACEBOOK, Network.LINKEDIN };
        List<NormalisedMention> mentions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = 12 + random.nextInt(40);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < length; w++) {
                if (random.nextInt(25) == 0) {
                    text.append(inserts[random.nextInt(inserts.length)]);
                } else {
                    text.append(WORDS[random.nextInt(WORDS.length)]);
                }
                text.append(random.nextInt(8) == 0 ? ", " : " ");
            }
            mentions.add(new NormalisedMention(networks[random.nextInt(networks.length)], Integer.toString(i),
                    List.of(), null, "1", "user" + random.nextInt(1000), "A user", text.toString(), null, "en",
                    random.nextInt(5) == 0 ? List.of("UKGDPR") : List.of(), List.of(), Instant.EPOCH, Instant.EPOCH));
        }
        return mentions;
    }

    @Test
    void nanosecondsPerMention() {
        List<CompiledQueries.Compiled> compiled = new ArrayList<>();
        for (String query : QUERIES) {
            compiled.add(new CompiledQueries.Compiled(UUID.randomUUID(), QueryParser.parse(query)));
        }
        CompiledQueries queries = new CompiledQueries(compiled, 1);
        List<NormalisedMention> mentions = mentions(20_000, 42);
        long matched = 0;
        for (int round = 0; round < 10; round++) { // warm-up: let the JIT compile the hot paths
            for (NormalisedMention mention : mentions) {
                matched += queries.matching(mention).size();
            }
        }
        // CPU time of this thread as well as wall time: on a shared, loaded machine the wall clock mostly measures
        // the wait for a core.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int rounds = 10;
        long tokenising = 0;
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int round = 0; round < rounds; round++) {
            for (NormalisedMention mention : mentions) {
                matched += queries.matching(mention).size();
            }
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long total = System.nanoTime() - start;
        cpuStart = threads.getCurrentThreadCpuTime();
        for (int round = 0; round < rounds; round++) {
            for (NormalisedMention mention : mentions) {
                tokenising += MentionText.of(queries.vocabulary(), mention).words.length;
            }
        }
        long tokenCpu = threads.getCurrentThreadCpuTime() - cpuStart;
        double count = rounds * (double) mentions.size();
        System.out.printf("QueryMatchBenchmark: %d queries, %d mentions x %d rounds (%.1f words each): "
                + "%.0f ns CPU per mention (tokenising alone %.0f ns CPU), %.0f ns wall; %.2f matches per mention; "
                + "load average %.1f on %d cores%n", QUERIES.size(), mentions.size(), rounds, tokenising / count,
                cpu / count, tokenCpu / count, total / count, matched / (20.0 * mentions.size()),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
