package org.clearpost.analytics.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.clearpost.analytics.mentions.MentionsHourlyTopology;
import org.clearpost.analytics.mentions.ResponseTimesTopology;
import org.clearpost.analytics.stream.AnalyticsTopology;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.analytics.stream.FigureTopology;
import org.clearpost.events.figures.FigureType;
import org.junit.jupiter.api.Test;

/** The five figures' parts together, as Quarkus builds them: one topology, every name given, every store there. */
class FigurePartsTest {

    static List<FigureTopology> parts() {
        return List.of(new MentionsHourlyTopology(Duration.ofHours(2), Duration.ofDays(90)),
                new ResponseTimesTopology(), new EngagementTopology(), new CampaignReportTopology());
    }

    @Test
    void everyProcessorStoreAndRepartitionTopicIsNamedSoEveryReplicaBuildsTheSameTopology() {
        TopologyDescription description = AnalyticsTopology.build(parts()).describe();
        Set<String> names = new TreeSet<>();
        Set<String> stores = new HashSet<>();
        Set<String> topics = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                names.add(node.name());
                if (node instanceof TopologyDescription.Processor processor) { // the description's own node kinds
                    stores.addAll(processor.stores());
                }
                if (node instanceof TopologyDescription.Sink sink) {
                    topics.add(sink.topic());
                }
            }
        }
        assertTrue(names.stream().noneMatch(name -> name.startsWith("KSTREAM-") || name.startsWith("KTABLE-")),
                "generated names: " + names);
        assertTrue(stores.stream().noneMatch(name -> name.startsWith("KSTREAM-") || name.startsWith("KTABLE-")),
                "generated store names: " + stores);
        for (FigureType figure : EnumSet.of(FigureType.MENTIONS_HOURLY, FigureType.RESPONSE_TIMES,
                FigureType.POST_ENGAGEMENT, FigureType.ENGAGEMENT_TOTALS, FigureType.CAMPAIGN_REPORTS)) {
            assertTrue(stores.contains(FigureStores.storeName(figure)), figure + " has its store");
            assertTrue(topics.contains(figure.topic()), figure + " is written to its topic");
        }
        assertEquals(Set.of("mentions-hourly-by-row-repartition", "response-times-by-row-repartition",
                "post-engagement-by-target-repartition", "engagement-totals-by-row-repartition",
                "campaign-reports-by-post-repartition", "campaign-reports-by-campaign-repartition"),
                topics.stream().filter(topic -> topic.endsWith("-repartition")).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void ordersAreDistinctAndInTheRangeGivenToThesePartsAndEachFigureHasOnePart() {
        Set<Integer> orders = new HashSet<>();
        Set<FigureType> figures = EnumSet.noneOf(FigureType.class);
        for (FigureTopology part : parts()) {
            assertTrue(part.order() >= 200 && part.order() < 300, part + " " + part.order());
            assertTrue(orders.add(part.order()));
            for (FigureType figure : part.figures()) {
                assertTrue(figures.add(figure), figure + " claimed twice");
            }
            assertFalse(part.consumes().isEmpty());
        }
        assertEquals(5, figures.size());
    }
}
