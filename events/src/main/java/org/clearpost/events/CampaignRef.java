package org.clearpost.events;

import java.time.LocalDate;

/** The campaign a post belongs to, as it stood when the post was submitted. */
public record CampaignRef(String slug, String name, LocalDate startsOn, LocalDate endsOn) {
}
