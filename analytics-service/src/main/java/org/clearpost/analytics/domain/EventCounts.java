package org.clearpost.analytics.domain;

import java.util.Map;

/**
 * Totals of events seen on the Clearpost topics: per CloudEvents type, and per network and type. An event about a
 * post going to several networks counts once per network.
 */
public record EventCounts(long total, Map<String, Long> byType, Map<String, Map<String, Long>> byNetwork) {
}
