package org.clearpost.analytics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.clearpost.testing.OpenApiDocuments;
import org.clearpost.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/** The OpenAPI document a client generator reads: one operationId per operation, named by class and method. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "analytics"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class OpenApiTest {

    @Test
    void everyOperationHasAnOperationIdOfItsOwn() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();

        assertThat(OpenApiDocuments.uniqueOperationIds(document))
                .containsValues("FiguresResource_list", "FiguresResource_rows", "FiguresResource_summary",
                        "FiguresResource_local");
    }
}
