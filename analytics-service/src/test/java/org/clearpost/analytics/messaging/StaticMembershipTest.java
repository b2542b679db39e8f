package org.clearpost.analytics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.clearpost.testing.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The service's consumer is a static member of its group, named after this process and its channel. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class StaticMembershipTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theConsumerJoinsWithAnInstanceIdPerProcessAndChannel() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !members(admin).isEmpty());
            List<Optional<String>> ids = members(admin).stream().map(MemberDescription::groupInstanceId).toList();
            assertThat(ids).hasSize(1);
            assertThat(ids.get(0)).hasValueSatisfying(id -> assertThat(id)
                    .startsWith("analytics-service-").endsWith("-" + Channels.ALL_EVENTS));
        }
    }

    private static List<MemberDescription> members(Admin admin) throws Exception {
        return List.copyOf(admin.describeConsumerGroups(List.of("analytics-service")).all().get()
                .get("analytics-service").members());
    }
}
