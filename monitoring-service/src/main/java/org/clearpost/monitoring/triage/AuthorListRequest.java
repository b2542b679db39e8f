package org.clearpost.monitoring.triage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.clearpost.events.Network;

/** An author to put on a list: {@code handle} as the network shows it (a leading '@' is dropped). */
public record AuthorListRequest(
        @NotNull Network network,
        @NotBlank @Size(max = 320) @Pattern(regexp = "@?[\\p{L}\\p{N}_.@:-]+") String handle,
        @NotBlank @Pattern(regexp = LIST_NAME) String list) {

    /** A list name: lower case words such as journalist, blogger, stakeholder, critic. */
    public static final String LIST_NAME = "[a-z][a-z0-9_-]{0,39}";
}
