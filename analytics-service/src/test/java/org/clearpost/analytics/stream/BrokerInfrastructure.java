package org.clearpost.analytics.stream;

import java.util.HashMap;
import java.util.Map;
import org.clearpost.infra.FreePort;
import org.clearpost.testing.RealInfrastructure;

/**
 * The real broker and database, analytics logged in to Kafka as itself (the contract's grants for Kafka Streams:
 * prefixed internal topics, groups and transactional ids), a fixed HTTP port (so
 * {@code application.server} names a port other replicas can reach) and a generation of its own.
 */
public class BrokerInfrastructure extends RealInfrastructure {

    /** This test's generation of analytics: a consumer group and internal topics of its own on the shared broker. */
    public static final int GENERATION = 5;
    public static final int HTTP_PORT = FreePort.pick();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("clearpost.analytics.generation", Integer.toString(GENERATION));
        config.put("clearpost.analytics.state-dir", "target/kafka-streams-state-" + HTTP_PORT);
        config.put("quarkus.http.test-port", Integer.toString(HTTP_PORT));
        return config;
    }

}
