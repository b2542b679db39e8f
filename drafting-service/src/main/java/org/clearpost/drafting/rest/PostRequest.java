package org.clearpost.drafting.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.clearpost.drafting.domain.PostContent;
import org.clearpost.events.Network;

/** The body of a create or edit call. */
public record PostRequest(
        @NotBlank @Size(max = 63206) String text,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid TargetRequest> targets,
        Instant scheduledAt) {

    public record TargetRequest(
            @NotNull Network network,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}_.@:-]+",
                    message = "must be an account handle or id without spaces") String account) {
    }

    PostContent toContent() {
        return new PostContent(text.strip(), targets.stream()
                .map(t -> new PostContent.Destination(t.network(), t.account())).toList(), scheduledAt);
    }
}
