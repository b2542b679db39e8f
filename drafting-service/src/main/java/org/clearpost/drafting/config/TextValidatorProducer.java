package org.clearpost.drafting.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.clearpost.drafting.domain.rules.CommentLimits;
import org.clearpost.drafting.domain.rules.TextLimits;
import org.clearpost.drafting.domain.rules.TextValidator;

/** Builds the text validator from configuration when the service starts, so a bad limit stops the start. */
@ApplicationScoped
public class TextValidatorProducer {

    @Produces
    @Startup
    @Singleton
    TextValidator textValidator(NetworkRules rules) {
        return new TextValidator(limits(rules), commentLimits(rules));
    }

    static CommentLimits commentLimits(NetworkRules rules) {
        return new CommentLimits(rules.facebook().maxCommentCharacters(), rules.linkedin().maxCommentCharacters(),
                rules.youtube().maxCommentCharacters());
    }

    static TextLimits limits(NetworkRules rules) {
        return new TextLimits(
                rules.x().maxWeightedLength(),
                rules.bluesky().maxGraphemes(),
                rules.bluesky().maxBytes(),
                rules.linkedin().maxCharacters(),
                rules.mastodon().maxCharacters(),
                rules.mastodon().charactersPerUrl(),
                rules.threads().maxCharacters(),
                rules.facebook().maxCharacters(),
                rules.youtube().maxTitleCharacters(),
                rules.youtube().maxDescriptionBytes());
    }
}
