package org.clearpost.monitoring.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clearpost.events.Network;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.monitoring.intake.MentionNormaliser;
import org.clearpost.monitoring.intake.RawItem;
import org.clearpost.monitoring.intake.UnparseableItemException;

/**
 * A tiny normaliser for the pipeline's tests, on a network no intake of issue 10 reads (Threads), so it never meets a
 * real one: {@code {"id","edits":[..],"account"?,"author","text","mentions":[..]}}; anything else is unparseable.
 */
@ApplicationScoped
public class TestThreadsNormaliser implements MentionNormaliser {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Network network() {
        return Network.THREADS;
    }

    @Override
    public List<NormalisedMention> normalise(RawItem item) throws UnparseableItemException {
        JsonNode node;
        try {
            node = JSON.readTree(item.payload());
        } catch (IOException e) {
            throw new UnparseableItemException("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.hasNonNull("id") || !node.hasNonNull("text")) {
            throw new UnparseableItemException("a Threads test item needs 'id' and 'text'");
        }
        List<String> edits = new ArrayList<>();
        node.path("edits").forEach(edit -> edits.add(edit.asText()));
        List<String> mentions = new ArrayList<>();
        node.path("mentions").forEach(handle -> mentions.add(handle.asText()));
        return List.of(new NormalisedMention(Network.THREADS, node.get("id").asText(), edits,
                node.hasNonNull("account") ? node.get("account").asText() : null, node.path("author").asText(null),
                node.path("author").asText(null), node.path("authorName").asText(null), node.get("text").asText(),
                "https://www.threads.net/post/" + node.get("id").asText(), null, List.of(), mentions,
                Instant.parse("2026-11-30T12:00:00Z"), item.deliveredAt()));
    }
}
