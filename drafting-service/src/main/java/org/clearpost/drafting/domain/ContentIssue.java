package org.clearpost.drafting.domain;

import java.util.UUID;
import org.clearpost.events.Network;

/**
 * One thing wrong with (or worth knowing about) what a target will publish: a network's text or media rule, or one
 * of the body's content-principle checks.
 *
 * @param field JSON path of what it concerns: {@code targets[0].text}, {@code targets[0].threadParts[1]},
 *        {@code targets[0].title}, {@code targets[0].firstComment}, {@code targets[0].media},
 *        {@code targets[0].media[2]}
 * @param code a network rule's code ({@code TOO_LONG}, {@code MEDIA_REQUIRED}, ...) or a check's code
 *        ({@code reading-age}, {@code alt-text}, ...)
 * @param severity {@link Severity#ERROR} stops submission; {@link Severity#WARNING} is shown and sent to the clearer;
 *        {@link Severity#INFO} is for the drafter only
 * @param start first UTF-16 index concerned in the target's <em>rendered</em> text for that field, or {@code null}
 * @param end UTF-16 index after the last one concerned, or {@code null}
 */
public record ContentIssue(UUID targetId, Network network, String account, String field, String code,
        Severity severity, Integer start, Integer end, String message) {

    public enum Severity {
        ERROR, WARNING, INFO
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
