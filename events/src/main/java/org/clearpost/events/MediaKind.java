package org.clearpost.events;

/** What a media file is, decided from its bytes, not its name. */
public enum MediaKind {
    IMAGE, VIDEO, AUDIO
}
