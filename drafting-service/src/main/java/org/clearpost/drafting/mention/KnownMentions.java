package org.clearpost.drafting.mention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.events.ExternalPost;
import org.clearpost.events.MentionReceived;

/** The mentions drafting has heard of from monitoring, which replies may answer. */
@ApplicationScoped
public class KnownMentions {

    /** The mentioned post as a reply names it, or empty if monitoring never reported this mention. */
    @Transactional
    public Optional<ExternalPost> find(UUID mentionId) {
        return KnownMention.<KnownMention>findByIdOptional(mentionId).map(KnownMention::toExternalPost);
    }

    @Transactional
    public Optional<KnownMention> get(UUID mentionId) {
        return KnownMention.findByIdOptional(mentionId);
    }

    /** Records a mention once; the same mention reported again (by a new event) changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(MentionReceived event) {
        if (KnownMention.findById(event.mentionId()) == null) {
            KnownMention.of(event).persist();
        }
    }

    /**
     * Records the mention a reply answers if its MentionReceived never reached drafting (monitoring stored it before
     * drafting listened, or it came from outside the pipeline), with what the reply request says of it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(ExternalPost mention, String account) {
        if (KnownMention.findById(mention.mentionId()) == null) {
            KnownMention.of(mention, account).persist();
        }
    }
}
