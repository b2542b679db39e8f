package org.clearpost.drafting.domain;

import java.util.List;
import java.util.UUID;
import org.clearpost.events.MediaItem;
import org.clearpost.events.Network;
import org.clearpost.events.Target;

/**
 * Exactly what one target will publish: its own text or the base text, own-site links tagged, the thread, title,
 * first comment and media in order. A share carries what the target it shares publishes.
 */
public record RenderedTarget(UUID targetId, Network network, String account, String text, List<String> threadParts,
        String title, String firstComment, List<MediaItem> media, UUID sharesTargetId) {

    public RenderedTarget {
        threadParts = List.copyOf(threadParts);
        media = List.copyOf(media);
    }

    public Target toEvent() {
        return new Target(targetId, network, account, text, threadParts, title, firstComment, media, sharesTargetId);
    }
}
