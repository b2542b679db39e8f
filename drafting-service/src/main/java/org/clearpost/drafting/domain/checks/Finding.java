package org.clearpost.drafting.domain.checks;

/**
 * One content-principle check a target's content did not pass.
 *
 * @param check the check's stable code ({@link ContentChecks} lists them)
 * @param mode what the body configured for it: {@link CheckMode#WARN} or {@link CheckMode#BLOCK}
 * @param field which part of the target's rendered content: {@code text}, {@code threadParts[n]},
 *        {@code firstComment} or {@code media[n]}
 * @param start first UTF-16 index concerned in that text, or {@code null} when the finding is about the whole of it
 * @param end UTF-16 index after the last one concerned, or {@code null}
 */
public record Finding(String check, CheckMode mode, String field, Integer start, Integer end, String message) {
}
