package org.clearpost.monitoring.query;

import java.util.List;
import java.util.Map;

/**
 * A tracked query in a network's own filter syntax, for networks that filter server-side. The network's filter may
 * be broader than the query (the warnings say where); it is never meant to be narrower, and every mention it lets
 * through is matched again by the local matcher, which decides.
 *
 * @param status     whether there is a filter to install
 * @param value      X: the stream rule; Bluesky: the {@code q} parameter; null unless {@code TRANSLATED}
 * @param parameters further request parameters (Bluesky: {@code author}, {@code lang}, {@code tag},
 *                   {@code mentions}); empty for X
 * @param warnings   where the filter is broader than the query, or otherwise differs
 * @param reason     why there is no filter, unless {@code TRANSLATED}
 */
public record Translation(Status status, String value, Map<String, List<String>> parameters, List<String> warnings,
        String reason) {

    public enum Status {
        /** {@code value} (and {@code parameters}) is the network's filter. */
        TRANSLATED,
        /** The query can never match a mention on this network ({@code network:} excludes it, or a handle cannot exist there). */
        NOT_ON_NETWORK,
        /** The network's syntax cannot express the query, not even more broadly; see {@code reason}. */
        NOT_TRANSLATABLE
    }

    public Translation {
        parameters = parameters == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        warnings = List.copyOf(warnings);
    }

    static Translation translated(String value, Map<String, List<String>> parameters, List<String> warnings) {
        return new Translation(Status.TRANSLATED, value, parameters, warnings, null);
    }

    static Translation notOnNetwork(String reason, List<String> warnings) {
        return new Translation(Status.NOT_ON_NETWORK, null, Map.of(), warnings, reason);
    }

    static Translation notTranslatable(String reason, List<String> warnings) {
        return new Translation(Status.NOT_TRANSLATABLE, null, Map.of(), warnings, reason);
    }
}
