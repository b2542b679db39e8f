package org.clearpost.drafting.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import org.clearpost.drafting.domain.OwnSiteLinks;
import org.clearpost.drafting.domain.PostAssessor;
import org.clearpost.drafting.domain.checks.CheckSettings;
import org.clearpost.drafting.domain.checks.ContentChecks;
import org.clearpost.drafting.domain.rules.MediaLimits;
import org.clearpost.drafting.domain.rules.MediaRules;
import org.clearpost.drafting.domain.rules.TextValidator;
import org.clearpost.events.Network;

/** Builds the post assessor from configuration when the service starts, so a bad setting stops the start. */
@ApplicationScoped
public class PostAssessorProducer {

    @Produces
    @Startup
    @Singleton
    PostAssessor postAssessor(TextValidator textValidator, NetworkMedia media, ContentPrinciples principles) {
        OwnSiteLinks ownSite = new OwnSiteLinks(principles.ownSiteDomains());
        return new PostAssessor(textValidator, new MediaRules(mediaLimits(media)),
                new ContentChecks(settings(principles.checks()), ownSite), ownSite);
    }

    static Map<Network, MediaLimits> mediaLimits(NetworkMedia media) {
        Map<Network, MediaLimits> limits = new EnumMap<>(Network.class);
        media.networks().forEach((name, l) -> limits.put(network(name), new MediaLimits(l.maxImages(), l.maxVideos(),
                l.maxAudio(), l.mixed(), l.maxImageBytes(), l.maxVideoBytes(), l.maxAudioBytes(),
                l.required().orElse(null))));
        return limits;
    }

    private static Network network(String name) {
        try {
            return Network.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("clearpost.networks.media." + name + " is not a network; networks are "
                    + java.util.Arrays.toString(Network.values()), e);
        }
    }

    static CheckSettings settings(ContentPrinciples.Checks checks) {
        return new CheckSettings(
                checks.readingEase().mode(), checks.readingEase().minScore(),
                checks.readingAge().mode(), checks.readingAge().maxAge(),
                checks.readabilityMinWords(),
                checks.ownSiteLink().mode(),
                checks.utm().mode(),
                checks.altText().mode(),
                checks.hashtagCase().mode(), checks.hashtagCase().minLength(),
                checks.shouting().mode(), checks.shouting().maxRatio(), checks.shouting().minLetters(),
                checks.emoji().mode(), checks.emoji().maxPerWord());
    }
}
