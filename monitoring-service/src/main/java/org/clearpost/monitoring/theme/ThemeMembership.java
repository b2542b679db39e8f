package org.clearpost.monitoring.theme;

import java.util.UUID;

/**
 * The repeated theme a mention joined, and how many mentions the theme holds with it (within the sliding window).
 *
 * @param themeId null when the mention is in no theme
 */
public record ThemeMembership(UUID themeId, int size) {

    public static final ThemeMembership NONE = new ThemeMembership(null, 1);
}
