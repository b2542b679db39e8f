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
 * Step three of campaign-reports, keyed by slug: keeps the campaign's definition and each of its posts' published
 * targets, and recomputes the report from them after every change (a campaign has hundreds of targets, not
 * millions; recomputing keeps a redefinition of its dates exact, with no deltas to undo).
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
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<String> INTERACTIONS = List.of("likes", "replies", "reposts", "quotes");

    private ProcessorContext<String, CampaignReport> context;
    private KeyValueStore<String, CampaignReport> reports;
    private KeyValueStore<String, CampaignState> campaigns;

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
                                FigureSerde.json(CampaignState.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, CampaignReport> context) {
        this.context = context;
        this.reports = context.getStateStore(STORE);
        this.campaigns = context.getStateStore(CAMPAIGNS_STORE);
    }

    @Override
    public void process(Record<String, CampaignInput> record) {
        CampaignState held = campaigns.get(record.key());
        CampaignInput.Definition definition = held == null ? null : held.definition();
        Map<String, CampaignInput.PostLines> posts = new TreeMap<>(held == null ? Map.of() : held.posts());
        CampaignInput input = record.value();
        if (input.definition() != null) {
            definition = input.definition();
        } else if (input.post().lines().isEmpty()) {
            posts.remove(input.post().postId().toString());
        } else {
            posts.put(input.post().postId().toString(), input.post());
        }
        Instant inputAsOf = input.definition() != null ? input.definition().asOf() : input.post().asOf();
        Instant asOf = held == null || inputAsOf.isAfter(held.asOf()) ? inputAsOf : held.asOf();
        campaigns.put(record.key(), new CampaignState(definition, posts, asOf));
        if (definition == null) {
            return; // no name or dates yet: the report waits for its CampaignDefined
        }
        CampaignReport report = report(definition, posts.values(), asOf);
        reports.put(record.key(), report);
        context.forward(record.withValue(report));
    }

    static CampaignReport report(CampaignInput.Definition campaign, Iterable<CampaignInput.PostLines> posts,
            Instant asOf) {
        Map<String, long[]> totals = new TreeMap<>();
        for (AccountRef account : campaign.accounts()) {
            totals.computeIfAbsent(rowKey(account.network(), account.account()), k -> new long[5]);
        }
        for (CampaignInput.PostLines post : posts) {
            for (CampaignInput.Line line : post.lines()) {
                if (!within(campaign, line.publishedAt())) {
                    continue;
                }
                long[] row = totals.computeIfAbsent(rowKey(line.network(), line.account()), k -> new long[5]);
                row[0]++;
                row[1] += line.share() ? 1 : 0;
                row[2] += line.metrics().getOrDefault("impressions", 0L);
                row[3] += engagements(line.metrics());
                row[4] += line.metrics().getOrDefault("linkClicks", 0L);
            }
        }
        List<CampaignReport.Row> rows = new ArrayList<>();
        totals.forEach((key, row) -> {
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
