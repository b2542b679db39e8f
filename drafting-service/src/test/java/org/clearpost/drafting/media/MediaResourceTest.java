package org.clearpost.drafting.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.drafting.PostMother;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.testing.RealInfrastructure;
import org.clearpost.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "drafting"))
@QuarkusTestResource(OidcWiremockTestResource.class)
class MediaResourceTest {

    @Inject
    MediaLibrary library;

    @Test
    void anUploadIsTypedByItsBytesAndKeepsTheirChecksum() throws Exception {
        byte[] png = MediaMother.png(3, 2);

        // The name and the part's Content-Type both claim a video; the bytes are a PNG.
        JsonPath media = upload("holiday.mp4", png, "video/mp4", Map.of("altText", "A blue square"))
                .statusCode(201).contentType(ContentType.JSON).extract().jsonPath();

        assertThat(media.getString("kind")).isEqualTo("IMAGE");
        assertThat(media.getString("contentType")).isEqualTo("image/png");
        assertThat(media.getLong("sizeBytes")).isEqualTo(png.length);
        assertThat(media.getString("sha256")).isEqualTo(sha256(png));
        assertThat(media.getInt("width")).isEqualTo(3);
        assertThat(media.getInt("height")).isEqualTo(2);
        assertThat(media.getString("altText")).isEqualTo("A blue square");
        assertThat(media.getString("uploadedBy")).isEqualTo(PostMother.DRAFTER);
        assertThat(media.getString("url")).isEqualTo("https://drafting.test.example/media/" + media.getString("id")
                + "/content");
    }

    @Test
    void theContentIsServedWithoutATokenWithTheDetectedType() {
        byte[] mp3 = MediaMother.mp3WithId3Tag();
        String id = upload("voice-note.png", mp3, "image/png", Map.of()).statusCode(201).extract().path("id");

        byte[] served = given().get("/media/{id}/content", id).then().statusCode(200)
                .contentType("audio/mpeg")
                .header("X-Content-Type-Options", "nosniff")
                .extract().asByteArray();

        assertThat(served).isEqualTo(mp3);
    }

    @Test
    void altTextAndCaptionCanBeSetLater() {
        String id = upload("a.jpg", MediaMother.jpeg(8, 8), "image/jpeg", Map.of("caption", "First"))
                .statusCode(201).extract().path("id");

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(Map.of("altText", "Our office at night"))
                .patch("/media/{id}", id).then().statusCode(200)
                .body("altText", equalTo("Our office at night"))
                .body("caption", equalTo("First"));

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(Map.of("caption", ""))
                .patch("/media/{id}", id).then().statusCode(200)
                .body("caption", nullValue());
        given().auth().oauth2(PostMother.drafterToken()).get("/media/{id}", id).then().statusCode(200)
                .body("altText", equalTo("Our office at night"))
                .body("caption", nullValue());
    }

    @Test
    void tooLongAltTextIsRefused() {
        String id = upload("a.gif", MediaMother.gif(2, 2), "image/gif", Map.of()).statusCode(201).extract().path("id");

        given().auth().oauth2(PostMother.drafterToken()).contentType(ContentType.JSON)
                .body(Map.of("altText", "x".repeat(2001)))
                .patch("/media/{id}", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("altText"));
    }

    @Test
    void aCaptionUpToTheDocumentedFiveThousandCharactersIsTakenInAForm() {
        // Vert.x's default form attribute limit (2048 bytes) made a 3,000-character caption a 413.
        String caption = "x".repeat(5000);
        upload("long.png", MediaMother.png(2, 2), "image/png", Map.of("caption", caption))
                .statusCode(201).body("caption", equalTo(caption));
        upload("longer.png", MediaMother.png(2, 2), "image/png", Map.of("caption", "x".repeat(5001)))
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("caption"));
        upload("nul.png", MediaMother.png(2, 2), "image/png", Map.of("altText", "a\u0000b"))
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("altText"));
    }

    @Test
    void anAnonymousUploadIsUnauthorizedWhateverItSends() {
        given().contentType(ContentType.JSON).body("{}").post("/media").then()
                .statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().contentType(ContentType.TEXT).body("hello").post("/media").then()
                .statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aFileOverItsKindsLimitIsTooLarge() {
        // Tests allow images up to 100000 bytes.
        upload("big.png", MediaMother.pngOfSize(100_001), "image/png", Map.of())
                .statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("100000"));
        upload("fits.png", MediaMother.pngOfSize(100_000), "image/png", Map.of()).statusCode(201);
    }

    @Test
    void aFileOfAnUnknownTypeIsRefusedWhateverItsName() {
        upload("report.jpg", MediaMother.pdf(), "image/jpeg", Map.of())
                .statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415)).body("violations[0].field", equalTo("file"));
    }

    @Test
    void anEmptyFileOrNoFileIsABadRequest() {
        upload("empty.png", new byte[0], "image/png", Map.of()).statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("file"));
        given().auth().oauth2(PostMother.drafterToken()).multiPart("altText", "no file")
                .post("/media").then().statusCode(400).body("violations[0].field", equalTo("file"));
    }

    @Test
    void onlyDraftersUpload() {
        given().auth().oauth2(TestTokens.forUser("colin", "clearer"))
                .multiPart("file", "a.png", MediaMother.png(1, 1), "image/png")
                .post("/media").then().statusCode(403);
    }

    @Test
    void anUnknownIdIsNotFound() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(PostMother.drafterToken()).get("/media/{id}", unknown).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/media/{id}/content", unknown).then().statusCode(404);
    }

    @Test
    void theLibraryDescribesMediaForEventsInTheOrderAsked() {
        String image = upload("a.webp", MediaMother.webp(), "image/webp", Map.of("altText", "Logo"))
                .statusCode(201).extract().path("id");
        String video = upload("clip.mov", MediaMother.mov(), "video/quicktime", Map.of())
                .statusCode(201).extract().path("id");

        List<MediaItem> items = library.describe(List.of(UUID.fromString(video), UUID.fromString(image)));

        assertThat(items).extracting(MediaItem::kind).containsExactly(MediaKind.VIDEO, MediaKind.IMAGE);
        assertThat(items.get(0).contentType()).isEqualTo("video/quicktime");
        assertThat(items.get(1).altText()).isEqualTo("Logo");
        assertThat(items.get(1).sha256()).isEqualTo(sha256(MediaMother.webp()));
        assertThat(items.get(1).url()).isEqualTo("https://drafting.test.example/media/" + image + "/content");
    }

    @Test
    void theLibraryNamesUnknownIds() {
        String known = upload("a.wav", MediaMother.wav(), "audio/wav", Map.of()).statusCode(201).extract().path("id");
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> library.describe(List.of(UUID.fromString(known), unknown)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(unknown.toString()).doesNotContain(known);
                    assertThat(e.problem().violations()).extracting(v -> v.field()).containsExactly("media[1]");
                });
    }

    private static io.restassured.response.ValidatableResponse upload(String name, byte[] bytes, String claimedType,
            Map<String, String> fields) {
        var request = given().auth().oauth2(PostMother.drafterToken()).multiPart("file", name, bytes, claimedType);
        fields.forEach(request::multiPart);
        return request.post("/media").then();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
