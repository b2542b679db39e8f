package org.clearpost.analytics.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Resets analytics in place, so its next start rebuilds every figure from the earliest offsets of every topic: what
 * {@code kafka-streams-application-reset} does, with the Admin API. Every instance of the application id must be
 * stopped first (the reset refuses while the group has members). It deletes the group (its committed offsets), the
 * application's internal topics ({@code <application id>-...-changelog} and {@code -repartition}) and this host's
 * state directory for the application id; run the state-directory part on every host that ran an instance (or give
 * each a fresh {@code CLEARPOST_ANALYTICS_STATE_DIR}). The figure topics are left as they are: the rebuild writes every
 * row again under the same key, and compaction keeps the latest.
 *
 * <pre>
 * KAFKA_BOOTSTRAP_SERVERS=localhost:9092 CLEARPOST_KAFKA_USERNAME=admin CLEARPOST_KAFKA_PASSWORD=... \
 *   java -cp analytics-service/target/quarkus-app/lib/main/*:analytics-service/target/quarkus-app/app/* \
 *   org.clearpost.analytics.stream.StreamsReset analytics-service /var/lib/clearpost-analytics-state
 * </pre>
 * Deleting a group and topics needs those rights: run it as the Kafka admin, not as the service's principal.
 */
public final class StreamsReset {

    /** What a reset did. */
    public record Result(String applicationId, List<String> deletedTopics, boolean deletedGroup,
            boolean deletedState) {
    }

    private StreamsReset() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: StreamsReset <application id> [<state dir>]  (Kafka login from "
                    + "KAFKA_BOOTSTRAP_SERVERS, CLEARPOST_KAFKA_USERNAME, CLEARPOST_KAFKA_PASSWORD)");
            System.exit(2);
        }
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", env("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"));
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + env("CLEARPOST_KAFKA_USERNAME", "admin") + "\" password=\"" + env("CLEARPOST_KAFKA_PASSWORD", "")
                + "\";");
        try (Admin admin = Admin.create(config)) {
            Result result = reset(admin, args[0], args.length == 2 ? Path.of(args[1]) : null, Duration.ofSeconds(60));
            System.out.println("Reset " + result.applicationId() + ": group deleted " + result.deletedGroup()
                    + ", internal topics deleted " + result.deletedTopics() + ", local state deleted "
                    + result.deletedState() + ". Start the instances: they rebuild every figure from the topics.");
        }
    }

    /**
     * @param stateDir the instance's {@code state.dir} (its {@code <application id>} subdirectory is deleted), or
     *                 {@code null} to leave local state alone
     * @param waitForStopped how long to wait for the group to have no members: Kafka Streams does not leave its
     *                       group when it stops, so a stopped instance counts until its session times out (45 s)
     * @throws IllegalStateException while an instance of the application is still running
     */
    public static Result reset(Admin admin, String applicationId, Path stateDir, Duration waitForStopped)
            throws InterruptedException, ExecutionException {
        boolean groupExists = false;
        long deadline = System.nanoTime() + waitForStopped.toNanos();
        while (true) {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).all().get()
                        .get(applicationId);
                groupExists = true;
                if (group.members().isEmpty()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(applicationId + " still has " + group.members().size()
                            + " running member(s): stop every instance before resetting (a stopped instance stays a "
                            + "member until its session times out)");
                }
                Thread.sleep(1000);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
                break;
            }
        }
        List<String> internal = admin.listTopics().names().get().stream()
                .filter(topic -> topic.startsWith(applicationId + "-")
                        && (topic.endsWith("-changelog") || topic.endsWith("-repartition")))
                .sorted().toList();
        if (!internal.isEmpty()) {
            admin.deleteTopics(internal).all().get();
        }
        boolean deletedGroup = false;
        if (groupExists) {
            try {
                admin.deleteConsumerGroups(List.of(applicationId)).all().get();
                deletedGroup = true;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                    throw e;
                }
            }
        }
        boolean deletedState = stateDir != null && deleteRecursively(stateDir.resolve(applicationId));
        return new Result(applicationId, internal, deletedGroup, deletedState);
    }

    private static boolean deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
