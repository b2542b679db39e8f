package org.clearpost.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.clearpost.testing.OpenApiDocuments;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** The OpenAPI document a client generator reads: one operationId per operation, named by class and method. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = RealInfrastructure.DATABASE_ARG, value = "monitoring"))
@WithTestResource(OidcWiremockTestResource.class)
class OpenApiTest {

    @Test
    void everyOperationHasAnOperationIdOfItsOwn() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();

        assertThat(OpenApiDocuments.uniqueOperationIds(document))
                .containsValues("InboxResource_list", "InboxResource_get", "InboxResource_claim", "InboxResource_release",
                        "InboxResource_bulk", "SavedReplyResource_create", "FacebookWebhookResource_verify",
                        "FacebookWebhookResource_receive");
    }
}
