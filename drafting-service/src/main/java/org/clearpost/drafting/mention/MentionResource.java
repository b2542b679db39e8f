package org.clearpost.drafting.mention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.support.problem.ProblemException;
import org.clearpost.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/mentions")
@SecurityRequirement(name = "SecurityScheme")
public class MentionResource {

    private final KnownMentions mentions;

    public MentionResource(KnownMentions mentions) {
        this.mentions = mentions;
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.DRAFTER)
    public MentionView get(@PathParam("id") UUID id) {
        return mentions.get(id).map(MentionView::of).orElseThrow(() -> ProblemException.notFound("Mention", id));
    }

    public record MentionView(UUID mentionId, Network network, String externalId, String account, String authorId,
            String authorName, String text, String url, Instant mentionedAt, Instant receivedAt) {

        static MentionView of(KnownMention m) {
            return new MentionView(m.mentionId, m.network, m.externalId, m.account, m.authorId, m.authorName, m.text,
                    m.url, m.mentionedAt, m.receivedAt);
        }
    }
}
