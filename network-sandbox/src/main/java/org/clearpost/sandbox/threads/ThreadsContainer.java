package org.clearpost.sandbox.threads;

import java.time.Instant;
import java.util.List;
import org.clearpost.sandbox.domain.HeldMedia;

/**
 * A Threads media container: what {@code POST /{user-id}/threads} was given, waiting to be published.
 *
 * @param userId        the user id of the path it was made under ({@code me} resolved to the token's user)
 * @param media         the image or video fetched from its URL (one), or the carousel children's media
 * @param children      a carousel's child container ids
 * @param errorMessage  set when the container could not be made ready ({@code FAILED_DOWNLOADING_VIDEO}...)
 * @param publishedAs   the media id once published, else null
 */
record ThreadsContainer(String id, String fingerprint, String userId, String mediaType, String text,
        String replyToId, String quotePostId, boolean carouselItem, List<String> children, List<HeldMedia> media,
        String errorMessage, Instant createdAt, String publishedAs) {

    ThreadsContainer published(String mediaId) {
        return new ThreadsContainer(id, fingerprint, userId, mediaType, text, replyToId, quotePostId, carouselItem,
                children, media, errorMessage, createdAt, mediaId);
    }
}
