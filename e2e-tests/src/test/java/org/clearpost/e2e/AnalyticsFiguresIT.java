package org.clearpost.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.events.KafkaAccess;
import org.clearpost.local.Component;
import org.clearpost.local.LocalPlatform;
import org.clearpost.local.LocalPlatformOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 12 across the running platform: the walkthrough's post (drafted by Dana for X and Facebook in a campaign of
 * its own, cleared by Colin, published) shows up in the per-network and turnaround figures; the publisher samples its
 * engagement from the sandbox (at seconds rather than hours: {@link RunningPlatform#SAMPLE_AGES}) and the samples
 * appear in post-engagement, engagement-totals and the campaign report; then analytics is replayed from zero (killed,
 * reset with {@code StreamsReset} as the Kafka admin, state directory deleted, started again) and every figure, read
 * over REST as JSON and as CSV, is what it was before.
 *
 * <p>A campaign of its own keeps this post's rows apart from every other test's: post-activity, post-engagement,
 * engagement-totals and campaign-reports can be checked exactly. Clearance turnaround is per route and week, shared
 * with every other post of the suite, so it is checked to have grown by this decision.
 */
@ExtendWith(RunningPlatform.Resolver.class)
class AnalyticsFiguresIT {

    private static final Duration PATIENCE = Journeys.PATIENCE;
    /** A replay starts Kafka Streams from nothing, rebalances and re-reads every topic; Keycloak and the rest run on. */
    private static final Duration REPLAY_PATIENCE = Duration.ofMinutes(4);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String X_ACCOUNT = "clearpost_demo";
    private static final String FACEBOOK_PAGE = "100200300400";
    /** Generation 1's application id, which is also its consumer group and its state directory's name. */
    private static final String ANALYTICS_APPLICATION_ID = "analytics-service";
    /**
     * How old the test makes its posts in the sandbox before the first sample: the sandbox reads ages in whole hours
     * after the first hour, so every sample taken in the next 40 minutes reads the numbers of hour 26.
     */
    private static final Duration AGED = Duration.ofHours(26).plusMinutes(20);
    private static final Duration AGED_HOUR = Duration.ofHours(26);

    private static RunningPlatform platform;
    private static Journeys journeys;

    @BeforeAll
    static void connectAccounts(RunningPlatform running) {
        platform = running;
        journeys = new Journeys(running);
        journeys.connectXAccount(X_ACCOUNT, "e2e-x-token");
        journeys.connectFacebookPage(FACEBOOK_PAGE, "e2e-facebook-token");
    }

    @Test
    void aPublishedPostShowsUpInEveryFigureAndAReplayFromZeroGivesTheSameFigures() throws Exception {
        LocalDate today = LocalDate.now(LONDON);
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String slug = "e2e-figures-" + tag;
        List<Map<String, String>> targets = List.of(Map.of("network", "X", "account", X_ACCOUNT),
                Map.of("network", "FACEBOOK", "account", FACEBOOK_PAGE));
        platform.as("dana", Component.DRAFTING).body(Map.of("name", "E2E figures " + tag, "slug", slug,
                "startsOn", today.minusDays(1).toString(), "endsOn", today.plusDays(7).toString(),
                "accounts", targets, "shareAccounts", List.of())).post("/campaigns").then().statusCode(201);

        // The walkthrough: Dana drafts for X and Facebook, Colin clears it, it is published on both.
        String text = "Our guidance on subject access requests is updated " + tag;
        UUID postId = journeys.draftedAndSubmitted(Map.of("text", text, "campaign", slug, "targets", targets));
        String caseId = journeys.awaitCase(postId);
        String route = platform.as("colin", Component.CLEARANCE).get("/clearances/{id}", caseId).then()
                .statusCode(200).extract().jsonPath().getString("route.name");
        Map<String, Object> turnaroundBefore = turnaroundRow(route, weekStart);
        platform.as("colin", Component.CLEARANCE).body(Map.of("comment", "Factual and clear"))
                .post("/clearances/{id}/approve", caseId).then().statusCode(200).body("status", equalTo("CLEARED"));

        // As soon as the sandbox holds them, the posts are made 26 hours old there, before the publisher's first
        // sample (15 s after publication): their engagement is then well past zero and the same at every sample.
        List<Map<String, Object>> held = await().atMost(PATIENCE).until(
                () -> journeys.heldInSandbox().stream().filter(p -> String.valueOf(p.get("text")).contains(tag))
                        .toList(), posts -> posts.size() == 2);
        Instant agedTo = Instant.now().minus(AGED);
        Map<String, String> externalIds = new HashMap<>(); // network (upper case) -> the network's post id
        for (Map<String, Object> post : held) {
            String id = String.valueOf(post.get("id"));
            platform.anonymous(Component.SANDBOX).body(Map.of("publishedAt", agedTo.toString()))
                    .put("/sandbox/posts/{id}/published-at", id).then().statusCode(200);
            externalIds.put(String.valueOf(post.get("network")).toUpperCase(), id);
        }
        assertThat(externalIds).containsOnlyKeys("X", "FACEBOOK");
        journeys.awaitPostStatus(postId, "PUBLISHED");

        // 1. Per network: one row per account today, in this campaign, counting the version drafted, cleared and
        // published once each.
        for (Map<String, String> target : targets) {
            List<Map<String, Object>> rows = awaitRows("post-activity", Map.of("from", today.toString(),
                    "to", today.toString(), "network", target.get("network"), "account", target.get("account"),
                    "campaign", slug), found -> !found.isEmpty() && number(found.get(0), "published") >= 1);
            assertThat(rows).as("post-activity of %s", target).hasSize(1);
            Map<String, Object> row = rows.get(0);
            assertThat(row).containsEntry("day", today.toString()).containsEntry("network", target.get("network"))
                    .containsEntry("account", target.get("account")).containsEntry("campaign", slug);
            assertThat(counts(row, "drafted", "cleared", "rejected", "changesRequested", "published", "failed"))
                    .as("post-activity of %s", target).containsExactly(1L, 1L, 0L, 0L, 1L, 0L);
        }

        // ... and in the turnaround of its route this week: one more decision, one more cleared, with its time.
        long decisionsBefore = turnaroundBefore == null ? 0 : number(turnaroundBefore, "decisions");
        long clearedBefore = turnaroundBefore == null ? 0 : number(turnaroundBefore, "cleared");
        await().atMost(PATIENCE).until(() -> {
            Map<String, Object> row = turnaroundRow(route, weekStart);
            return row != null && number(row, "decisions") > decisionsBefore;
        });
        Map<String, Object> turnaround = turnaroundRow(route, weekStart);
        assertThat(number(turnaround, "decisions")).isGreaterThanOrEqualTo(decisionsBefore + 1);
        assertThat(number(turnaround, "cleared")).isGreaterThanOrEqualTo(clearedBefore + 1);
        assertThat(nested(turnaround, "wallClockSeconds", "max")).isNotNull();
        assertThat(nested(turnaround, "businessSeconds", "p50")).isNotNull();
        platform.as("ana", Component.ANALYTICS).queryParam("route", route).queryParam("from", weekStart.toString())
                .get("/figures/clearance-turnaround/summary").then().statusCode(200);

        // 2. Engagement: every sample taken ("30d" is the last), the latest kept per target with the sandbox's numbers.
        List<Map<String, Object>> engagement = awaitRows("post-engagement", Map.of("campaign", slug),
                rows -> rows.size() == 2 && rows.stream().allMatch(r -> "30d".equals(r.get("sampleAge"))));
        for (Map<String, Object> row : engagement) {
            String network = String.valueOf(row.get("network"));
            assertThat(row).containsEntry("postId", postId.toString())
                    .containsEntry("externalId", externalIds.get(network)).containsEntry("campaign", slug)
                    .containsEntry("account", network.equals("X") ? X_ACCOUNT : FACEBOOK_PAGE);
            Map<String, Object> metrics = map(row, "metrics");
            Map<String, Object> sandbox = platform.anonymous(Component.SANDBOX)
                    .queryParam("age", AGED_HOUR.toString()).get("/sandbox/posts/{id}/metrics",
                            externalIds.get(network)).then().statusCode(200).extract().jsonPath().getMap("$");
            // Clearpost's name -> the sandbox's (X: public_metrics and non_public_metrics; Facebook: insights,
            // reactions, comments, shares).
            Map<String, String> names = new LinkedHashMap<>();
            names.put("impressions", "views");
            names.put("likes", "likes");
            names.put("replies", "replies");
            names.put("reposts", "reposts");
            names.put("linkClicks", "linkClicks");
            if (network.equals("X")) {
                names.put("quotes", "quotes");
                names.put("bookmarks", "bookmarks");
                names.put("profileClicks", "profileClicks");
                names.put("engagements", "engagements");
            } else {
                names.put("reach", "viewers");
            }
            names.forEach((ours, theirs) -> assertThat(((Number) metrics.get(ours)).longValue())
                    .as("%s %s (sandbox %s)", network, ours, theirs)
                    .isEqualTo(((Number) sandbox.get(theirs)).longValue()));
            assertThat(((Number) metrics.get("impressions")).longValue()).as("%s impressions", network).isPositive();
        }

        // ... engagement-totals of the campaign add up per network (one post each) ...
        List<Map<String, Object>> totals = awaitRows("engagement-totals", Map.of("campaign", slug),
                rows -> rows.size() == 2 && rows.stream().allMatch(total -> map(total, "metrics")
                        .equals(metricsOf(engagement, String.valueOf(total.get("network"))))));
        for (Map<String, Object> total : totals) {
            assertThat(number(total, "posts")).as("posts of %s", total.get("network")).isEqualTo(1);
        }

        // ... and so does the campaign report, per account and network.
        List<Map<String, Object>> reports = awaitRows("campaign-reports", Map.of("campaign", slug),
                rows -> rows.size() == 1 && reportRows(rows.get(0)).size() == 2
                        && reportRows(rows.get(0)).stream().allMatch(r -> number(r, "reach") > 0));
        Map<String, Object> report = reports.get(0);
        assertThat(report).containsEntry("slug", slug).containsEntry("name", "E2E figures " + tag);
        for (Map<String, Object> reportRow : reportRows(report)) {
            String network = String.valueOf(reportRow.get("network"));
            Map<String, Object> metrics = metricsOf(engagement, network);
            long engagements = metrics.containsKey("engagements") ? longOf(metrics, "engagements")
                    : longOf(metrics, "likes") + longOf(metrics, "replies") + longOf(metrics, "reposts")
                            + longOf(metrics, "quotes");
            assertThat(counts(reportRow, "posts", "corporateShares", "reach", "engagements", "linkClicks"))
                    .as("campaign report row of %s", network).containsExactly(1L, 0L, longOf(metrics, "impressions"),
                            engagements, longOf(metrics, "linkClicks"));
        }

        // 3. A replay from zero gives the same figures. First every figure as it is now, settled.
        Map<String, Object> live = awaitSettled(PATIENCE);
        assertThat(live).as("figures read before the replay").isNotEmpty();
        replayAnalyticsFromZero();
        // Caught up: every figure answers (not 503 while Kafka Streams restores) and equals what it was; a rebuild
        // that counted something twice, or lost it, never does. Then it stays so: nothing is still coming.
        AtomicReference<Map<String, Object>> rebuilt = new AtomicReference<>();
        try {
            await().atMost(REPLAY_PATIENCE).pollInterval(Duration.ofSeconds(3)).until(() -> {
                rebuilt.set(readEveryFigure());
                return live.equals(rebuilt.get());
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            assertThat(rebuilt.get()).as("every figure rebuilt from the topics").isEqualTo(live);
        }
        TimeUnit.SECONDS.sleep(5);
        assertThat(readEveryFigure()).as("every figure, 5 s after the rebuild caught up").isEqualTo(live);
    }

    /**
     * In place, as analytics-service's README says: stop every instance (kill -9 of the only one here), reset with
     * {@code StreamsReset} as the Kafka admin (group, internal topics and the state directory for the application
     * id), start it again.
     */
    private static void replayAnalyticsFromZero() throws IOException, InterruptedException {
        LocalPlatform launcher = platform.launcher();
        launcher.killApplication(Component.ANALYTICS);
        Path repo = LocalPlatformOptions.defaults().repoRoot();
        Path app = repo.resolve("analytics-service/target/quarkus-app");
        Path stateDir = launcher.dataDir().resolve("analytics-state");
        Map<String, String> admin = launcher.kafkaClientConfig(KafkaAccess.ADMIN);
        ProcessBuilder reset = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", app.resolve("lib/main") + "/*" + java.io.File.pathSeparator + app.resolve("app") + "/*",
                "org.clearpost.analytics.stream.StreamsReset", ANALYTICS_APPLICATION_ID, stateDir.toString())
                .redirectErrorStream(true);
        reset.environment().put("KAFKA_BOOTSTRAP_SERVERS", admin.get("bootstrap.servers"));
        reset.environment().put("CLEARPOST_KAFKA_USERNAME", KafkaAccess.ADMIN);
        reset.environment().put("CLEARPOST_KAFKA_PASSWORD", password(admin.get("sasl.jaas.config")));
        Process process = reset.start();
        // It waits up to a minute for the killed instance to leave the group (its session times out).
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("[StreamsReset] " + output);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("StreamsReset ended: %s", output).isTrue();
        assertThat(process.exitValue()).as("StreamsReset's exit status: %s", output).isZero();
        assertThat(output).contains("Reset " + ANALYTICS_APPLICATION_ID).contains("group deleted true")
                .contains("local state deleted true");
        assertThat(stateDir.resolve(ANALYTICS_APPLICATION_ID)).doesNotExist();
        launcher.restartApplication(Component.ANALYTICS);
    }

    /** The admin's password out of its JAAS line: StreamsReset, like an operator, takes it from the environment. */
    private static String password(String jaas) {
        Matcher password = Pattern.compile("password=\"([^\"]*)\"").matcher(jaas);
        if (!password.find()) {
            throw new IllegalStateException("no password in the admin's Kafka login");
        }
        return password.group(1);
    }

    /** Every figure this release builds (the catalogue's {@code built}), each as JSON rows and as CSV. */
    private static Map<String, Object> readEveryFigure() {
        Response catalogue = platform.as("ana", Component.ANALYTICS).get("/figures");
        if (catalogue.statusCode() != 200) {
            return Map.of("catalogue", "HTTP " + catalogue.statusCode());
        }
        List<Map<String, Object>> figures = catalogue.jsonPath().getList("$");
        Map<String, Object> read = new LinkedHashMap<>();
        for (Map<String, Object> figure : figures) {
            if (!Boolean.TRUE.equals(figure.get("built"))) {
                continue;
            }
            String name = String.valueOf(figure.get("name"));
            Response json = platform.as("ana", Component.ANALYTICS).get("/figures/{name}", name);
            read.put(name, json.statusCode() == 200 ? json.jsonPath().getList("$") : "HTTP " + json.statusCode());
            Response csv = platform.as("ana", Component.ANALYTICS).accept("text/csv").get("/figures/{name}", name);
            read.put(name + ".csv", csv.statusCode() == 200 ? csv.asString() : "HTTP " + csv.statusCode());
        }
        return read;
    }

    /** Every figure once two reads in a row, a few seconds apart, agree and every figure answered 200. */
    private static Map<String, Object> awaitSettled(Duration patience) {
        AtomicReference<Map<String, Object>> previous = new AtomicReference<>(Map.of());
        await().atMost(patience).pollInterval(Duration.ofSeconds(3)).until(() -> {
            Map<String, Object> now = readEveryFigure();
            boolean answered = !now.isEmpty() && now.values().stream().noneMatch(v -> String.valueOf(v).startsWith("HTTP "));
            return answered && now.equals(previous.getAndSet(now));
        });
        return previous.get();
    }

    private static Map<String, Object> turnaroundRow(String route, LocalDate weekStart) {
        List<Map<String, Object>> rows = awaitRows("clearance-turnaround",
                Map.of("route", route, "from", weekStart.toString()), found -> true);
        return rows.stream().filter(r -> weekStart.toString().equals(r.get("weekStart"))).findFirst().orElse(null);
    }

    /** A figure's rows (as ana, the analyst) once they satisfy {@code until}; a 503 (rebalancing) is polled past. */
    private static List<Map<String, Object>> awaitRows(String figure, Map<String, String> parameters,
            java.util.function.Predicate<List<Map<String, Object>>> until) {
        AtomicReference<List<Map<String, Object>>> last = new AtomicReference<>();
        await().atMost(PATIENCE).until(() -> {
            Response response = platform.as("ana", Component.ANALYTICS).queryParams(parameters)
                    .get("/figures/{name}", figure);
            if (response.statusCode() == 503) {
                return false;
            }
            assertThat(response.statusCode()).as("GET /figures/%s %s: %s", figure, parameters, response.asString())
                    .isEqualTo(200);
            last.set(response.jsonPath().getList("$"));
            return until.test(last.get());
        });
        return last.get();
    }

    /** The metrics of the campaign's post-engagement row for a network. */
    private static Map<String, Object> metricsOf(List<Map<String, Object>> engagement, String network) {
        return engagement.stream().filter(r -> network.equals(r.get("network"))).map(r -> map(r, "metrics"))
                .findFirst().orElseThrow(() -> new AssertionError("no post-engagement row for " + network));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reportRows(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("rows");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> row, String field) {
        return (Map<String, Object>) row.get(field);
    }

    private static Object nested(Map<String, Object> row, String field, String inner) {
        Map<String, Object> value = map(row, field);
        return value == null ? null : value.get(inner);
    }

    private static long number(Map<String, Object> row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    private static long longOf(Map<String, Object> metrics, String name) {
        Object value = metrics.get(name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static List<Long> counts(Map<String, Object> row, String... fields) {
        List<Long> counts = new ArrayList<>();
        for (String field : fields) {
            counts.add(number(row, field));
        }
        return counts;
    }
}
