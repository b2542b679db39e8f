package org.clearpost.drafting.domain.checks;

import java.util.List;
import org.clearpost.events.MediaItem;
import org.clearpost.events.Network;

/**
 * What one target will publish, as rendered (own-site links already tagged).
 *
 * @param ownSiteLinkExpected whether this post is informative and so should link to the body's website (see
 *        {@link ContentChecks} for the rule)
 */
public record CheckInput(Network network, String text, List<String> threadParts, String firstComment,
        List<MediaItem> media, boolean ownSiteLinkExpected) {

    public CheckInput {
        threadParts = threadParts == null ? List.of() : List.copyOf(threadParts);
        media = media == null ? List.of() : List.copyOf(media);
    }
}
