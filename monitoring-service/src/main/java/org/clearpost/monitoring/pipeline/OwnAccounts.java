package org.clearpost.monitoring.pipeline;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;

/** The body's own accounts per network ({@link PipelineConfig#ownAccounts()}), and whether a mention names one. */
public final class OwnAccounts {

    private final Map<Network, Set<String>> accounts = new EnumMap<>(Network.class);

    public OwnAccounts(Map<String, String> configured) {
        configured.forEach((network, list) -> accounts.put(Network.valueOf(network.toUpperCase(Locale.ROOT)),
                Arrays.stream(list.split(",")).map(OwnAccounts::normal).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet())));
    }

    /**
     * The body's account {@code mention} replies to or mentions, if any: the normaliser's {@code account} when the
     * network has no list or the list holds it, else the first of its mentioned handles on the list.
     */
    public Optional<String> of(NormalisedMention mention) {
        Set<String> own = accounts.get(mention.network());
        if (mention.account() != null && (own == null || own.contains(normal(mention.account())))) {
            return Optional.of(mention.account());
        }
        if (own == null) {
            return Optional.empty();
        }
        return mention.mentionedHandles().stream().filter(handle -> own.contains(normal(handle))).findFirst();
    }

    private static String normal(String handle) {
        String trimmed = handle.strip();
        return (trimmed.startsWith("@") ? trimmed.substring(1) : trimmed).toLowerCase(Locale.ROOT);
    }
}
