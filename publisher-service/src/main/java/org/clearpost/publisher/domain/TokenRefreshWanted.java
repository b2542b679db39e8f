package org.clearpost.publisher.domain;

import org.clearpost.events.Network;

/**
 * A CDI event fired when a publication is due on an account whose access token has expired: the refresher refreshes
 * it now rather than at its next round, so the post goes out on time.
 */
public record TokenRefreshWanted(Network network, String account) {
}
