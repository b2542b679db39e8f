package org.clearpost.support.reliability;

import io.quarkus.arc.Unremovable;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Makes every Kafka consumer of the service a static member of its group ({@code group.instance.id}), so that a
 * consumer restarted after a crash takes its partitions back at once, instead of the group waiting for the dead
 * member's session to time out (45 s by default) before handing them to anyone.
 *
 * <p>The id is {@code <instance-id>-<channel>}: a service's channels share one group id, and each must be its own
 * member. {@code clearpost.kafka.instance-id} names this process; by default it is
 * {@code <application name>-<host name>}, which on Kubernetes is the pod's name ({@code HOSTNAME}), stable across
 * container restarts. Two live processes with the same id fence each other (the broker keeps the newer one and the
 * older one's consumers fail), so every replica must get its own: the local launcher passes one per process.
 */
@ApplicationScoped
@Unremovable
public class StaticGroupMembership implements ClientCustomizer<Map<String, Object>> {

    private static final Logger LOG = Logger.getLogger(StaticGroupMembership.class);
    static final String INSTANCE_ID = "clearpost.kafka.instance-id";
    private static final String GROUP_ID = "group.id";
    private static final String GROUP_INSTANCE_ID = "group.instance.id";
    private static final String VALUE_DESERIALIZER = "value.deserializer";

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> clientConfig) {
        // Producers (the dead-letter topic's, say) are not group members; a channel may set its own instance id.
        if (!clientConfig.containsKey(VALUE_DESERIALIZER) || !clientConfig.containsKey(GROUP_ID)
                || clientConfig.containsKey(GROUP_INSTANCE_ID)) {
            return clientConfig;
        }
        Map<String, Object> customized = new HashMap<>(clientConfig);
        String id = memberId(instanceId(ConfigProvider.getConfig()), channel);
        customized.put(GROUP_INSTANCE_ID, id);
        LOG.debugf("Channel %s joins group %s as static member %s", channel, clientConfig.get(GROUP_ID), id);
        return customized;
    }

    /**
     * The static member id of a consumer the service makes itself (a plain KafkaConsumer, not a channel), named
     * {@code member}: {@code <instance-id>-<member>}, like a channel's.
     */
    public static String memberId(String member) {
        return memberId(instanceId(ConfigProvider.getConfig()), member);
    }

    static String memberId(String instanceId, String channel) {
        return instanceId + "-" + channel;
    }

    static String instanceId(Config config) {
        Optional<String> configured = config.getOptionalValue(INSTANCE_ID, String.class).filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            return configured.get();
        }
        String application = config.getOptionalValue("quarkus.application.name", String.class).orElse("clearpost");
        return application + "-" + hostName();
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
