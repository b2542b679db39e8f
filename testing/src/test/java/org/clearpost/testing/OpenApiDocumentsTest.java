package org.clearpost.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenApiDocumentsTest {

    @Test
    void everyOperationIsListedWithItsId() {
        String json = """
                {"openapi": "3.1.0", "paths": {
                  "/posts": {"get": {"operationId": "PostResource_list"},
                             "post": {"operationId": "PostResource_create"}, "parameters": []},
                  "/campaigns": {"post": {"operationId": "CampaignResource_create"}}}}""";

        assertThat(OpenApiDocuments.uniqueOperationIds(json)).containsExactly(
                org.assertj.core.api.Assertions.entry("GET /posts", "PostResource_list"),
                org.assertj.core.api.Assertions.entry("POST /posts", "PostResource_create"),
                org.assertj.core.api.Assertions.entry("POST /campaigns", "CampaignResource_create"));
    }

    @Test
    void sharedAndMissingIdsAreNamed() {
        // What operationIdStrategy=METHOD gave drafting: create on posts and on campaigns.
        String json = """
                {"paths": {"/posts": {"post": {"operationId": "create"}, "get": {}},
                           "/campaigns": {"post": {"operationId": "create"}}}}""";

        assertThatThrownBy(() -> OpenApiDocuments.uniqueOperationIds(json)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("operations without an operationId: [GET /posts]")
                .hasMessageContaining("operationId create is used by [POST /posts, POST /campaigns]");
    }
}
