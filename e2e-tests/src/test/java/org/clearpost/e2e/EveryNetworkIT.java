package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clearpost.events.Network;
import org.clearpost.local.Component;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13's walk-through: the body's accounts on all nine networks the policy and its peers use, connected the way
 * each network expects (OAuth 2 with PKCE, OAuth 1.0a for Flickr, an app password session for Bluesky), and one post
 * cleared once and published to every one of them, each target PUBLISHED with its URL and each network holding it
 * exactly once.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class EveryNetworkIT {

    /** The body's account on each network, as the README walk-through names them. */
    static final Map<Network, String> ACCOUNTS = Map.of(
            Network.X, "clearpost_demo",
            Network.FACEBOOK, "100200300400",
            Network.LINKEDIN, "2414183",
            Network.YOUTUBE, "UCclearpostSandbox0000001",
            Network.FLICKR, "clearpost-flickr",
            Network.SOUNDCLOUD, "clearpost-body",
            Network.BLUESKY, "clearpost-sandbox.bsky.social",
            Network.MASTODON, "clearpost",
            Network.THREADS, "clearpost_threads");

    private static RunningPlatform platform;
    private static Journeys journeys;

    @BeforeAll
    static void connectEveryAccount(RunningPlatform running) {
        platform = running;
        journeys = new Journeys(running);
        for (Map.Entry<Network, String> account : ACCOUNTS.entrySet()) {
            journeys.connect(account.getKey(), account.getValue());
        }
    }

    @Test
    void onePostIsPublishedOnceOnEachOfTheNineNetworks() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID image = journeys.uploadedMedia("chart.png", Media.png(), "image/png",
                "Bar chart: subject access requests answered on time rose to 92% " + run);
        UUID video = journeys.uploadedMedia("explainer.mp4", Media.mp4(), "video/mp4", null);
        UUID audio = journeys.uploadedMedia("briefing.mp3", Media.mp3(), "audio/mpeg", null);
        String text = "Subject access requests: our updated guidance " + run + " https://ico.org.uk/sar #DataRights";
        String title = "Subject access requests explained " + run;

        List<Map<String, Object>> targets = ACCOUNTS.entrySet().stream().map(account -> {
            Network network = account.getKey();
            Map<String, Object> target = new java.util.HashMap<>(Map.of("network", network.name(),
                    "account", account.getValue()));
            switch (network) {
                case YOUTUBE -> {
                    target.put("title", title);
                    target.put("mediaIds", List.of(video));
                }
                case SOUNDCLOUD -> {
                    target.put("title", title);
                    target.put("mediaIds", List.of(audio));
                }
                case FLICKR -> {
                    target.put("title", title);
                    target.put("mediaIds", List.of(image));
                }
                default -> target.put("mediaIds", List.of(image));
            }
            return (Map<String, Object>) target;
        }).toList();
        UUID postId = journeys.draftedAndSubmitted(Map.of("text", text, "targets", targets));

        String caseId = journeys.awaitCase(postId);
        platform.as("colin", Component.CLEARANCE).body(Map.of("comment", "Factual and clear"))
                .post("/clearances/{id}/approve", caseId).then().statusCode(200).body("status", equalTo("CLEARED"));
        journeys.awaitPostStatus(postId, "PUBLISHED");

        List<Map<String, Object>> publications = platform.as("dana", Component.PUBLISHER)
                .queryParam("postId", postId).get("/publications").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(publications).hasSize(9).allSatisfy(p -> {
            assertThat(p.get("status")).as("%s", p).isEqualTo("PUBLISHED");
            assertThat((String) p.get("url")).as("%s", p).startsWith("https://");
        });
        assertThat(publications.stream().map(p -> Network.valueOf((String) p.get("network")))
                .collect(Collectors.toSet())).isEqualTo(EnumSet.allOf(Network.class));

        // Each network holds the post once: one item carrying this run's text or title, whatever its kind there.
        Map<String, Long> heldPerNetwork = journeys.heldInSandbox().stream()
                .filter(p -> String.valueOf(p).contains(run))
                .collect(Collectors.groupingBy(p -> String.valueOf(p.get("network")), Collectors.counting()));
        Set<String> everyNetwork = EnumSet.allOf(Network.class).stream().map(n -> n.name().toLowerCase())
                .collect(Collectors.toSet());
        assertThat(heldPerNetwork.keySet()).isEqualTo(everyNetwork);
        assertThat(heldPerNetwork.values()).as("%s", heldPerNetwork).containsOnly(1L);
    }
}
