package org.clearpost.events;

/** One of the body's accounts on one network. */
public record AccountRef(Network network, String account) {
}
