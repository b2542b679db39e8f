package org.clearpost.publisher.network;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.events.Network;

/** The connector of each network that has one. */
@ApplicationScoped
public class Connectors {

    private final Map<Network, NetworkConnector> byNetwork = new EnumMap<>(Network.class);

    public Connectors(@All List<NetworkConnector> connectors) {
        for (NetworkConnector connector : connectors) {
            if (byNetwork.put(connector.network(), connector) != null) {
                throw new IllegalStateException("Two connectors for " + connector.network());
            }
        }
    }

    public Optional<NetworkConnector> forNetwork(Network network) {
        return Optional.ofNullable(byNetwork.get(network));
    }
}
