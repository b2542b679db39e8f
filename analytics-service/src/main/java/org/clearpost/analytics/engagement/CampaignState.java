package org.clearpost.analytics.engagement;

import java.time.Instant;

/**
 * What the campaign step keeps per campaign: its definition (null until read); each post's published targets are
 * kept apart, under {@code slug|postId} ({@link CampaignReports#POSTS_STORE}).
 *
 * @param asOf the latest event time of everything read for the campaign (a post that left it included)
 */
record CampaignState(CampaignInput.Definition definition, Instant asOf) {
}
