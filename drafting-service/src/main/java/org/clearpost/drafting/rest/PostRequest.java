package org.clearpost.drafting.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.clearpost.drafting.campaign.AccountRequest;
import org.clearpost.drafting.domain.PostContent;
import org.clearpost.events.Network;
import org.clearpost.support.problem.Problem;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.time.LondonTime;

/**
 * The body of a create or edit call. {@code scheduledFor} is Europe/London wall-clock time, e.g.
 * {@code "2027-03-28T09:30"}; omitted, the post goes out once cleared.
 */
public record PostRequest(
        @NotBlank @Size(max = 63206) String text,
        @Size(max = 25) List<@NotBlank @Size(max = 63206) String> threadParts,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid TargetRequest> targets,
        @Size(max = 100) @Pattern(regexp = SLUG, message = "must be a campaign slug: lower-case letters and digits "
                + "in words joined by '-'") String campaign,
        UUID liveEventId,
        @Size(max = 2000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String essentialReason,
        UUID replyToMentionId,
        @Valid RepostRequest repostOf,
        @JsonFormat(pattern = LondonTime.WALL_CLOCK) LocalDateTime scheduledFor) {

    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String NOT_BLANK = "(?s).*\\S.*";
    /** Networks whose posts have a title. */
    static final Set<Network> TITLED = EnumSet.of(Network.YOUTUBE, Network.FLICKR, Network.SOUNDCLOUD);

    public record TargetRequest(
            @NotNull Network network,
            @NotBlank @Size(max = 100) @Pattern(regexp = AccountRequest.HANDLE,
                    message = AccountRequest.HANDLE_MESSAGE) String account,
            @Size(max = 63206) @Pattern(regexp = NOT_BLANK, message = "must not be blank; leave it out to use "
                    + "the post's text") String text,
            @Size(max = 500) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
            @Size(max = 20) List<@NotNull UUID> mediaIds,
            @Size(max = 8000) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String firstComment,
            @Size(max = 100) @Pattern(regexp = AccountRequest.HANDLE,
                    message = AccountRequest.HANDLE_MESSAGE) String shares) {
    }

    public record RepostRequest(
            @NotNull Network network,
            @NotBlank @Size(max = 200) String externalId,
            @Size(max = 200) String author,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url) {
    }

    /**
     * The content, after the rules between fields that Bean Validation cannot express: each account once, titles only
     * where the network has them, shares naming another (non-sharing) target on the same network, media listed once,
     * and a London time that exists.
     */
    PostContent toContent() {
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            TargetRequest target = targets.get(i);
            String at = "targets[" + i + "]";
            if (!seen.add(target.network() + "/" + target.account())) {
                violations.add(new Problem.Violation(at, target.network() + " account " + target.account()
                        + " is listed twice"));
            }
            if (target.title() != null && !TITLED.contains(target.network())) {
                violations.add(new Problem.Violation(at + ".title", target.network() + " posts have no title; "
                        + "titles are for " + TITLED));
            }
            if (target.mediaIds() != null && new HashSet<>(target.mediaIds()).size() != target.mediaIds().size()) {
                violations.add(new Problem.Violation(at + ".mediaIds", "lists the same media more than once"));
            }
            if (target.shares() != null && (target.text() != null || target.title() != null
                    || target.firstComment() != null || (target.mediaIds() != null && !target.mediaIds().isEmpty()))) {
                violations.add(new Problem.Violation(at + ".shares", "a share publishes what the shared target "
                        + "publishes: leave out its text, title, media and first comment"));
            } else if (target.shares() != null) {
                sharesViolation(target).ifPresent(m -> violations.add(new Problem.Violation(at + ".shares", m)));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("The request has " + violations.size() + " invalid field(s)",
                    violations);
        }
        return new PostContent(text.strip(), threadParts == null ? List.of()
                : threadParts.stream().map(String::strip).toList(),
                targets.stream().map(t -> new PostContent.TargetContent(t.network(), t.account(), strip(t.text()),
                        strip(t.title()), t.mediaIds(), strip(t.firstComment()), t.shares())).toList(),
                campaign, liveEventId, strip(essentialReason), replyToMentionId,
                repostOf == null ? null : new PostContent.Repost(repostOf.network(), repostOf.externalId(),
                        repostOf.author(), repostOf.url()),
                scheduledFor == null ? null : LondonTime.toInstant(scheduledFor, "scheduledFor"));
    }

    private Optional<String> sharesViolation(TargetRequest target) {
        if (target.shares().equals(target.account())) {
            return Optional.of("a target cannot share itself");
        }
        TargetRequest shared = targets.stream()
                .filter(t -> t.network() == target.network() && t.shares() == null
                        && target.shares().equals(t.account()))
                .findFirst().orElse(null);
        if (shared == null) {
            return Optional.of("must be the account of another target of this post on "
                    + target.network() + " that publishes the post itself (not a share)");
        }
        return Optional.empty();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
