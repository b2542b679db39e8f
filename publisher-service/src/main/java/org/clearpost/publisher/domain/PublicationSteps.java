package org.clearpost.publisher.domain;

import java.util.List;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.Network;
import org.clearpost.publisher.network.PublishStep;

/**
 * The calls one publication makes, in order: the post (or reply, repost, share), each further thread part as a reply
 * to the part before it, then the first comment under the post. A share is one call. Pure logic: the ledger records
 * each step as it goes live, so none is ever made twice.
 */
public final class PublicationSteps {

    private PublicationSteps() {
    }

    /** What the next step is, or why the publication cannot go on. */
    public sealed interface Next {
    }

    public record Call(PublishStep step) implements Next {
    }

    public record Impossible(String reason) implements Next {
    }

    public static int count(PublicationContent content, boolean share) {
        return share ? 1 : 1 + content.threadParts().size() + (content.hasFirstComment() ? 1 : 0);
    }

    /**
     * @param shared the publication a share target shares, already settled (the claim query waits for that); null
     *        for a publication that shares nothing
     */
    public static Next next(Publication publication, PublicationContent content, Publication shared) {
        int step = publication.stepsDone;
        List<String> parts = content.threadParts();
        if (step == 0) {
            return first(publication, content, shared);
        }
        if (step <= parts.size()) {
            return new Call(new PublishStep.Reply(parts.get(step - 1), List.of(), publication.lastExternalId));
        }
        return new Call(new PublishStep.Reply(content.firstComment(), List.of(), publication.externalId));
    }

    /** Names step {@code index} (0-based) in failure reasons. */
    public static String describe(int index, PublicationContent content) {
        int parts = content.threadParts().size();
        if (index == 0) {
            return "the post";
        }
        return index <= parts ? "thread part " + (index + 1) + " of " + (parts + 1) : "the first comment";
    }

    private static Next first(Publication publication, PublicationContent content, Publication shared) {
        String text = publication.text == null || publication.text.isBlank() ? null : publication.text;
        if (publication.sharesTargetId != null) {
            return share(publication, shared, text);
        }
        if (content.repostOf() != null) {
            ExternalPost original = content.repostOf();
            if (publication.network == Network.X && original.network() != Network.X) {
                return new Impossible("a post on " + original.network() + " cannot be reposted on X");
            }
            return new Call(new PublishStep.Share(text, original.externalId(), original.url()));
        }
        if (text == null) {
            return new Impossible("there is no text to publish");
        }
        if (content.replyTo() != null) {
            ExternalPost mention = content.replyTo();
            if (mention.network() != publication.network) {
                return new Impossible("a reply to a post on " + mention.network() + " can only be published on "
                        + mention.network());
            }
            return new Call(new PublishStep.Reply(text, content.media(), mention.externalId()));
        }
        return new Call(new PublishStep.Post(text, content.media(), content.title()));
    }

    private static Next share(Publication publication, Publication shared, String text) {
        if (shared == null) {
            return new Impossible("it shares target " + publication.sharesTargetId + ", which is not in the post");
        }
        if (shared.status != PublicationStatus.PUBLISHED) {
            String reason = shared.failureReason == null ? "" : ": " + shared.failureReason;
            return new Impossible("the shared " + shared.network + " post of " + shared.account + " was not "
                    + "published (" + shared.status + reason + ")");
        }
        if (publication.network == Network.X) {
            if (shared.network != Network.X) {
                return new Impossible("a post on " + shared.network + " cannot be reposted on X");
            }
            // Never the same text from a second account: X forbids it, and a repost credits the campaign account.
            return new Call(new PublishStep.Share(null, shared.externalId, shared.url));
        }
        return new Call(new PublishStep.Share(text, shared.externalId, shared.url));
    }
}
