package org.clearpost.analytics.stream;

import java.util.HashMap;
import java.util.Map;
import org.clearpost.infra.FreePort;
import org.clearpost.testing.RealInfrastructure;

/**
 * The real broker and database, with analytics logged in to Kafka as the broker's super user, its stand-in figure
 * part on, a fixed HTTP port (so {@code application.server} names a port other replicas can reach) and a generation
 * of its own. The super user because the contract's ACLs for Kafka Streams' internal topics, transactional ids and
 * generation groups are being added on another branch (KafkaAccess); once they are in, drop the login override.
 */
public class SuperUserInfrastructure extends RealInfrastructure {

    /** This test's generation of analytics: a consumer group and internal topics of its own on the shared broker. */
    public static final int GENERATION = 5;
    public static final int HTTP_PORT = FreePort.pick();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        // Only Kafka Streams' login: RealInfrastructure (unrestricted on other test classes of this module) sets
        // clearpost.kafka.username too, and which of two resources wins a key is not defined
        config.put("quarkus.kafka-streams.sasl.jaas-config",
                RealInfrastructure.kafkaSuperUserConfig().get("sasl.jaas.config"));
        config.put("clearpost-test.analytics-part", "true");
        config.put("clearpost.analytics.generation", Integer.toString(GENERATION));
        config.put("clearpost.analytics.state-dir", "target/kafka-streams-state-" + HTTP_PORT);
        config.put("quarkus.http.test-port", Integer.toString(HTTP_PORT));
        return config;
    }

}
