package org.clearpost.events;

/** The social networks Clearpost drafts for and publishes to. */
public enum Network {
    X, FACEBOOK, LINKEDIN, YOUTUBE, FLICKR, SOUNDCLOUD, BLUESKY, MASTODON, THREADS
}
