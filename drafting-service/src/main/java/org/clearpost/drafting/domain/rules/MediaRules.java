package org.clearpost.drafting.domain.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.clearpost.drafting.domain.rules.MediaProblem.Code;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;
import org.clearpost.events.Network;

/**
 * Checks one target's media selection against what its network takes: kinds, how many of each, mixing, sizes and
 * the kind a network requires. Limits come from configuration; a network without limits takes no media. Pure and
 * thread-safe.
 */
public final class MediaRules {

    private final Map<Network, MediaLimits> limits;

    public MediaRules(Map<Network, MediaLimits> limits) {
        this.limits = new EnumMap<>(Network.class);
        this.limits.putAll(limits);
    }

    /** Every problem of {@code media} (in publishing order) on {@code network}; empty when it can go as it is. */
    public List<MediaProblem> validate(Network network, List<MediaItem> media) {
        Objects.requireNonNull(network, "network");
        MediaLimits rules = limits.getOrDefault(network, new MediaLimits(0, 0, 0, false, 0, 0, 0, null));
        List<MediaProblem> problems = new ArrayList<>();
        String name = networkName(network);
        if (rules.required() != null && media.stream().noneMatch(m -> m.kind() == rules.required())) {
            problems.add(new MediaProblem(network, Code.MEDIA_REQUIRED, null,
                    name + " needs " + article(rules.required()) + "; add one."));
        }
        Map<MediaKind, Integer> counts = new EnumMap<>(MediaKind.class);
        for (int i = 0; i < media.size(); i++) {
            MediaItem item = media.get(i);
            int count = counts.merge(item.kind(), 1, Integer::sum);
            int max = rules.max(item.kind());
            if (max == 0) {
                problems.add(new MediaProblem(network, Code.MEDIA_KIND_NOT_ALLOWED, i,
                        name + " takes no " + plural(item.kind()) + "; remove this one."));
            } else if (count > max) {
                problems.add(new MediaProblem(network, Code.TOO_MANY_MEDIA, i, name + " takes at most " + max + " "
                        + (max == 1 ? noun(item.kind()) : plural(item.kind())) + " per post; this is number "
                        + count + "."));
            } else if (item.sizeBytes() > rules.maxBytes(item.kind())) {
                problems.add(new MediaProblem(network, Code.MEDIA_TOO_LARGE, i, String.format(Locale.ROOT,
                        "%s takes %s files up to %s; this one is %s.", name, noun(item.kind()),
                        size(rules.maxBytes(item.kind())), size(item.sizeBytes()))));
            }
        }
        if (!rules.mixed() && counts.size() > 1) {
            problems.add(new MediaProblem(network, Code.MIXED_MEDIA, null, name + " takes one kind of media per "
                    + "post; this one mixes " + String.join(" and ", counts.keySet().stream().map(MediaRules::plural)
                            .toList()) + "."));
        }
        return List.copyOf(problems);
    }

    /** The network's name as it spells it, for messages. */
    static String networkName(Network network) {
        return switch (network) {
            case X -> "X";
            case FACEBOOK -> "Facebook";
            case LINKEDIN -> "LinkedIn";
            case YOUTUBE -> "YouTube";
            case FLICKR -> "Flickr";
            case SOUNDCLOUD -> "SoundCloud";
            case BLUESKY -> "Bluesky";
            case MASTODON -> "Mastodon";
            case THREADS -> "Threads";
        };
    }

    private static String noun(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> "image";
            case VIDEO -> "video";
            case AUDIO -> "audio";
        };
    }

    private static String plural(MediaKind kind) {
        return kind == MediaKind.AUDIO ? "audio files" : noun(kind) + "s";
    }

    private static String article(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> "an image";
            case VIDEO -> "a video";
            case AUDIO -> "an audio file";
        };
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
    }
}
