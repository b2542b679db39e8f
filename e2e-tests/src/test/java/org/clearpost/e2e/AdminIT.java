package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.local.Component;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Ada, the admin, in a browser: connects the body's X account through X's consent page (the sandbox's) and back,
 * uploads gov.uk-format bank holidays (and sees a broken file refused with clearance's words), checks the audit chain
 * and downloads the FOI export of a post.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class AdminIT {

    @Test
    void adaConnectsAnAccountUploadsBankHolidaysAndExportsAPost(RunningPlatform platform) throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String handle = "admin_it_" + run;
        Journeys journeys = new Journeys(platform);
        // A post through clearance (REST), for its FOI export.
        UUID postId = journeys.draftedAndSubmitted(Map.of("text", "Our annual report is out " + run,
                "targets", List.of(Map.of("network", "X", "account", handle))));
        journeys.awaitCase(postId);

        try (Browser ada = platform.browser()) {
            walkThrough(platform, ada, handle, postId);
        } finally {
            // The suite's other tests compute business-hours deadlines: give clearance back the calendar it ships.
            platform.as("ada", Component.CLEARANCE).body(Files.readString(Path.of("..", "business-calendar", "src",
                    "main", "resources", "org", "clearpost", "calendar", "bank-holidays.json")))
                    .put("/calendar/bank-holidays").then().statusCode(200);
        }
    }

    private static void walkThrough(RunningPlatform platform, Browser ada, String handle, UUID postId)
            throws IOException {
        {
            ada.signIn("ada", "/admin");
            ada.find(By.id("admin-accounts-link")).click();

            // Connect: the console sends the browser to X's consent page, which sends it to the publisher's callback.
            ada.waitFor(By.id("connect-network"));
            new Select(ada.find(By.id("connect-network"))).selectByValue("X");
            ada.find(By.id("connect-account")).sendKeys(handle);
            ada.find(By.id("connect")).click();
            ada.waitForText(By.tagName("body"), "X account " + handle + " is connected");
            assertThat(ada.url()).contains("/oauth/x/callback");

            ada.go("/admin/accounts");
            WebElement row = ada.waitFor(By.id("account-x-" + handle));
            assertThat(row.getText()).contains(handle).contains("Connected").contains("by ada");
            ada.axe("admin-accounts");
            ada.screenshots("admin-accounts");

            // Bank holidays: a small gov.uk-format file covering this year is accepted and its dates listed.
            int year = LocalDate.now(ZoneId.of("Europe/London")).getYear();
            ada.go("/admin/bank-holidays");
            ada.find(By.id("file")).sendKeys(file("bank-holidays", bankHolidays(year)).toString());
            ada.find(By.id("upload")).click();
            ada.waitForText(By.id("uploaded"), "Bank holidays uploaded");
            assertThat(ada.find(By.cssSelector("[data-date='" + year + "-12-25']")).getText())
                    .contains("25 December " + year).contains("Christmas Day");
            assertThat(ada.find(By.id("in-use-source")).getText()).contains("by ada");
            assertThat(ada.find(By.id("in-use-years")).getText()).isEqualTo((year - 1) + " to " + (year + 2));
            ada.axe("admin-bank-holidays");
            ada.screenshots("admin-bank-holidays");

            // A broken file: clearance's problem in the error summary and next to the file input; nothing changes.
            ada.find(By.id("file")).sendKeys(file("broken", """
                    {"england-and-wales": {"division": "england-and-wales", "events": []}}""").toString());
            ada.find(By.id("upload")).click();
            WebElement summary = ada.waitFor(By.className("govuk-error-summary"));
            assertThat(summary.getText()).contains("There is a problem").contains("\"events\" must be a non-empty array");
            assertThat(ada.find(By.id("file-error")).getText()).contains("\"events\" must be a non-empty array");
            assertThat(ada.find(By.id("in-use-years")).getText()).isEqualTo((year - 1) + " to " + (year + 2));
            ada.axe("admin-bank-holidays (error)");

            // The audit chain holds; the post's FOI export comes as an attachment.
            ada.go("/admin/audit");
            assertThat(ada.waitFor(By.id("chain-headline")).getText()).isEqualTo("The audit chain is intact");
            ada.find(By.id("post-id")).sendKeys(postId.toString());
            ada.axe("admin-audit");
            ada.screenshots("admin-audit");
            @SuppressWarnings("unchecked")
            List<Object> download = (List<Object>) ada.script("""
                    const form = document.getElementById('export-form');
                    const query = new URLSearchParams(new FormData(form)).toString();
                    return fetch(form.action + '?' + query).then(async r =>
                        [r.status, r.headers.get('Content-Disposition'), await r.text()]);""");
            assertThat(download.get(0)).isEqualTo(200L);
            assertThat(download.get(1)).isEqualTo("attachment; filename=\"foi-post-" + postId + ".json\"");
            assertThat((String) download.get(2)).contains("\"postId\":\"" + postId + "\"")
                    .contains("Our annual report is out " + handle.substring("admin_it_".length())).contains("clearancePublicKey");
        }
    }

    /**
     * gov.uk's format, England and Wales only, last year to two years on: New Year's Day, Christmas Day and Boxing Day
     * (clearance checks the format and that it covers this year, not that every holiday is there).
     */
    private static String bankHolidays(int thisYear) {
        List<String> events = new ArrayList<>();
        for (int year = thisYear - 1; year <= thisYear + 2; year++) {
            events.add(event("New Year’s Day", year + "-01-01"));
            events.add(event("Christmas Day", year + "-12-25"));
            events.add(event("Boxing Day", year + "-12-26"));
        }
        return "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": ["
                + String.join(",", events) + "]}}";
    }

    private static String event(String title, String date) {
        return "{\"title\": \"" + title + "\", \"date\": \"" + date + "\", \"notes\": \"\", \"bunting\": true}";
    }

    private static Path file(String name, String content) throws IOException {
        Path file = Files.createTempFile(name, ".json");
        Files.writeString(file, content);
        file.toFile().deleteOnExit();
        return file.toAbsolutePath().normalize();
    }
}
