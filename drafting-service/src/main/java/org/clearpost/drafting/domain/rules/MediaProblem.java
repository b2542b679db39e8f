package org.clearpost.drafting.domain.rules;

import org.clearpost.events.Network;

/**
 * Media a network would refuse on a post. Always an error.
 *
 * @param index the media item concerned (position in the target's selection), or {@code null} for the selection
 *        as a whole
 */
public record MediaProblem(Network network, Code code, Integer index, String message) {

    public enum Code {
        /** The network needs media of a kind the post does not have (YouTube a video, Flickr a photo, ...). */
        MEDIA_REQUIRED,
        /** A kind the network does not take at all. */
        MEDIA_KIND_NOT_ALLOWED,
        /** More of a kind than the network takes on one post. */
        TOO_MANY_MEDIA,
        /** Kinds mixed where the network takes one kind per post. */
        MIXED_MEDIA,
        /** A file larger than the network takes. */
        MEDIA_TOO_LARGE
    }
}
