package org.clearpost.clearance.messaging;

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
import org.apache.kafka.clients.admin.MemberDescription;
import org.clearpost.clearance.Channels;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** Each of the service's consumers is a static member of its group, named after this process and its channel. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class StaticMembershipTest {

    private static final String GROUP = "clearance-service";

    @Test
    void eachChannelJoinsWithAnInstanceIdOfItsOwnNamingTheProcessAndTheChannel() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>copyOf(RealInfrastructure.kafkaSuperUserConfig()))) {
            // Both channels share the group id: each must be a member of its own, or they would fence each other.
            await().atMost(Duration.ofSeconds(30)).until(() -> members(admin).size() == 2);
            List<Optional<String>> ids = members(admin).stream().map(MemberDescription::groupInstanceId).toList();
            assertThat(ids).allSatisfy(id -> assertThat(id).hasValueSatisfying(
                    value -> assertThat(value).startsWith("clearance-service-")));
            assertThat(ids.stream().map(Optional::get).toList()).doesNotHaveDuplicates()
                    .anySatisfy(id -> assertThat(id).endsWith("-" + Channels.DRAFTED_POSTS))
                    .anySatisfy(id -> assertThat(id).endsWith("-" + Channels.PUBLICATIONS));
        }
    }

    private static List<MemberDescription> members(Admin admin) throws Exception {
        return List.copyOf(admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP).members());
    }
}
