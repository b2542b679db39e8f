package org.clearpost.drafting.domain.rules;

import org.clearpost.events.MediaKind;

/**
 * What one network takes in media on one post, from configuration ({@code clearpost.networks.media.<network>.*}).
 *
 * @param maxImages images per post (0: none taken)
 * @param maxVideos videos per post
 * @param maxAudio audio files per post
 * @param mixed whether images, videos and audio may be mixed in one post
 * @param maxImageBytes largest image
 * @param maxVideoBytes largest video
 * @param maxAudioBytes largest audio file
 * @param required the kind every post to this network must have (YouTube a video), else {@code null}
 */
public record MediaLimits(int maxImages, int maxVideos, int maxAudio, boolean mixed, long maxImageBytes,
        long maxVideoBytes, long maxAudioBytes, MediaKind required) {

    public int max(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> maxImages;
            case VIDEO -> maxVideos;
            case AUDIO -> maxAudio;
        };
    }

    public long maxBytes(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> maxImageBytes;
            case VIDEO -> maxVideoBytes;
            case AUDIO -> maxAudioBytes;
        };
    }
}
