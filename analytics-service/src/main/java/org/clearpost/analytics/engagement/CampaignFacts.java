package org.clearpost.analytics.engagement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.clearpost.events.CampaignDefined;
import org.clearpost.events.CampaignRef;
import org.clearpost.events.ClearpostEvent;
import org.clearpost.events.PostCleared;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.PostMetricsSampled;
import org.clearpost.events.PostPublished;
import org.clearpost.events.Target;
import org.clearpost.support.inbox.EventHandlers;

/**
 * Step one of campaign-reports: each event it reads becomes a post fact keyed by post id, or a campaign definition
 * keyed by slug. {@code PostDrafted} and {@code PostCleared} both count as the version's word on its campaign and
 * targets: whichever arrives, with the higher version winning.
 */
final class CampaignFacts implements Processor<String, ClearpostEvent, String, CampaignFacts.Routed> {

    /** Exactly one of the two is set. */
    record Routed(PostFact post, CampaignInput.Definition campaign) {
    }

    static final EventHandlers<CampaignFacts> HANDLERS = EventHandlers.<CampaignFacts>builder()
            .onWith(CampaignDefined.class, (event, step) -> step.defined(event))
            .onWith(PostDrafted.class, (event, step) -> step.version(event.postId().toString(), event.version(),
                    event.campaign(), event.targets()))
            .onWith(PostCleared.class, (event, step) -> step.version(event.postId().toString(), event.version(),
                    event.campaign(), event.targets()))
            .onWith(PostPublished.class, (event, step) -> step.post(event.postId().toString(), new PostFact(
                    PostFact.Kind.PUBLISHED, event.version(), null, List.of(), event.targetId(),
                    event.network(), event.account(), event.publishedAt(), Map.of(), null)))
            .onWith(PostMetricsSampled.class, (event, step) -> step.post(event.postId().toString(), new PostFact(
                    PostFact.Kind.SAMPLE, event.version(), event.campaign(), List.of(), event.targetId(),
                    event.network(), event.account(), event.publishedAt(), event.metrics(), event.sampledAt())))
            .build();

    private ProcessorContext<String, Routed> context;
    private long timestamp;

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ClearpostEvent> record) {
        timestamp = record.timestamp();
        HANDLERS.dispatch(record.value(), this);
    }

    private void defined(CampaignDefined campaign) {
        context.forward(new Record<>(campaign.slug(), new Routed(null, new CampaignInput.Definition(campaign.slug(),
                campaign.name(), campaign.startsOn(), campaign.endsOn(), campaign.accounts(),
                Instant.ofEpochMilli(timestamp))), timestamp));
    }

    private void version(String postId, int version, CampaignRef campaign, List<Target> targets) {
        post(postId, new PostFact(PostFact.Kind.VERSION, version, campaign == null ? null : campaign.slug(), targets,
                null, null, null, null, Map.of(), null));
    }

    private void post(String postId, PostFact fact) {
        context.forward(new Record<>(postId, new Routed(fact, null), timestamp));
    }
}
