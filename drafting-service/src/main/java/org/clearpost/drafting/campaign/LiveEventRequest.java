package org.clearpost.drafting.campaign;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.clearpost.support.time.LondonTime;

/**
 * The body of a live event's create or edit call. {@code startsAt} and {@code endsAt} are Europe/London wall-clock
 * time, e.g. {@code "2027-05-10T09:00"}, as a post's {@code scheduledFor} ({@code LondonTime}).
 */
public record LiveEventRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @JsonFormat(pattern = LondonTime.WALL_CLOCK) LocalDateTime startsAt,
        @NotNull @JsonFormat(pattern = LondonTime.WALL_CLOCK) LocalDateTime endsAt,
        @Size(max = 100) @Pattern(regexp = Accounts.HASHTAG,
                message = "must be one hashtag: letters, digits and underscores") String hashtag,
        @Size(max = 50) List<@NotNull @Valid AccountRequest> accounts) {
}
