package org.clearpost.analytics.posts;

import org.clearpost.analytics.testing.FigureDriver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clearpost.analytics.posts.Posts.london;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.kafka.streams.TopologyDescription;
import org.clearpost.analytics.stream.AnalyticsTopology;
import org.clearpost.analytics.stream.FigureTopology;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.PreElectionExemptionGranted;
import org.clearpost.events.PreElectionPeriodDeclared;
import org.clearpost.events.PreElectionRefused;
import org.clearpost.events.figures.FigureType;
import org.junit.jupiter.api.Test;

/** The three post figures together, as analytics runs them. */
class PostFiguresTopologyTest {

    private static List<FigureTopology> parts() {
        return List.of(PostActivityTopology.withDefaults(), ClearanceTurnaroundTopology.withDefaults(),
                PreElectionReportTopology.withDefaults());
    }

    /** A fortnight of a team's work, in the interleaved order the topics might be read in. */
    private static List<Object[]> fortnight() {
        Random random = new Random(7);
        UUID periodId = UUID.randomUUID();
        List<Object[]> events = new ArrayList<>();
        BiConsumer<ClearpostEvent, Instant> add = (event, at) -> events.add(new Object[] {event, at});
        Instant declared = london("2026-04-13T09:00");
        add.accept(new PreElectionPeriodDeclared(periodId, "Local elections", "local", "Borough",
                london("2026-04-20T00:00"), london("2026-05-08T00:00"), "lead", declared), declared);
        Instant time = london("2026-04-14T09:00");
        for (int i = 0; i < 60; i++) {
            Posts post = i % 3 == 0 ? Posts.onXAndFacebook() : Posts.onX();
            time = time.plusSeconds(1800 + random.nextInt(7200));
            Instant submitted = time;
            Instant opened = submitted.plusSeconds(5);
            Instant decided = submitted.plusSeconds(600 + random.nextInt(90_000));
            boolean pre = !submitted.isBefore(london("2026-04-20T00:00"));
            add.accept(post.drafted(submitted), submitted);
            add.accept(post.opened(pre ? "pre-election" : "normal", pre ? periodId : null, submitted, opened), opened);
            switch (i % 5) {
                case 0 -> add.accept(post.rejected(decided), decided);
                case 1 -> add.accept(post.changesRequested(decided), decided);
                case 2 -> {
                    add.accept(new PreElectionRefused(periodId, post.postId, 1, UUID.randomUUID(),
                            List.of("Campaigning"), "clearer", decided.minusSeconds(60)), decided.minusSeconds(60));
                    add.accept(post.rejected(decided), decided);
                }
                default -> {
                    if (pre) {
                        add.accept(new PreElectionExemptionGranted(UUID.randomUUID(), periodId, post.postId, 1,
                                UUID.randomUUID(), "Public health", "clearer", null, decided), decided);
                    }
                    add.accept(post.cleared(pre ? "pre-election" : "normal", decided), decided);
                    Instant out = decided.plusSeconds(60);
                    add.accept(i % 2 == 0 ? post.published(0, out) : post.failed(0, out), out);
                }
            }
            if (i % 7 == 0) {
                add.accept(post.overdue("normal", opened.plusSeconds(3600)), opened.plusSeconds(3600));
            }
        }
        // Streams reads a task's partitions roughly in time order; here drafting's topic lags two hours behind the
        // others, so many decisions (and some publications) are read before their drafts
        List<Object[]> ordered = new ArrayList<>(events);
        ordered.sort(java.util.Comparator.comparing(e -> {
            Instant at = (Instant) e[1];
            boolean drafting = org.clearpost.events.EventType.of((ClearpostEvent) e[0]).topic()
                    .equals(org.clearpost.events.Topics.DRAFTING_POSTS);
            return drafting ? at.plusSeconds(7200) : at;
        }));
        return ordered;
    }

    private record Run(List<?> activity, List<?> turnaround, List<?> reports, Object activityStore,
            Object turnaroundStore, Object reportStore) {
    }

    private static Run run(List<Object[]> events) {
        List<FigureTopology> parts = parts();
        try (FigureDriver driver = new FigureDriver(parts.toArray(FigureTopology[]::new))) {
            events.forEach(event -> driver.pipe((ClearpostEvent) event[0], (Instant) event[1]));
            assertThat(parts).filteredOn(BucketedFigure.class::isInstance).map(BucketedFigure.class::cast)
                    .allMatch(part -> part.lateDropped() == 0, "nothing dropped");
            return new Run(driver.topicRows(FigureType.POST_ACTIVITY),
                    driver.topicRows(FigureType.CLEARANCE_TURNAROUND),
                    driver.topicRows(FigureType.PRE_ELECTION_REPORTS), driver.store(FigureType.POST_ACTIVITY),
                    driver.store(FigureType.CLEARANCE_TURNAROUND), driver.store(FigureType.PRE_ELECTION_REPORTS));
        }
    }

    @Test
    void aRebuildFromTheSameEventsGivesIdenticalRows() {
        List<Object[]> events = fortnight();
        Run live = run(events);
        Run rebuilt = run(events);

        // 60 posts, every third for two accounts: 80 target versions drafted, each counted once
        assertThat(((java.util.Map<?, ?>) live.activityStore()).values().stream()
                .mapToLong(row -> ((org.clearpost.events.figures.PostActivity) row).drafted()).sum()).isEqualTo(80);
        assertThat(((java.util.Map<?, ?>) live.turnaroundStore()).values().stream().mapToLong(
                row -> ((org.clearpost.events.figures.ClearanceTurnaround) row).decisions()).sum()).isEqualTo(60);
        assertThat(live.activity()).isNotEmpty();
        assertThat(live.turnaround()).isNotEmpty();
        assertThat(live.reports()).isNotEmpty();
        assertThat(rebuilt).isEqualTo(live);
    }

    @Test
    void everyProcessorStoreAndRepartitionTopicIsNamed() {
        TopologyDescription description = AnalyticsTopology.build(parts()).describe();
        List<String> names = new ArrayList<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                names.add(node.name());
                if (node instanceof TopologyDescription.Processor processor) {
                    names.addAll(processor.stores());
                }
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    names.addAll(source.topicSet());
                }
            }
        }
        assertThat(names).noneMatch(name -> name.startsWith("KSTREAM-") || name.startsWith("KTABLE-")
                || name.contains("-STATE-STORE-"));
        assertThat(names).contains("post-activity-by-row-repartition", "clearance-turnaround-by-row-repartition",
                "pre-election-reports-by-period-repartition", "figure-post-activity", "figure-clearance-turnaround",
                "figure-pre-election-reports");
    }

    @Test
    void thePartsHaveDistinctOrdersInTheirRangeAndBucketedOnesExposeTheirRetention() {
        assertThat(parts().stream().map(FigureTopology::order).distinct()).hasSize(3)
                .allMatch(order -> order >= 100 && order < 200);
        assertThat(Stream.of(PostActivityTopology.withDefaults(), ClearanceTurnaroundTopology.withDefaults())
                .map(part -> part.retention().toDays())).containsExactly(400L, 731L);
    }
}
