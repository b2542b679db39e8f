package org.clearpost.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The benchmark's knobs, from system properties (the module's pom passes its {@code bench.*} properties on). */
record BenchSettings(Source source, Duration sustained, int connections, int batch, int rawRecords, int mentionBytes,
        int firehoseRate, List<String> firehoseNetworks, Duration patience, int maxMentions) {

    /** Where the mentions come from. */
    enum Source {
        /** Signed Facebook Page webhooks sent by the benchmark's own client: works with monitoring as it is today. */
        WEBHOOK,
        /** The network sandbox's firehose ({@code POST /sandbox/firehose/burst}), read by monitoring's intakes. */
        FIREHOSE
    }

    static BenchSettings fromSystemProperties() {
        String networks = System.getProperty("bench.firehose.networks", "");
        return new BenchSettings(
                Source.valueOf(System.getProperty("bench.source", "webhook").trim().toUpperCase(java.util.Locale.ROOT)),
                Duration.ofSeconds(Long.getLong("bench.seconds", 30)),
                Integer.getInteger("bench.connections", 16),
                Integer.getInteger("bench.batch", 100),
                Integer.getInteger("bench.raw.records", 200_000),
                Integer.getInteger("bench.mention.bytes", 600),
                Integer.getInteger("bench.firehose.rate", 20_000),
                networks.isBlank() ? List.of() : Arrays.stream(networks.split(",")).map(String::trim).toList(),
                Duration.ofSeconds(Long.getLong("bench.patience", 300)),
                Integer.getInteger("bench.max.mentions", 3_000_000));
    }

    BenchSettings {
        if (sustained.isNegative() || sustained.toSeconds() < 1 || sustained.toSeconds() > 600) {
            throw new IllegalArgumentException("bench.seconds must be 1-600");
        }
        if (connections < 1 || connections > 256 || batch < 1 || batch > 1000) {
            throw new IllegalArgumentException("bench.connections must be 1-256 and bench.batch 1-1000");
        }
    }
}
