package org.clearpost.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures and the violations of one scenario. {@link #finish()} prints them (and appends them to
 * {@code target/fault-figures.md}) before it fails on any violation, so that a failing run still reports its counts.
 */
final class Scenario {

    static final Path FIGURES_FILE = Path.of("target", "fault-figures.md");
    private static final int SHOWN_PER_VIOLATION = 5;

    private final String title;
    private final long startedAt = System.nanoTime();
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final Map<String, List<String>> violations = new LinkedHashMap<>();

    Scenario(String title) {
        this.title = title;
        System.out.println();
        System.out.println("=== " + title);
    }

    void figure(String name, Object value) {
        figures.put(name, String.valueOf(value));
        System.out.printf("    %s: %s%n", name, value);
    }

    /** Seconds since {@code startNanos}, to one decimal. */
    static String seconds(long startNanos, long endNanos) {
        return "%.1f s".formatted((endNanos - startNanos) / 1e9);
    }

    /** One instance of a kind of violation (loss, duplicate, dead letter...); the kind is counted and sampled. */
    void violation(String kind, String instance) {
        violations.computeIfAbsent(kind, k -> new ArrayList<>()).add(instance);
    }

    int violationCount(String kind) {
        return violations.getOrDefault(kind, List.of()).size();
    }

    void finish() {
        figure("duration", seconds(startedAt, System.nanoTime()));
        StringBuilder out = new StringBuilder();
        out.append("\n### ").append(title).append("\n\n| figure | value |\n|---|---|\n");
        figures.forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        violations.forEach((kind, instances) -> out.append("| **VIOLATION** ").append(kind).append(" | ")
                .append(instances.size()).append(" |\n"));
        System.out.println(violations.isEmpty() ? "    no violations" : "    VIOLATIONS:");
        StringBuilder failure = new StringBuilder();
        violations.forEach((kind, instances) -> {
            String line = "      %s: %d, e.g. %s".formatted(kind, instances.size(),
                    instances.subList(0, Math.min(SHOWN_PER_VIOLATION, instances.size())));
            System.out.println(line);
            failure.append(System.lineSeparator()).append(line);
        });
        try {
            Files.createDirectories(FIGURES_FILE.toAbsolutePath().getParent());
            Files.writeString(FIGURES_FILE, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(title + ":" + failure);
        }
    }
}
