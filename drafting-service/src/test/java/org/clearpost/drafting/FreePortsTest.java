package org.clearpost.drafting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.net.URI;
import org.clearpost.infra.PortsHeld;
import org.clearpost.testing.DefaultPortsHeld;
import org.clearpost.testing.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The tests run while {@code ./clearpost-local} does: {@link DefaultPortsHeld} (global, like every
 * {@code @QuarkusTestResource} here) takes the default ports before anything starts, for all of this module's tests.
 */
@QuarkusTest
@QuarkusTestResource(DefaultPortsHeld.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class FreePortsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String database;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String oidc;

    @Test
    void theServiceAndItsServersTakeFreePortsWhileTheDefaultsAreTaken() {
        for (int port : PortsHeld.DEFAULTS) {
            assertThat(PortsHeld.isFree(port)).as("port %d", port).isFalse();
        }
        assertThat(RestAssured.port).isNotIn(PortsHeld.DEFAULTS);
        assertThat(URI.create(kafka.contains("://") ? kafka : "kafka://" + kafka).getPort())
                .isNotIn(PortsHeld.DEFAULTS);
        assertThat(URI.create(database.substring("jdbc:".length())).getPort()).isNotIn(PortsHeld.DEFAULTS);
        assertThat(URI.create(oidc).getPort()).isNotIn(PortsHeld.DEFAULTS);

        given().get("/q/health/ready").then().statusCode(200);
        given().auth().oauth2(PostMother.drafterToken()).get("/posts").then().statusCode(200);
    }
}
