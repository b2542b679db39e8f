package org.clearpost.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.clearpost.local.Component;
import org.clearpost.local.LocalPlatform;
import org.clearpost.local.LocalPlatformOptions;

/**
 * Issue 10's benchmark, in one go on this machine (README.md): the platform as {@code ./clearpost-local} starts it
 * (Kafka, PostgreSQL, Keycloak, the network sandbox and monitoring, on free ports, data in
 * {@code target/bench-data}), then
 * <ol>
 * <li>the raw producer rate of the platform's broker for records the size of a mention ({@link RawProducerRate});</li>
 * <li>sustained intake for {@code bench.seconds} as fast as it goes: mentions stored (monitoring's {@code mention}
 * rows) and announced ({@code MentionReceived} on {@code clearpost.monitoring.mentions}, read as the analyst),
 * counted until all are in; both rates, their ratio to the raw rate, delivery-to-inbox latency;</li>
 * <li>the same at half the rate reached, for the latency.</li>
 * </ol>
 * Everything goes to localhost and is bounded in count ({@code bench.max.mentions}) and time ({@code bench.seconds},
 * {@code bench.patience}). Figures are printed and written to {@code target/intake-figures.md}.
 */
public final class MentionIntakeBenchmark {

    private static final List<java.util.logging.Logger> QUIETED = new ArrayList<>();

    /** What one intake run measured. */
    record Intake(String label, double offeredPerSecond, long expected, long stored, long announced,
            long announcedRecords, double storedPerSecond, double announcedPerSecond, boolean complete,
            Percentiles receivedLatency, Percentiles visibleLatency, String latencyOrigin, long failedAttempts,
            long lostDeliveries) {
    }

