package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.clearpost.local.Component;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The lead's screens in a real Chromium: lee declares a pre-election period, turns crisis mode on and off, and
 * presses the emergency stop (a reason, then a confirmation) until the publisher holds, then resumes; colin, a
 * clearer, is refused by clearance on the page. Each screen passes axe-core and is photographed.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class LeadIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private RunningPlatform platform;
    private String periodId;

    /** The other end-to-end tests share the platform: leave no crisis, no stop and no period behind. */
    @AfterEach
    void putEverythingBack() {
        if (platform == null) {
            return;
        }
        platform.as("ada", Component.CLEARANCE).body(Map.of("reason", "LeadIT done")).delete("/crisis-mode");
        platform.as("ada", Component.CLEARANCE).body(Map.of("reason", "LeadIT done")).delete("/publishing/suspension");
        if (periodId != null) {
            platform.as("ada", Component.CLEARANCE).body(Map.of("reason", "LeadIT done"))
                    .delete("/pre-election/periods/{id}", periodId);
        }
        await().atMost(PATIENCE).until(() -> !publisherHolds());
    }

    @Test
    void aLeadRunsPeriodsCrisisModeAndTheEmergencyStop(RunningPlatform running) {
        platform = running;
        try (Browser lee = running.browser()) {
            lee.signIn("lee", "/clearance/pre-election");
            addAPeriod(lee);
            crisisModeOnAndOff(lee);
            emergencyStopAndResume(lee);
        }
        try (Browser colin = running.browser()) {
            colin.signIn("colin", "/clearance/crisis");
            colin.find(By.id("reason")).sendKeys("A clearer trying a lead's control");
            colin.find(By.id("crisis-on-button")).click();
            colin.waitForText(By.className("govuk-error-summary"), "You cannot do that");
            assertThat(colin.find(By.className("govuk-error-summary")).getText())
                    .contains("Your roles do not allow this request");
            assertThat(colin.find(By.id("crisis-off")).isDisplayed()).isTrue();
        }
    }

    /** Far enough ahead that no other test's post falls in it. */
    private void addAPeriod(Browser lee) {
        String name = "LeadIT by-election " + UUID.randomUUID().toString().substring(0, 8);
        int year = LocalDate.now().getYear() + 9;
        lee.find(By.id("name")).sendKeys(name);
        lee.find(By.id("kind")).sendKeys("by-election");
        lee.find(By.id("scope")).sendKeys("Clearpost ward");
        type(lee, "startsAt", "4", "5", String.valueOf(year));
        type(lee, "endsAt", "10", "5", String.valueOf(year));
        lee.find(By.id("add-period")).click();

        String row = lee.waitForText(By.id("periods-table"), name).findElement(
                By.xpath(".//tr[contains(., '" + name + "')]")).getText();
        assertThat(row).contains("4 May " + year + ", 00:00").contains("11 May " + year + ", 00:00")
                .contains("Upcoming");
        periodId = lee.find(By.xpath("//tr[contains(., '" + name + "')]")).getAttribute("data-period");
        lee.axe("pre-election");
        lee.screenshots("pre-election");
    }

    private void crisisModeOnAndOff(Browser lee) {
        lee.go("/clearance/crisis");
        lee.waitFor(By.id("crisis-off"));
        lee.find(By.id("reason")).sendKeys("Major incident in the ward");
        lee.find(By.id("crisis-on-button")).click();
        String on = lee.waitForText(By.id("crisis-state"), "Crisis mode is on").getText();
        assertThat(on).contains("turned on by lee").contains("Major incident in the ward");
        lee.axe("crisis");
        lee.screenshots("crisis");

        lee.find(By.id("reason")).sendKeys("Incident over");
        lee.find(By.id("crisis-off-button")).click();
        lee.waitFor(By.id("crisis-off"));
        assertThat(lee.find(By.id("crisis-history")).getText()).contains("Incident over");
    }

    private void emergencyStopAndResume(Browser lee) {
        lee.go("/clearance/emergency-stop");
        lee.waitFor(By.id("publishing-running"));
        lee.find(By.id("stop-button")).click();
        String summary = lee.waitForText(By.className("govuk-error-summary"), "There is a problem").getText();
        assertThat(summary).contains("Enter why you are stopping all publishing");
        assertThat(lee.find(By.cssSelector(".govuk-error-summary a")).getAttribute("href")).endsWith("#reason");
        assertThat(lee.find(By.id("reason-error")).getText()).contains("Enter why");
        lee.axe("emergency-stop error");

        lee.find(By.id("reason")).sendKeys("Account compromised");
        lee.find(By.id("stop-button")).click();
        assertThat(lee.waitFor(By.id("confirm-reason")).getText()).isEqualTo("Account compromised");
        lee.find(By.id("confirm-stop-button")).click();
        String stopped = lee.waitForText(By.id("stop-state"), "Publishing is stopped").getText();
        assertThat(stopped).contains("by lee").contains("Account compromised");
        await().atMost(PATIENCE).until(LeadIT.this::publisherHolds);
        lee.go("/clearance/emergency-stop");
        lee.waitForText(By.id("publisher-state"), "holding every publication");
        lee.axe("emergency-stop");
        lee.screenshots("emergency-stop");

        lee.find(By.id("reason")).sendKeys("Account secured");
        lee.find(By.id("resume-button")).click();
        lee.waitFor(By.id("publishing-running"));
        await().atMost(PATIENCE).until(() -> !publisherHolds());
    }

    private static void type(Browser browser, String field, String day, String month, String year) {
        browser.find(By.id(field + "-day")).sendKeys(day);
        browser.find(By.id(field + "-month")).sendKeys(month);
        browser.find(By.id(field + "-year")).sendKeys(year);
    }

    private boolean publisherHolds() {
        return platform.as("dana", Component.PUBLISHER).get("/publishing/state").then().statusCode(200)
                .extract().path("suspended");
    }
}
