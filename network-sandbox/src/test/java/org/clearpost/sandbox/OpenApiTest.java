package org.clearpost.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.clearpost.testing.OpenApiDocuments;
import org.junit.jupiter.api.Test;

/** The OpenAPI document a client generator reads: one operationId per operation, named by class and method. */
@QuarkusTest

class OpenApiTest {

    @Test
    void everyOperationHasAnOperationIdOfItsOwn() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();

        assertThat(OpenApiDocuments.uniqueOperationIds(document))
                .containsValues("SandboxResource_posts", "SandboxResource_reset", "XApiResource_createTweet");
    }
}
