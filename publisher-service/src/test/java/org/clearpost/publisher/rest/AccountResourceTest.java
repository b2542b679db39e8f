package org.clearpost.publisher.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.clearpost.publisher.ClearedPosts;
import org.clearpost.publisher.FakeNetworkResource;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "publisher"))
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeNetworkResource.class)
class AccountResourceTest {

    static final String ADMIN = TestTokens.forUser("ash", "admin");
    static final String DRAFTER = TestTokens.forUser("dana", "drafter");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void connectingNeedsAToken() {
        given().contentType(ContentType.JSON).body("{\"accessToken\":\"abc\"}")
                .when().put("/accounts/x/{account}/token", ClearedPosts.newAccount())
                .then().statusCode(401);
        given().when().get("/accounts").then().statusCode(401);
        given().when().delete("/accounts/x/someone").then().statusCode(401);
    }

    @Test
    void onlyAnAdminConnectsListsAndDisconnects() {
        given().auth().oauth2(DRAFTER).contentType(ContentType.JSON).body("{\"accessToken\":\"abc\"}")
                .when().put("/accounts/x/{account}/token", ClearedPosts.newAccount())
                .then().statusCode(403);
        given().auth().oauth2(DRAFTER).when().get("/accounts").then().statusCode(403);
        given().auth().oauth2(DRAFTER).when().delete("/accounts/x/someone").then().statusCode(403);
    }

    @Test
    void aBlankTokenIsABadRequestNamingTheField() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"accessToken\":\"  \"}")
                .when().put("/accounts/x/{account}/token", ClearedPosts.newAccount())
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("accessToken"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{}")
                .when().put("/accounts/x/{account}/token", ClearedPosts.newAccount())
                .then().statusCode(400).body("violations.field", hasItem("accessToken"));
    }

    @Test
    void anUnknownNetworkOrAMalformedAccountIsABadRequest() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"accessToken\":\"abc\"}")
                .when().put("/accounts/myspace/someone/token")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("network"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"accessToken\":\"abc\"}")
                .when().put("/accounts/x/{account}/token", "two words")
                .then().statusCode(400).body("violations[0].field", equalTo("account"));
    }

    @Test
    void anAdminConnectsAnAccountWhoseTokenIsStoredEncryptedAndNeverShown() throws Exception {
        String account = ClearedPosts.newAccount();
        String token = ClearedPosts.newToken();

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"accessToken\":\"" + token + "\"}")
                .when().put("/accounts/X/{account}/token", account)
                .then().statusCode(200)
                .body("network", equalTo("X"))
                .body("account", equalTo(account))
                .body("connectedBy", equalTo("ash"))
                .body(not(containsString(token)));

        given().auth().oauth2(ADMIN).when().get("/accounts")
                .then().statusCode(200)
                .body("account", hasItem(account))
                .body(not(containsString(token)))
                .body(not(containsString("accessToken")));

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT token_iv, token_ciphertext "
                        + "FROM connected_account WHERE network = 'X' AND account = ?")) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBytes("token_iv")).hasSize(12);
                byte[] stored = row.getBytes("token_ciphertext");
                assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(token);
                assertThat(stored).isNotEqualTo(token.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void anAdminReplacesATokenAndDisconnectsAnAccount() {
        String account = ClearedPosts.newAccount();
        for (String token : new String[] { ClearedPosts.newToken(), ClearedPosts.newToken() }) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"accessToken\":\"" + token + "\"}")
                    .when().put("/accounts/facebook/{account}/token", account)
                    .then().statusCode(200);
        }

        given().auth().oauth2(ADMIN).when().delete("/accounts/facebook/{account}", account)
                .then().statusCode(204);
        given().auth().oauth2(ADMIN).when().delete("/accounts/facebook/{account}", account)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).when().get("/accounts")
                .then().statusCode(200).body("account", not(hasItem(account)));
    }
}
