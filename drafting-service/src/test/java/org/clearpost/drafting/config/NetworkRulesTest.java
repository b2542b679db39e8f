package org.clearpost.drafting.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.clearpost.drafting.domain.rules.CommentLimits;
import org.clearpost.drafting.domain.rules.TextLimits;
import org.clearpost.drafting.domain.rules.TextValidator;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

/** The configuration mapping on its own (SmallRye Config, no Quarkus start). */
class NetworkRulesTest {

    private static NetworkRules rules(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(NetworkRules.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(NetworkRules.class);
    }

    @Test
    void theDefaultsAreTheNetworksPublishedLimits() {
        assertThat(TextValidatorProducer.limits(rules(Map.of()))).isEqualTo(TextLimits.DEFAULTS);
        assertThat(TextValidatorProducer.commentLimits(rules(Map.of()))).isEqualTo(CommentLimits.DEFAULTS);
    }

    @Test
    void aNetworksCommentLimitIsChangedByAProperty() {
        NetworkRules rules = rules(Map.of(
                "clearpost.networks.rules.facebook.max-comment-characters", "7000",
                "clearpost.networks.rules.linkedin.max-comment-characters", "1000",
                "clearpost.networks.rules.youtube.max-comment-characters", "9000"));
        assertThat(TextValidatorProducer.commentLimits(rules)).isEqualTo(new CommentLimits(7000, 1000, 9000));
    }

    @Test
    void aNetworksLimitIsChangedByAProperty() {
        NetworkRules rules = rules(Map.of(
                "clearpost.networks.rules.x.max-weighted-length", "25000",
                "clearpost.networks.rules.bluesky.max-graphemes", "350",
                "clearpost.networks.rules.bluesky.max-bytes", "4000",
                "clearpost.networks.rules.linkedin.max-characters", "3100",
                "clearpost.networks.rules.mastodon.max-characters", "1000",
                "clearpost.networks.rules.mastodon.characters-per-url", "20",
                "clearpost.networks.rules.threads.max-characters", "600",
                "clearpost.networks.rules.facebook.max-characters", "60000",
                "clearpost.networks.rules.youtube.max-title-characters", "90",
                "clearpost.networks.rules.youtube.max-description-bytes", "4500"));
        assertThat(TextValidatorProducer.limits(rules))
                .isEqualTo(new TextLimits(25000, 350, 4000, 3100, 1000, 20, 600, 60000, 90, 4500));
        TextValidator validator = new TextValidator(TextValidatorProducer.limits(rules));
        assertThat(validator.validate(Network.X, "a".repeat(25_000))).isEmpty();
    }
}
