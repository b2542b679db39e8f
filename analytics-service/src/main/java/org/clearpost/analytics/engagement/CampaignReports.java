package org.clearpost.analytics.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.clearpost.analytics.stream.FigureSerde;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.events.AccountRef;
import org.clearpost.events.Network;
import org.clearpost.events.figures.CampaignReport;
import org.clearpost.events.figures.FigureType;

/**
 * Step three of campaign-reports, keyed by slug: keeps the campaign's definition, and each of its posts' published
 * targets under {@code slug|postId}. A post's change takes out what its earlier targets added to the report and adds
 * what its new ones add, so an event costs the same in a campaign of ten posts as in one of ten thousand (the first
 * version recomputed the whole report from one value holding every post, and the benchmark slowed with each post); a
 * change of the campaign's dates or accounts, which is rare, recomputes the report from the posts it holds. Sums only,
 * and a row that no longer counts anything and whose account the campaign does not name is dropped, so the report is
 * the same whatever order its inputs came in.
 *
 * <p>Rows per account and network: every account the campaign names (zeros until it publishes) and any other that
 * published one of its posts. A target counts when it was published on a London date from {@code startsOn} to
 * {@code endsOn}, both inclusive (an open end counts everything on that side). {@code posts} counts every published
 * target, corporate shares included; {@code corporateShares} those that share another target's publication. Reach is
 * the latest sample's {@code impressions}; engagements its {@code engagements}, or where the network gives none, its
 * likes, replies, reposts and quotes; link clicks its {@code linkClicks}.
 */
final class CampaignReports implements Processor<String, CampaignInput, String, CampaignReport> {

    static final String STORE = FigureStores.storeName(FigureType.CAMPAIGN_REPORTS);
    static final String CAMPAIGNS_STORE = FigureType.CAMPAIGN_REPORTS.figureName() + "-campaigns";
    static final String POSTS_STORE = FigureType.CAMPAIGN_REPORTS.figureName() + "-campaign-posts";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<String> INTERACTIONS = List.of("likes", "replies", "reposts", "quotes");

    private ProcessorContext<String, CampaignReport> context;
    private KeyValueStore<String, CampaignReport> reports;
    private KeyValueStore<String, CampaignState> campaigns;
    private KeyValueStore<String, CampaignInput.PostLines> posts;

