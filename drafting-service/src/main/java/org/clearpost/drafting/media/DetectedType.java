package org.clearpost.drafting.media;

import org.clearpost.events.MediaKind;

/** What a file's first bytes say it is. */
public record DetectedType(MediaKind kind, String contentType) {
}