    private MentionIntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        // The broker runs in this JVM and logs every partition move at INFO; the figures must stay readable.
        for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIETED.add(logger);
        }
        Path dataDir = Path.of("target", "bench-data").toAbsolutePath();
        LocalPlatformOptions options = LocalPlatformOptions.defaults().dataDir(dataDir).freePorts()
                .applications(EnumSet.of(Component.SANDBOX, Component.MONITORING));
        List<String> report = new ArrayList<>();
        boolean complete;
        try (LocalPlatform platform = LocalPlatform.start(options, line -> System.out.println("[platform] " + line));
                MonitoringDatabase database = new MonitoringDatabase(platform)) {
            System.out.println("[bench] raw producer rate ...");
            double raw = RawProducerRate.measure(platform, settings.rawRecords(), settings.mentionBytes());
            System.out.printf("[bench] raw producer: %,.0f records/s%n", raw);
            Intake full = intake(platform, database, settings, "sustained, as fast as it goes", 0);
            print(full);
            Intake half = intake(platform, database, settings, "half of the sustained rate",
                    Math.max(1, full.storedPerSecond() / 2));
            print(half);
            complete = full.complete() && half.complete();
            report.addAll(report(settings, raw, full, half));
        }
        System.out.println();
        report.forEach(System.out::println);
        Path figures = Path.of("target", "intake-figures.md");
        Files.createDirectories(figures.getParent());
        Files.write(figures, report);
        System.out.println();
        System.out.println("(written to " + figures.toAbsolutePath() + ")");
        // A run in which an accepted mention never arrived must not pass for a measurement.
        System.exit(complete || settings.source() == BenchSettings.Source.FIREHOSE ? 0 : 2);
    }

    private static Intake intake(LocalPlatform platform, MonitoringDatabase database, BenchSettings settings,
            String label, double perSecond) throws Exception {
        System.out.printf("[bench] %s: %s%s for %d s ...%n", settings.source(), label,
                perSecond > 0 ? " (%,.0f mentions/s)".formatted(perSecond) : "", settings.sustained().toSeconds());
        return settings.source() == BenchSettings.Source.WEBHOOK
                ? webhooks(platform, database, settings, label, perSecond)
                : firehose(platform, database, settings, label, perSecond);
    }

    private static Intake webhooks(LocalPlatform platform, MonitoringDatabase database, BenchSettings settings,
            String label, double perSecond) throws Exception {
        long before = database.mentions();
        String tag = "bench" + System.currentTimeMillis() + "n";
        WebhookSender sender = new WebhookSender(platform.url(Component.MONITORING), platform.facebookAppSecret(),
                settings.connections(), settings.batch(), settings.mentionBytes(), tag, settings.maxMentions());
        try (Announcements announcements = new Announcements(platform, sender.externalIdPrefix());
                VisibilitySampler sampler = new VisibilitySampler(database, sender.sample)) {
            long start = System.nanoTime();
            long accepted = sender.run(settings.sustained(), perSecond);
            double offered = accepted / ((System.nanoTime() - start) / 1e9);
            Arrival arrival = Arrival.await(database, before, announcements, accepted, start, settings.patience());
            sampler.finish(Duration.ofSeconds(10));
            return new Intake(label, offered, accepted, arrival.stored, arrival.announced, announcements.records(),
                    arrival.storedPerSecond(), arrival.announcedPerSecond(), arrival.complete(),
                    receivedLatency(database, sender), sampler.latencies(), "the benchmark's send",
                    sender.failedAttempts.get(), sender.lostDeliveries.get());
        }
    }

    /** received_at minus the moment the benchmark sent the delivery, for up to 50,000 mentions spread evenly. */
    private static Percentiles receivedLatency(MonitoringDatabase database, WebhookSender sender)
            throws SQLException {
        long[] sentAt = sender.sentAtMicros;
        int sent = 0;
        while (sent < sentAt.length && sentAt[sent] != 0) {
            sent++;
        }
        int step = Math.max(1, sent / 50_000);
        List<Double> millis = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int n = 0; n < sent; n += step) {
            chunk.add(sender.externalId(n));
            numbers.add(n);
            if (chunk.size() == 5_000 || n + step >= sent) {
                Map<String, Instant> received = database.receivedAt(chunk);
                for (int i = 0; i < chunk.size(); i++) {
                    Instant at = received.get(chunk.get(i));
                    if (at != null) {
                        long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
                        millis.add((micros - sentAt[numbers.get(i)]) / 1000.0);
                    }
                }
                chunk.clear();
                numbers.clear();
            }
        }
        return new Percentiles(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Intake firehose(LocalPlatform platform, MonitoringDatabase database, BenchSettings settings,
            String label, double perSecond) throws Exception {
        FirehoseDriver firehose = new FirehoseDriver(platform.url(Component.SANDBOX));
        firehose.reset();
        int rate = perSecond > 0 ? (int) Math.round(perSecond) : settings.firehoseRate();
        long before = database.mentions();
        Instant since = Instant.now();
        try (Announcements announcements = new Announcements(platform, null)) {
            long start = System.nanoTime();
            firehose.burst(settings.firehoseNetworks(), rate, settings.sustained());
            Thread.sleep(settings.sustained().toMillis() + 1_000);
            long made = firehose.made();
            Arrival arrival = Arrival.await(database, before, announcements, made, start, settings.patience());
            return new Intake(label, made / (settings.sustained().toMillis() / 1000.0), made, arrival.stored,
                    arrival.announced, announcements.records(), arrival.storedPerSecond(),
                    arrival.announcedPerSecond(), arrival.complete(),
                    new Percentiles(database.deliveryToInboxMillis(since)), new Percentiles(new double[0]),
                    database.latencyOrigin(), 0, 0);
        }
    }

    /** Waits until every mention is stored and announced, or nothing more arrives for 30 s, or the patience. */
    private record Arrival(long stored, long announced, double storedPerSecond, double announcedPerSecond,
            boolean complete) {

        static Arrival await(MonitoringDatabase database, long before, Announcements announcements, long expected,
                long start, Duration patience) throws SQLException, InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            long stored = 0;
            long announced = 0;
            long storedAt = 0;
            long announcedAt = 0;
            long lastChange = System.nanoTime();
            while (true) {
                long now = System.nanoTime();
                long storedNow = database.mentions() - before;
                long announcedNow = announcements.mentions();
                if (storedNow != stored || announcedNow != announced) {
                    lastChange = now;
                }
                if (storedNow > stored) {
                    storedAt = now;
                }
                if (announcedNow > announced) {
                    announcedAt = now;
                }
                stored = storedNow;
                announced = announcedNow;
                boolean all = stored >= expected && announced >= expected;
                if (all || now > deadline || now - lastChange > Duration.ofSeconds(30).toNanos()) {
                    return new Arrival(stored, announced, stored / seconds(start, storedAt),
                            announced / seconds(start, announcedAt), all);
                }
                Thread.sleep(100);
            }
        }

        private static double seconds(long from, long to) {
            return to <= from ? Double.NaN : (to - from) / 1e9;
        }
    }

    private static void print(Intake intake) {
        System.out.printf("[bench] %s: offered %,.0f/s; %,d expected, %,d stored (%,.0f/s), %,d announced (%,.0f/s, "
                + "%,d records)%s; latency to received_at %s; to visible in the inbox %s%n", intake.label(),
                intake.offeredPerSecond(), intake.expected(), intake.stored(), intake.storedPerSecond(),
                intake.announced(), intake.announcedPerSecond(), intake.announcedRecords(),
                intake.complete() ? "" : " INCOMPLETE", intake.receivedLatency(), intake.visibleLatency());
    }

    private static List<String> report(BenchSettings settings, double raw, Intake full, Intake half) {
        List<String> lines = new ArrayList<>();
        lines.add("## Mention intake benchmark, " + Instant.now());
        lines.add("");
        lines.add("source %s; %d s per run; %s; mentions of about %d bytes; %d cores, load average %.1f at the end"
                .formatted(settings.source().name().toLowerCase(java.util.Locale.ROOT), settings.sustained().toSeconds(),
                        settings.source() == BenchSettings.Source.WEBHOOK
                                ? "%d connections, %d mentions per signed delivery".formatted(settings.connections(),
                                        settings.batch())
                                : "firehose networks " + (settings.firehoseNetworks().isEmpty() ? "all"
                                        : settings.firehoseNetworks()),
                        settings.mentionBytes(), Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        lines.add("");
        lines.add("| figure | sustained (as fast as it goes) | half of that rate |");
        lines.add("|---|---|---|");
        lines.add("| raw Kafka producer, mention-sized records | %,.0f records/s | |".formatted(raw));
        lines.add("| offered (mentions sent and accepted / s) | %,.0f | %,.0f |".formatted(full.offeredPerSecond(),
                half.offeredPerSecond()));
        lines.add("| mentions expected / stored / announced | %,d / %,d / %,d%s | %,d / %,d / %,d%s |".formatted(
                full.expected(), full.stored(), full.announced(), full.complete() ? "" : " INCOMPLETE",
                half.expected(), half.stored(), half.announced(), half.complete() ? "" : " INCOMPLETE"));
        lines.add("| stored / s (all in) | %,.0f | %,.0f |".formatted(full.storedPerSecond(), half.storedPerSecond()));
        lines.add("| announced / s (all in) | %,.0f | %,.0f |".formatted(full.announcedPerSecond(),
                half.announcedPerSecond()));
        lines.add("| stored rate / raw producer rate | %.1f%% | |".formatted(100 * full.storedPerSecond() / raw));
        lines.add("| announced rate / raw producer rate | %.1f%% | |".formatted(100 * full.announcedPerSecond() / raw));
        lines.add("| latency, %s → received_at | %s | %s |".formatted(full.latencyOrigin(), full.receivedLatency(),
                half.receivedLatency()));
        lines.add("| latency, send → visible in the inbox (sampled, polled every 20 ms) | %s | %s |".formatted(
                full.visibleLatency(), half.visibleLatency()));
        lines.add("| deliveries retried / given up | %,d / %,d | %,d / %,d |".formatted(full.failedAttempts(),
                full.lostDeliveries(), half.failedAttempts(), half.lostDeliveries()));
        lines.add("");
        double rate = Math.min(full.storedPerSecond(), full.announcedPerSecond());
        lines.add("Targets: >= 20,000 mentions/s stored and announced: %s (%,.0f/s); >= 20%% of the raw producer rate: "
                .formatted(rate >= 20_000 ? "met" : "NOT met", rate)
                + "%s (%.1f%%); p99 < 500 ms at half load: %s (%.0f ms to received_at, %.0f ms to visible)".formatted(
                        rate >= 0.2 * raw ? "met" : "NOT met", 100 * rate / raw,
                        worst(half) < 500 ? "met" : "NOT met", half.receivedLatency().at(99),
                        half.visibleLatency().at(99)));
        return lines;
    }

    /** The worse of the two p99s at half load (the visible one only where it was sampled). */
    private static double worst(Intake half) {
        double received = half.receivedLatency().at(99);
        double visible = half.visibleLatency().count() == 0 ? received : half.visibleLatency().at(99);
        return Double.isNaN(received) ? Double.POSITIVE_INFINITY : Math.max(received, visible);
    }
}