    static ProcessorSupplier<String, CampaignInput, String, CampaignReport> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, CampaignInput, String, CampaignReport> get() {
                return new CampaignReports();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                                FigureSerde.of(CampaignReport.class)),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CAMPAIGNS_STORE), Serdes.String(),
                                FigureSerde.json(CampaignState.class)),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POSTS_STORE), Serdes.String(),
                                FigureSerde.json(CampaignInput.PostLines.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, CampaignReport> context) {
        this.context = context;
        this.reports = context.getStateStore(STORE);
        this.campaigns = context.getStateStore(CAMPAIGNS_STORE);
        this.posts = context.getStateStore(POSTS_STORE);
    }

    @Override
    public void process(Record<String, CampaignInput> record) {
        String slug = record.key();
        CampaignState held = campaigns.get(slug);
        CampaignInput input = record.value();
        Instant inputAsOf = input.definition() != null ? input.definition().asOf() : input.post().asOf();
        Instant asOf = held == null || inputAsOf.isAfter(held.asOf()) ? inputAsOf : held.asOf();
        CampaignInput.Definition definition = input.definition() != null ? input.definition()
                : held == null ? null : held.definition();
        campaigns.put(slug, new CampaignState(definition, asOf));
        CampaignReport report;
        if (input.definition() != null) {
            report = report(definition, heldPosts(slug), asOf);
        } else {
            String postKey = slug + "|" + input.post().postId();
            CampaignInput.PostLines before = posts.get(postKey);
            if (input.post().lines().isEmpty()) {
                posts.delete(postKey);
            } else {
                posts.put(postKey, input.post());
            }
            if (definition == null) {
                return; // no name or dates yet: the report waits for its CampaignDefined
            }
            CampaignReport current = reports.get(slug);
            report = current == null ? report(definition, heldPosts(slug), asOf)
                    : changed(definition, current, before, input.post(), asOf);
        }
        if (definition == null) {
            return;
        }
        reports.put(slug, report);
        context.forward(record.withValue(report));
    }

    /** Every post the campaign's store holds, in key order. */
    private List<CampaignInput.PostLines> heldPosts(String slug) {
        List<CampaignInput.PostLines> held = new ArrayList<>();
        try (var all = posts.prefixScan(slug + "|", Serdes.String().serializer())) {
            all.forEachRemaining(entry -> held.add(entry.value));
        }
        return held;
    }

    /** {@code current} without what {@code before} added and with what {@code after} adds. */
    static CampaignReport changed(CampaignInput.Definition campaign, CampaignReport current,
            CampaignInput.PostLines before, CampaignInput.PostLines after, Instant asOf) {
        Map<String, long[]> totals = new TreeMap<>();
        for (CampaignReport.Row row : current.rows()) {
            totals.put(rowKey(row.network(), row.account()), new long[] {row.posts(), row.corporateShares(),
                    row.reach(), row.engagements(), row.linkClicks()});
        }
        if (before != null) {
            addLines(campaign, totals, before, -1);
        }
        addLines(campaign, totals, after, 1);
        return rows(campaign, totals, asOf);
    }

    /** The report from every post the campaign holds: what a change of its dates or accounts needs. */
    static CampaignReport report(CampaignInput.Definition campaign, Iterable<CampaignInput.PostLines> posts,
            Instant asOf) {
        Map<String, long[]> totals = new TreeMap<>();
        for (CampaignInput.PostLines post : posts) {
            addLines(campaign, totals, post, 1);
        }
        return rows(campaign, totals, asOf);
    }

    /** Adds ({@code sign} 1) or takes out (-1) what one post's targets published within the dates count. */
    private static void addLines(CampaignInput.Definition campaign, Map<String, long[]> totals,
            CampaignInput.PostLines post, int sign) {
        for (CampaignInput.Line line : post.lines()) {
            if (!within(campaign, line.publishedAt())) {
                continue;
            }
            long[] row = totals.computeIfAbsent(rowKey(line.network(), line.account()), k -> new long[5]);
            row[0] += sign;
            row[1] += line.share() ? sign : 0;
            row[2] += sign * line.metrics().getOrDefault("impressions", 0L);
            row[3] += sign * engagements(line.metrics());
            row[4] += sign * line.metrics().getOrDefault("linkClicks", 0L);
        }
    }

    /**
     * The report's rows: one for every account the campaign names (zeros until it publishes) and one for any other
     * account while a target of it counts.
     */
    private static CampaignReport rows(CampaignInput.Definition campaign, Map<String, long[]> totals, Instant asOf) {
        Set<String> named = new java.util.HashSet<>();
        for (AccountRef account : campaign.accounts()) {
            String key = rowKey(account.network(), account.account());
            named.add(key);
            totals.computeIfAbsent(key, k -> new long[5]);
        }
        List<CampaignReport.Row> rows = new ArrayList<>();
        totals.forEach((key, row) -> {
            if (row[0] == 0 && !named.contains(key)) {
                return;
            }
            int split = key.indexOf('|');
            rows.add(new CampaignReport.Row(Network.valueOf(key.substring(0, split)), key.substring(split + 1),
                    row[0], row[1], row[2], row[3], row[4]));
        });
        rows.sort(Comparator.comparing((CampaignReport.Row row) -> row.network().name())
                .thenComparing(CampaignReport.Row::account));
        return new CampaignReport(campaign.slug(), campaign.name(), campaign.startsOn(), campaign.endsOn(), rows,
                asOf);
    }

    static boolean within(CampaignInput.Definition campaign, Instant publishedAt) {
        LocalDate day = publishedAt.atZone(LONDON).toLocalDate();
        return (campaign.startsOn() == null || !day.isBefore(campaign.startsOn()))
                && (campaign.endsOn() == null || !day.isAfter(campaign.endsOn()));
    }

    static long engagements(Map<String, Long> metrics) {
        Long given = metrics.get("engagements");
        if (given != null) {
            return given;
        }
        return INTERACTIONS.stream().mapToLong(name -> metrics.getOrDefault(name, 0L)).sum();
    }

    private static String rowKey(Network network, String account) {
        return network.name() + "|" + account;
    }
}
