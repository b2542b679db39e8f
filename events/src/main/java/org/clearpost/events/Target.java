package org.clearpost.events;

import java.util.UUID;

/** Where one post goes: one account on one network. A post has one target per account it is published to. */
public record Target(UUID targetId, Network network, String account) {
}
