package org.clearpost.analytics.engagement;

import java.time.Instant;
import java.util.Map;

/**
 * What the campaign step keeps per campaign: its definition (null until read) and each post's published targets.
 *
 * @param asOf the latest event time of everything read for the campaign (a post that left it included)
 */
record CampaignState(CampaignInput.Definition definition, Map<String, CampaignInput.PostLines> posts, Instant asOf) {
}
