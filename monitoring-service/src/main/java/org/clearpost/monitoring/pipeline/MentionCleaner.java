package org.clearpost.monitoring.pipeline;

import java.util.List;
import java.util.Objects;
import org.clearpost.monitoring.domain.NormalisedMention;
import org.clearpost.support.json.InputText;
import org.jboss.logging.Logger;

/**
 * Makes a normalised mention storable whatever the network sent: NUL characters and unpaired UTF-16 surrogates (which
 * PostgreSQL and UTF-8 cannot hold) are removed from every text field, and each field is cut to its maximum
 * ({@link NetworkLimits}), never between a surrogate pair. Never throws: one bad mention must not fail its batch.
 */
public final class MentionCleaner {

    private static final Logger LOG = Logger.getLogger(MentionCleaner.class);

    private MentionCleaner() {
    }

    public static NormalisedMention clean(NormalisedMention m) {
        NormalisedMention cleaned = new NormalisedMention(m.network(), field(m.externalId()), fields(m.aliasIds()),
                field(m.account()), field(m.authorId()), field(m.authorHandle()), field(m.authorName()),
                text(m.text(), NetworkLimits.text(m.network())), text(m.url(), NetworkLimits.URL), field(m.lang()),
                fields(m.hashtags()), fields(m.mentionedHandles()), m.mentionedAt(), m.deliveredAt());
        if (!Objects.equals(cleaned.text(), m.text())) {
            LOG.warnf("Mention %s/%s: text of %d characters cleaned of NUL or unpaired surrogates and cut to %d: "
                    + "kept %d", m.network(), cleaned.externalId(), m.text().length(),
                    NetworkLimits.text(m.network()), cleaned.text().length());
        }
        return cleaned;
    }

    private static String field(String value) {
        return text(value, NetworkLimits.FIELD);
    }

    private static List<String> fields(List<String> values) {
        return values.stream().map(MentionCleaner::field).filter(v -> v != null && !v.isEmpty()).toList();
    }

    private static String text(String value, int max) {
        return InputText.cleanAndCut(value, max);
    }
}
