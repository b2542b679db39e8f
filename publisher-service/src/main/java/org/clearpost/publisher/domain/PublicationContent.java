package org.clearpost.publisher.domain;

import java.util.List;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.MediaItem;

/**
 * What one target publishes besides its text, kept with its ledger row (column {@code content}, JSON) so the
 * publisher never needs to ask drafting.
 */
public record PublicationContent(List<String> threadParts, String firstComment, List<MediaItem> media,
        ExternalPost replyTo, ExternalPost repostOf, String title) {

    public static final PublicationContent PLAIN = new PublicationContent(List.of(), null, List.of(), null, null);

    /** Without a title: every network but YouTube, Flickr and SoundCloud (and rows from before titles were kept). */
    public PublicationContent(List<String> threadParts, String firstComment, List<MediaItem> media,
            ExternalPost replyTo, ExternalPost repostOf) {
        this(threadParts, firstComment, media, replyTo, repostOf, null);
    }

    public PublicationContent {
        threadParts = threadParts == null ? List.of() : List.copyOf(threadParts);
        media = media == null ? List.of() : List.copyOf(media);
    }

    public boolean hasFirstComment() {
        return firstComment != null && !firstComment.isBlank();
    }
}
