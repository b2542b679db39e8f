package org.clearpost.analytics.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.clearpost.events.AccountRef;
import org.clearpost.events.CampaignDefined;
import org.clearpost.events.CampaignRef;
import org.clearpost.events.ClearanceCaseOpened;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.MentionAnswered;
import org.clearpost.events.MentionPriority;
import org.clearpost.events.MentionReceived;
import org.clearpost.events.MentionState;
import org.clearpost.events.MentionTriaged;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostMetricsSampled;
import org.clearpost.events.PostPublished;
import org.clearpost.events.ResponseReason;
import org.clearpost.events.Target;
import org.clearpost.support.outbox.CloudEventRecords;

/**
 * A day-to-day mix of Clearpost's events, in time order over a span: per post (two targets, X and Facebook, some in a
 * campaign) its draft, case, clearance, two publications and ten metric samples; per mention its receipt and triage,
 * one in ten answered. Mentions outnumber posts' events about two to one, as in a body's working week.
 */
final class EventMix {

    private static final String HASH = "sha256:" + "ab".repeat(32);
    private static final List<UUID> QUERIES = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    private final Instant start;
    private final Duration span;
    private final int target;
    private final Random random = new Random(12);
    private int posts;
    private int mentions;

    EventMix(Instant start, Duration span, int events) {
        this.start = start;
        this.span = span;
        this.target = events;
    }

    int posts() {
        return posts;
    }

    int mentions() {
        return mentions;
    }

    long draftedTargets() {
        return 2L * posts;
    }

    /** The events in time order (a clearance, an answer or a sample comes later than what it follows). */
    List<ProducerRecord<String, String>> records() {
        List<Timed> records = new ArrayList<>(target + 32);
        CampaignRef campaign = new CampaignRef("bench-campaign", "Bench campaign", LocalDate.ofInstant(start,
                java.time.ZoneOffset.UTC), null);
        records.add(record(new CampaignDefined("bench-campaign", "Bench campaign", campaign.startsOn(),
                campaign.startsOn().plusDays(60), "Residents", "#Bench",
                List.of(new AccountRef(Network.X, "bench_x")), "dana", start), start));
        while (records.size() < target) {
            Instant at = start.plusMillis(span.toMillis() * records.size() / target);
            if (random.nextInt(3) == 0) {
                post(records, at, random.nextInt(4) == 0 ? campaign : null);
            } else {
                mention(records, at);
            }
        }
        records.sort(java.util.Comparator.comparing(Timed::time));
        return records.stream().map(Timed::record).toList();
    }

    private record Timed(Instant time, ProducerRecord<String, String> record) {
    }

    private void post(List<Timed> records, Instant at, CampaignRef campaign) {
        posts++;
        UUID postId = UUID.randomUUID();
        List<Target> targets = List.of(new Target(UUID.randomUUID(), Network.X, "bench_x"),
                new Target(UUID.randomUUID(), Network.FACEBOOK, "100200300400"));
        records.add(record(new PostDrafted(postId, 1, HASH, "dana", "Our guidance is updated", targets, null,
                campaign, null, null, null, null, List.of(), at), at));
        Instant opened = at.plusSeconds(1);
        records.add(record(new ClearanceCaseOpened(postId, 1, UUID.randomUUID(), "normal", "normal hours", null, 0,
                at.plus(Duration.ofHours(4)), at, opened), opened));
        Instant cleared = at.plusSeconds(600 + random.nextInt(7200));
        records.add(record(new PostCleared(postId, 1, HASH, "dana", "normal", "colin", null,
                "Our guidance is updated", targets, null, campaign, null, null, null, cleared), cleared));
        for (Target target : targets) {
            Instant published = cleared.plusSeconds(2);
            String externalId = Long.toString(1_800_000_000_000L + random.nextInt(1_000_000_000));
            records.add(record(new PostPublished(postId, 1, target.targetId(), target.network(), target.account(),
                    externalId, "https://example.org/" + externalId, false, published), published));
            long impressions = 0;
            for (String age : PostMetricsSampled.SAMPLE_AGES) {
                impressions += 100 + random.nextInt(1000);
                Instant sampled = published.plusSeconds(60);
                records.add(record(new PostMetricsSampled(postId, 1, target.targetId(), target.network(),
                        target.account(), externalId, campaign == null ? null : campaign.slug(), published, age,
                        Map.of("impressions", impressions, "likes", impressions / 20, "linkClicks", impressions / 50),
                        List.of(), sampled), sampled));
            }
        }
    }

    private void mention(List<Timed> records, Instant at) {
        mentions++;
        UUID mentionId = UUID.randomUUID();
        Network network = random.nextBoolean() ? Network.X : Network.FACEBOOK;
        records.add(record(new MentionReceived(mentionId, network, Long.toString(random.nextLong()), "bench_x",
                "author" + random.nextInt(5000), "A Citizen", "Is the helpline open on Monday?", null, at, at,
                List.of(QUERIES.get(random.nextInt(QUERIES.size()))), true, at), at));
        boolean answer = random.nextInt(10) == 0;
        List<MentionTriaged.Reason> reasons = answer
                ? List.of(new MentionTriaged.Reason(ResponseReason.REPUTATION_RISK, "complaints", "complaint"))
                : List.of();
        double score = random.nextDouble() * 2 - 1;
        records.add(record(new MentionTriaged(mentionId, network, new MentionTriaged.Sentiment(score,
                score <= -0.05 ? "NEGATIVE" : score >= 0.05 ? "POSITIVE" : "NEUTRAL", List.of()), reasons,
                answer ? null : "no 4.1 reason", null, MentionPriority.LOW, List.of(), false, null, false, List.of(),
                answer ? MentionState.NEW : MentionState.NO_RESPONSE_NEEDED, null, at), at));
        if (answer) {
            long business = 600 + random.nextInt(20_000);
            Instant answered = at.plusSeconds(business);
            records.add(record(new MentionAnswered(mentionId, network, UUID.randomUUID(), "r" + mentionId, null,
                    null, at, at.plus(Duration.ofHours(8)), answered, business, business, true), answered));
        }
    }

    private static Timed record(ClearpostEvent event, Instant time) {
        return new Timed(time, CloudEventRecords.record(UUID.randomUUID(), event, "/clearpost/benchmark", time));
    }
}
