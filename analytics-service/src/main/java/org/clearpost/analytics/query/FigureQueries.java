package org.clearpost.analytics.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.clearpost.analytics.config.AnalyticsConfig;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.events.EventJson;
import org.clearpost.events.figures.FigureType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Answers a figure from the interactive-query stores of every replica: this one's own partitions from its local store,
 * the others' by asking the replica that hosts them ({@code application.server}, from Kafka Streams' metadata) at
 * {@code GET /figures/{name}/local}, with the caller's bearer token. Rows come back sorted by key, so the answer is the
 * same whichever replica was asked.
 */
@ApplicationScoped
public class FigureQueries {

    private static final Logger LOG = Logger.getLogger(FigureQueries.class);
    /** While Streams rebalances or restores, a retry after a few seconds usually finds the stores back. */
    static final int REBALANCING_RETRY_SECONDS = 5;

    private final KafkaStreams streams;
    private final Topology topology;
    private final Map<String, Integer> subtopologies = new ConcurrentHashMap<>();
    private final HostInfo self;
    private final Duration timeout;
    private final HttpClient http;

    public FigureQueries(KafkaStreams streams, Topology topology, AnalyticsConfig config,
            @ConfigProperty(name = "quarkus.kafka-streams.application-server") String applicationServer) {
        this.streams = streams;
        this.topology = topology;
        this.self = HostInfo.buildFromEndpoint(applicationServer);
        this.timeout = config.queryTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Every row of the figure matching the filter, from every replica.
     *
     * @param rawQuery the request's query string, passed on unchanged to the other replicas
     * @param authorization the caller's {@code Authorization} header, forwarded
     */
    public List<ObjectNode> rows(FigureFilter filter, String rawQuery, String authorization) {
        String store = FigureStores.storeName(filter.type());
        requireRunning();
        Collection<StreamsMetadata> hosts;
        try {
            hosts = streams.streamsMetadataForStore(store);
        } catch (RuntimeException e) {
            throw rebalancing(e);
        }
        List<ObjectNode> rows = new ArrayList<>();
        boolean selfListed = false;
        for (StreamsMetadata host : hosts) {
            if (host.hostInfo().equals(self)) {
                selfListed = true;
                rows.addAll(localRows(filter));
            } else {
                rows.addAll(remoteRows(host.hostInfo(), filter.type(), rawQuery, authorization));
            }
        }
        if (!selfListed && hosts.isEmpty()) {
            // No replica holds the store yet (no partition assigned): nothing is known, which is not "no rows"
            throw new FiguresUnavailableException("No replica holds " + filter.type().figureName()
                    + " yet: the application is starting or rebalancing", REBALANCING_RETRY_SECONDS, null);
        }
        rows.sort(Comparator.comparing(row -> row.path("key").asText("")));
        return rows;
    }

    /**
     * The rows this replica's active tasks hold; what the other replicas ask for. Every partition this replica is
     * assigned must answer: a task still restoring (just moved here by a rebalance) is a 503, not a silently shorter
     * figure.
     */
    public List<ObjectNode> localRows(FigureFilter filter) {
        requireRunning();
        String store = FigureStores.storeName(filter.type());
        Set<Integer> partitions = activePartitions(store);
        List<ObjectNode> rows = new ArrayList<>();
        if (partitions.isEmpty()) {
            return rows;
        }
        StateQueryResult<KeyValueIterator<String, Object>> result;
        try {
            result = streams.query(StateQueryRequest.inStore(store)
                    .withQuery(RangeQuery.<String, Object>withNoBounds()).withPartitions(partitions).requireActive());
        } catch (RuntimeException e) {
            throw rebalancing(e);
        }
        for (Map.Entry<Integer, QueryResult<KeyValueIterator<String, Object>>> partition
                : new TreeMap<>(result.getPartitionResults()).entrySet()) {
            QueryResult<KeyValueIterator<String, Object>> answer = partition.getValue();
            if (answer.isFailure()) {
                closeAll(result);
                throw new FiguresUnavailableException("Partition " + partition.getKey() + " of "
                        + filter.type().figureName() + " is not ready on this replica (" + answer.getFailureReason()
                        + "): it is restoring or moving", REBALANCING_RETRY_SECONDS, null);
            }
        }
        for (QueryResult<KeyValueIterator<String, Object>> answer : result.getPartitionResults().values()) {
            try (KeyValueIterator<String, Object> all = answer.getResult()) {
                while (all.hasNext()) {
                    KeyValue<String, Object> entry = all.next();
                    // A DSL store is timestamped; whether a range query unwraps the value differs between versions
                    Object value = entry.value instanceof ValueAndTimestamp<?> timestamped ? timestamped.value()
                            : entry.value;
                    if (value == null) {
                        continue;
                    }
                    ObjectNode row = EventJson.mapper().valueToTree(value);
                    if (filter.matches(row)) {
                        ObjectNode keyed = EventJson.mapper().createObjectNode().put("key", entry.key);
                        keyed.setAll(row);
                        rows.add(keyed);
                    }
                }
            }
        }
        rows.sort(Comparator.comparing(row -> row.path("key").asText("")));
        return rows;
    }

    /** The partitions of the store's sub-topology that this replica runs as active tasks. */
    private Set<Integer> activePartitions(String store) {
        Integer subtopology = subtopologies.computeIfAbsent(store, name -> topology.describe().subtopologies()
                .stream().filter(sub -> sub.nodes().stream().anyMatch(node -> node instanceof TopologyDescription.Processor
                        processor && processor.stores().contains(name)))
                .map(TopologyDescription.Subtopology::id).findFirst().orElse(-1));
        Set<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                if (task.taskId().subtopology() == subtopology) {
                    partitions.add(task.taskId().partition());
                }
            }
        }
        return partitions;
    }

    private static void closeAll(StateQueryResult<KeyValueIterator<String, Object>> result) {
        result.getPartitionResults().values().stream().filter(QueryResult::isSuccess)
                .forEach(answer -> answer.getResult().close());
    }

    private void requireRunning() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw new FiguresUnavailableException("The figures are not ready: Kafka Streams is " + state
                    + (state == KafkaStreams.State.REBALANCING ? " (partitions are being reassigned)" : ""),
                    REBALANCING_RETRY_SECONDS, null);
        }
    }

    private List<ObjectNode> remoteRows(HostInfo host, FigureType type, String rawQuery, String authorization) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + "/figures/" + type.figureName() + "/local"
                + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw replicaDown(host, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw replicaDown(host, "interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw replicaDown(host, "answered " + response.statusCode(), null);
        }
        try {
            return EventJson.mapper().readValue(response.body(), new TypeReference<List<ObjectNode>>() {
            });
        } catch (IOException e) {
            throw replicaDown(host, "answered something that is not a list of rows", e);
        }
    }

    private static FiguresUnavailableException replicaDown(HostInfo host, String what, Exception cause) {
        LOG.warnf("Replica %s:%d could not give its rows: %s", host.host(), host.port(), what);
        return new FiguresUnavailableException("The replica at " + host.host() + ":" + host.port()
                + " holding part of the figure did not answer (" + what + "); ask again shortly",
                REBALANCING_RETRY_SECONDS, cause);
    }

    private static FiguresUnavailableException rebalancing(Exception cause) {
        return new FiguresUnavailableException("The figure's store is not available on this replica right now "
                + "(rebalancing or restoring): " + cause.getMessage(), REBALANCING_RETRY_SECONDS, cause);
    }

}
