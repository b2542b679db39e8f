package org.clearpost.drafting.campaign;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Campaigns as a drafter or lead would define them, each with a slug of its own. */
final class CampaignMother {

    private CampaignMother() {
    }

    static String uniqueSlug() {
        return "data-week-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> dataProtectionWeek(String slug) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Data Protection Week");
        body.put("slug", slug);
        body.put("startsOn", "2027-01-25");
        body.put("endsOn", "2027-01-31");
        body.put("audience", "Small businesses");
        body.put("hashtag", "#DataWeek");
        body.put("accounts", List.of(Map.of("network", "X", "account", "clearpost_demo"),
                Map.of("network", "LINKEDIN", "account", "urn:li:organization:1")));
        body.put("shareAccounts", List.of(Map.of("network", "BLUESKY", "account", "clearpost.bsky.social")));
        return body;
    }
}
