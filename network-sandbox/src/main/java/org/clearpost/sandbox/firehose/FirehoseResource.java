package org.clearpost.sandbox.firehose;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Drives every network's firehose: a sustained burst of mentions, a dropped connection, a silent one. Bounded so a
 * test cannot make the sandbox run away: at most {@value #MAX_PER_SECOND} a second for {@value #MAX_SECONDS} s.
 */
@Path("/sandbox/firehose")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Firehose", description = "Make mentions on every network, drop or silence live connections")
public class FirehoseResource {

    static final int MAX_PER_SECOND = 200_000;
    static final int MAX_SECONDS = 600;

    /**
     * {@code networks} empty or null means every network (with {@code similar}: every network that can say a given
     * text); the rate is shared evenly between them.
     */
    public record Burst(List<String> networks, int perSecond, int seconds, Similar similar) {
    }

    /**
     * Near-duplicate variations of {@code text} ({@link SimilarTexts}): the first {@code count} mentions the burst
     * makes on each network (default: all of them) say them, so a theme and a spike can be made on purpose.
     */
    public record Similar(String text, Integer count) {
    }

    static final int MAX_SIMILAR_TEXT = 1000;

    /** {@code seconds} only for silence. */
    public record Disturbance(List<String> networks, int seconds) {
    }

    private final Instance<NetworkFirehose> firehoses;

    FirehoseResource(Instance<NetworkFirehose> firehoses) {
        this.firehoses = firehoses;
    }

    @POST
    @Path("/burst")
    public Response burst(Burst burst) {
        if (burst == null || burst.perSecond() < 1 || burst.perSecond() > MAX_PER_SECOND || burst.seconds() < 1
                || burst.seconds() > MAX_SECONDS) {
            return error("perSecond must be 1-" + MAX_PER_SECOND + " and seconds 1-" + MAX_SECONDS);
        }
        List<NetworkFirehose> chosen = chosen(burst.networks());
        if (chosen == null) {
            return error("unknown network in " + burst.networks() + ": use " + known());
        }
        Similar similar = burst.similar();
        if (similar != null) {
            // say(empty) asks whether a network can carry a given text, without changing anything.
            List<NetworkFirehose> able = chosen.stream().filter(f -> f.say(List.of())).toList();
            if (burst.networks() != null && !burst.networks().isEmpty() && able.size() < chosen.size()) {
                return error("similar: only " + able.stream().map(NetworkFirehose::network).toList()
                        + " can say a given text");
            }
            chosen = able;
        }
        if (chosen.isEmpty()) {
            return error("no network can make this burst");
        }
        int each = Math.max(1, burst.perSecond() / chosen.size());
        long perNetwork = (long) each * burst.seconds();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("perSecondEach", each);
        answer.put("networks", chosen.stream().map(NetworkFirehose::network).toList());
        if (similar != null) {
            if (similar.text() == null || similar.text().isBlank() || similar.text().length() > MAX_SIMILAR_TEXT) {
                return error("similar.text must be 1-" + MAX_SIMILAR_TEXT + " characters");
            }
            if (similar.count() != null && (similar.count() < 1 || similar.count() > perNetwork)) {
                return error("similar.count must be 1-" + perNetwork + " (the burst's mentions on each network)");
            }
            int count = similar.count() == null ? (int) perNetwork : similar.count();
            List<String> texts = SimilarTexts.variations(similar.text(), count);
            chosen.forEach(f -> f.say(texts));
            answer.put("similarEach", count);
        }
        chosen.forEach(f -> f.burst(each, Duration.ofSeconds(burst.seconds())));
        return Response.accepted(answer).build();
    }

    @POST
    @Path("/drop")
    public Response drop(Disturbance disturbance) {
        List<NetworkFirehose> chosen = chosen(disturbance == null ? null : disturbance.networks());
        if (chosen == null) {
            return error("unknown network: use " + known());
        }
        chosen.forEach(NetworkFirehose::drop);
        return Response.noContent().build();
    }

    @POST
    @Path("/silence")
    public Response silence(Disturbance disturbance) {
        if (disturbance == null || disturbance.seconds() < 1 || disturbance.seconds() > MAX_SECONDS) {
            return error("seconds must be 1-" + MAX_SECONDS);
        }
        List<NetworkFirehose> chosen = chosen(disturbance.networks());
        if (chosen == null) {
            return error("unknown network: use " + known());
        }
        chosen.forEach(f -> f.silence(Duration.ofSeconds(disturbance.seconds())));
        return Response.noContent().build();
    }

    /** How many mentions each network has made since the last reset. */
    @GET
    public Map<String, Long> made() {
        Map<String, Long> made = new LinkedHashMap<>();
        firehoses.forEach(f -> made.put(f.network(), f.made()));
        return made;
    }

    @DELETE
    public Response reset() {
        firehoses.forEach(NetworkFirehose::reset);
        return Response.noContent().build();
    }

    /** The firehoses named, every one for none, or null if a name is unknown. */
    private List<NetworkFirehose> chosen(List<String> networks) {
        List<NetworkFirehose> all = firehoses.stream().toList();
        if (networks == null || networks.isEmpty()) {
            return all;
        }
        List<NetworkFirehose> chosen = all.stream().filter(f -> networks.contains(f.network())).toList();
        return chosen.size() == Set.copyOf(networks).size() ? chosen : null;
    }

    private Set<String> known() {
        Set<String> known = new TreeSet<>();
        firehoses.forEach(f -> known.add(f.network()));
        return known;
    }

    private static Response error(String message) {
        return Response.status(400).entity(Map.of("error", message)).build();
    }
}
