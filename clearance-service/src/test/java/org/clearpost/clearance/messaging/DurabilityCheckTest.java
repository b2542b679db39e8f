package org.clearpost.clearance.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.clearpost.support.reliability.DurabilityCheck;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** The start-up check reads what the database really does. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "clearance"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class DurabilityCheckTest {

    @Inject
    DurabilityCheck check;

    @Test
    void theTestDatabaseCommitsDurably() {
        assertThat(check.check()).isTrue();
    }
}
