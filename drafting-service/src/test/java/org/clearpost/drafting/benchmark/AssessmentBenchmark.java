package org.clearpost.drafting.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearpost.drafting.domain.Assessment;
import org.clearpost.drafting.domain.OwnSiteLinks;
import org.clearpost.drafting.domain.PostAssessor;
import org.clearpost.drafting.domain.PostContent;
import org.clearpost.drafting.domain.checks.CheckSettings;
import org.clearpost.drafting.domain.checks.ContentChecks;
import org.clearpost.drafting.domain.rules.MediaRules;
import org.clearpost.drafting.domain.rules.TextLimits;
import org.clearpost.drafting.domain.rules.TextValidator;
import org.clearpost.events.Network;

/**
 * How long drafting takes to render and check one post for every network it supports (what each create, edit and
 * submit pays), against the cost of X's own twitter-text parse of the same text, the one exact count no network
 * lets us skip. Prints figures; asserts nothing.
 *
 * <p>Run: {@code ./mvnw -B -q -pl drafting-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.clearpost.drafting.benchmark.AssessmentBenchmark}
 */
public final class AssessmentBenchmark {

    private static final int ROUNDS = 5;
    private static final int POSTS_PER_ROUND = 1_000;

    private AssessmentBenchmark() {
    }

    public static void main(String[] args) {
        OwnSiteLinks ownSite = new OwnSiteLinks(List.of("ico.org.uk"));
        TextValidator validator = new TextValidator(TextLimits.DEFAULTS);
        PostAssessor assessor = new PostAssessor(validator, new MediaRules(Map.of()),
                new ContentChecks(CheckSettings.DEFAULTS, ownSite), ownSite);
        List<PostContent.TargetContent> targets = Arrays.stream(Network.values())
                .map(n -> PostContent.TargetContent.plain(n, "ico_" + n.name().toLowerCase())).toList();
        PostContent post = new PostContent("Our updated guidance on subject access requests is out today 🎉: what "
                + "organisations must do within one month, and when they can extend it. https://ico.org.uk/sar "
                + "#SubjectAccess #DataProtection", List.of("Part two: the exemptions, explained with examples.",
                        "Questions? Our helpline is open 9am to 5pm: https://ico.org.uk/contact"),
                targets, "sar-week", null, null, null, null, null);
        List<UUID> ids = targets.stream().map(t -> UUID.randomUUID()).toList();
        String xText = post.text();

        long sink = 0;
        List<Double> assessMicros = new ArrayList<>();
        List<Double> parseMicros = new ArrayList<>();
        for (int round = 0; round < ROUNDS + 1; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < POSTS_PER_ROUND; i++) {
                Assessment assessment = assessor.assess(post, ids, mediaIds -> List.of());
                sink += assessment.targets().size();
            }
            double assess = (System.nanoTime() - start) / 1_000.0 / POSTS_PER_ROUND;
            start = System.nanoTime();
            for (int i = 0; i < POSTS_PER_ROUND; i++) {
                sink += validator.validate(Network.X, xText).size();
            }
            double parse = (System.nanoTime() - start) / 1_000.0 / POSTS_PER_ROUND;
            if (round > 0) { // round 0 warms the JIT up
                assessMicros.add(assess);
                parseMicros.add(parse);
            }
        }
        double assess = median(assessMicros);
        double parse = median(parseMicros);
        System.out.printf("targets per post: %d networks, base text %d chars, 2 thread parts (sink %d)%n",
                targets.size(), xText.length(), sink);
        System.out.printf("assess one post (render + text rules + content checks, every target): %.1f µs "
                + "(median of %d rounds of %,d)%n", assess, ROUNDS, POSTS_PER_ROUND);
        System.out.printf("  per target: %.1f µs; posts per second on one core: %,.0f%n", assess / targets.size(),
                1_000_000 / assess);
        System.out.printf("X's twitter-text check of the base text alone: %.1f µs%n", parse);
        System.out.printf("ratio, a whole post's assessment / one X parse: %.1f%n", assess / parse);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
