package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.local.Component;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Dana composes in the browser: a post for X and Facebook whose text is too long for X (the counter goes red and the
 * part X would not take is marked in X's preview, both from drafting's own assessment), fixed and submitted; once
 * Colin has cleared it, her post page shows both targets published with their links. And the same by keyboard alone.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class ComposeIT {

    private static final String X_ACCOUNT = "clearpost_compose";
    private static final String FACEBOOK_PAGE = "100200300499";
    private static final String X_PREVIEW = "preview-x-" + X_ACCOUNT;
    private static final String FACEBOOK_PREVIEW = "preview-facebook-" + FACEBOOK_PAGE;

    private static RunningPlatform platform;
    private static Journeys journeys;

    @BeforeAll
    static void connectAccounts(RunningPlatform running) {
        platform = running;
        journeys = new Journeys(running);
        journeys.connectXAccount(X_ACCOUNT, "e2e-compose-x-token");
        journeys.connectFacebookPage(FACEBOOK_PAGE, "e2e-compose-facebook-token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void danaSeesTheXCounterGoRedFixesTheTextAndHerClearedPostIsPublishedWithLinks() throws java.io.IOException {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder tooLong = new StringBuilder("Our guidance on subject access requests is updated (" + marker
                + "). ");
        while (tooLong.length() < 300) {
            tooLong.append("Read what it means for you and how to ask for your data. ");
        }
        try (Browser dana = platform.browser()) {
            dana.signIn("dana", "/posts/new");
            dana.waitFor(By.id("text")).sendKeys(tooLong.toString().strip());
            addAccount(dana, "X", X_ACCOUNT);
            addAccount(dana, "FACEBOOK", FACEBOOK_PAGE);

            // Checked on the server ("Check the preview", which works without JavaScript): X's counter is red and
            // the part X would not take is marked in X's preview; Facebook takes it all.
            WebElement counter = dana.waitFor(By.id(X_PREVIEW + "-counter"));
            assertThat(counter.getText()).contains("of 280 weighted characters").contains("too many");
            assertThat(counter.getAttribute("class")).contains("app-counter--over");
            assertThat(counter.getCssValue("color")).contains("212, 53, 28");
            WebElement marked = dana.find(By.cssSelector("#" + X_PREVIEW + " .app-preview__text mark.app-issue--error"));
            String markedText = marked.getText().replaceAll("\\s*\\(problem \\d+\\)", "").strip();
            assertThat(markedText).isNotEmpty();
            assertThat(tooLong.toString().strip()).endsWith(markedText);
            assertThat(dana.findAll(By.cssSelector("#" + FACEBOOK_PREVIEW + " mark.app-issue--error"))).isEmpty();
            assertThat(dana.find(By.id(FACEBOOK_PREVIEW + "-counter")).getAttribute("class"))
                    .doesNotContain("app-counter--over");

            // Submitted as it is, drafting refuses it: the error summary names the problem and links to the text.
            dana.find(By.id("submit")).click();
            WebElement summary = dana.waitFor(By.cssSelector(".govuk-error-summary"));
            assertThat(summary.getText()).contains("Too long for X");
            assertThat(dana.find(By.id("text-error")).getText()).contains("Too long for X");
            assertThat(dana.find(By.id("text")).getAttribute("value")).isEqualTo(tooLong.toString().strip());
            dana.axe("compose");
            dana.screenshots("compose");

            // She shortens it; the live preview follows as she types (compose.js), and the counter is no longer red.
            String fixed = "Our guidance on subject access requests is updated (" + marker + "): ico.org.uk/sar";
            WebElement text = dana.find(By.id("text"));
            text.clear();
            text.sendKeys(fixed);
            new WebDriverWait(dana.driver(), Browser.PATIENCE).until(d -> {
                List<WebElement> found = d.findElements(By.id(X_PREVIEW + "-counter"));
                return !found.isEmpty() && !found.get(0).getText().contains("too many")
                        && found.get(0).getText().contains("of 280");
            });
            assertThat(dana.findAll(By.cssSelector("#" + X_PREVIEW + " mark.app-issue--error"))).isEmpty();
            assertThat(dana.find(By.id(X_PREVIEW)).getText()).contains("utm_source=x");

            // A picture with its alt text: the upload goes to drafting streamed from the stored file, the previews
            // show it, and its content comes back through the gateway as the same bytes.
            java.nio.file.Path picture = java.nio.file.Files.createTempFile("chart", ".png");
            java.nio.file.Files.write(picture, Media.png());
            dana.find(By.id("mediaFile")).sendKeys(picture.toString());
            dana.find(By.id("mediaAltText")).sendKeys("Bar chart: requests answered on time");
            dana.find(By.id("upload")).click();
            assertThat(dana.waitFor(By.id("media-list")).getText()).contains("Bar chart: requests answered on time");
            WebElement image = dana.waitFor(By.cssSelector("#" + X_PREVIEW + " .app-preview__media img"));
            assertThat(image.getAttribute("alt")).isEqualTo("Bar chart: requests answered on time");
            Object fetched = ((org.openqa.selenium.JavascriptExecutor) dana.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.arrayBuffer()"
                            + ".then(b => done([r.status, r.headers.get('Content-Type'), b.byteLength])));",
                    image.getAttribute("src"));
            assertThat((List<Object>) fetched).containsExactly(200L, "image/png", (long) Media.png().length);

            dana.find(By.id("submit")).click();
            new WebDriverWait(dana.driver(), Browser.PATIENCE).until(d -> d.getCurrentUrl().contains("submitted=true"));
            UUID postId = UUID.fromString(dana.url().replaceAll(".*/posts/([0-9a-f-]{36}).*", "$1"));
            assertThat(dana.find(By.id("post-status")).getText()).isEqualTo("In clearance");

            // It reached clearance; Colin approves it there.
            String caseId = journeys.awaitCase(postId);
            platform.as("colin", Component.CLEARANCE).body(Map.of("comment", "Clear and factual"))
                    .post("/clearances/{id}/approve", caseId).then().statusCode(200).body("status", equalTo("CLEARED"));

            await().atMost(Journeys.PATIENCE).until(() -> {
                dana.go("/posts/" + postId);
                return dana.findAll(By.cssSelector(".app-target-link")).size() == 2;
            });
            assertThat(dana.findAll(By.cssSelector("#targets .app-target-status"))).extracting(WebElement::getText)
                    .containsExactly("Published", "Published");
            assertThat(dana.find(By.cssSelector("#targets tr[data-network=X] a")).getAttribute("href"))
                    .startsWith("https://x.com/" + X_ACCOUNT + "/status/");
            assertThat(dana.find(By.cssSelector("#targets tr[data-network=FACEBOOK] a")).getAttribute("href"))
                    .startsWith("https://www.facebook.com/" + FACEBOOK_PAGE + "_");
            dana.axe("post");
            dana.screenshots("post");

            dana.go("/posts?text=" + marker);
            assertThat(dana.waitFor(By.id("posts")).getText()).contains(marker).contains("Published");
            assertThat(dana.find(By.id("showing")).getText()).isEqualTo("Showing 1 to 1 of 1 post");
            dana.go("/posts");
            dana.waitFor(By.id("posts"));
            dana.axe("posts");
            dana.screenshots("posts");
        }
    }

    @Test
    void aPostIsComposedAndSubmittedByKeyboardAlone() {
        String text = "Keyboard only: our subject access guidance is updated " + UUID.randomUUID();
        try (Browser dana = platform.browser()) {
            dana.signIn("dana", "/posts/new");
            dana.waitFor(By.id("text"));
            tabTo(dana, "text");
            keys(dana, text);
            tabTo(dana, "another-account-summary");
            if (dana.find(By.id("another-account")).getAttribute("open") == null) {
                keys(dana, Keys.ENTER); // opens "Another account"
            }
            tabTo(dana, "otherNetwork");
            keys(dana, "X");
            tabTo(dana, "otherAccount");
            keys(dana, X_ACCOUNT);
            tabTo(dana, "submit");
            keys(dana, Keys.ENTER);
            new WebDriverWait(dana.driver(), Browser.PATIENCE).until(d -> d.getCurrentUrl().contains("submitted=true"));
            assertThat(dana.find(By.id("post-status")).getText()).isEqualTo("In clearance");
            UUID postId = UUID.fromString(dana.url().replaceAll(".*/posts/([0-9a-f-]{36}).*", "$1"));
            assertThat(journeys.post(postId).getString("text")).isEqualTo(text);
            assertThat(journeys.post(postId).getList("targets.account")).containsExactly(X_ACCOUNT);
        }
    }

    /** Picks an account not listed yet by network and handle, as "Another account" offers, and checks the preview. */
    private static void addAccount(Browser browser, String network, String account) {
        WebElement details = browser.find(By.id("another-account"));
        if (details.getAttribute("open") == null) {
            browser.find(By.cssSelector("#another-account summary")).click();
        }
        new Select(browser.find(By.id("otherNetwork"))).selectByValue(network);
        browser.find(By.id("otherAccount")).sendKeys(account);
        browser.find(By.id("check")).click();
        browser.waitFor(By.id("preview-" + network.toLowerCase(java.util.Locale.ROOT) + "-" + account));
    }

    /** Presses Tab until the element with this id has the focus (at most 150 times). */
    private static void tabTo(Browser browser, String id) {
        for (int i = 0; i < 150; i++) {
            if (id.equals(browser.script("return document.activeElement && document.activeElement.id"))) {
                return;
            }
            keys(browser, Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id + " on " + browser.url());
    }

    private static void keys(Browser browser, CharSequence keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }
}
