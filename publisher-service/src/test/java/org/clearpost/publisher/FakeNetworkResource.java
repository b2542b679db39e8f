package org.clearpost.publisher;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link FakeNetwork}, points both connectors at it, and hands it to the test's FakeNetwork field. */
public class FakeNetworkResource implements QuarkusTestResourceLifecycleManager {

    private FakeNetwork network;

    @Override
    public Map<String, String> start() {
        network = FakeNetwork.start();
        return Map.of(
                "clearpost.networks.x.base-url", network.baseUrl(),
                "clearpost.networks.facebook.base-url", network.baseUrl() + FakeNetwork.GRAPH_PATH);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(network, new TestInjector.MatchesType(FakeNetwork.class));
    }

    @Override
    public void stop() {
        if (network != null) {
            network.close();
        }
    }
}
