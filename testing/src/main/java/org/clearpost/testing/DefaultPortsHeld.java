package org.clearpost.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.clearpost.infra.PortsHeld;

/**
 * Takes the default ports ({@link PortsHeld#DEFAULTS}: Keycloak 8180 and 9000, Kafka 9092, PostgreSQL 5432, the
 * services' and Quarkus's HTTP, HTTPS and management ports) before any other test resource starts, as a running
 * {@code ./clearpost-local} would: a service whose tests still pass under it takes free ports everywhere. Declared
 * on one {@code @QuarkusTest} with {@code @QuarkusTestResource}, it holds them for the whole module's run.
 */
public class DefaultPortsHeld implements QuarkusTestResourceLifecycleManager {

    private PortsHeld held;

    @Override
    public Map<String, String> start() {
        held = PortsHeld.hold(PortsHeld.DEFAULTS);
        return Map.of();
    }

    @Override
    public void stop() {
        if (held != null) {
            held.close();
        }
    }

    /** First of all resources, so the servers the others start already find the ports taken. */
    @Override
    public int order() {
        return Integer.MIN_VALUE;
    }
}
