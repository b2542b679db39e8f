package org.clearpost.drafting.domain.rules;

import java.util.Objects;
import org.clearpost.events.Network;

/**
 * One thing wrong with (or worth knowing about) a text for one network.
 *
 * <p>{@code start} and {@code end} locate it in the text exactly as it was given to {@link TextValidator}: they are
 * <b>UTF-16 code unit indexes</b> (Java {@code String} and JavaScript string indexes, so a browser can use them
 * directly), {@code start} inclusive and {@code end} exclusive. They never split a surrogate pair, and the range of a
 * {@link Code#TOO_LONG} or {@link Code#TOO_MANY_BYTES} starts at a user-perceived character (grapheme cluster): it
 * runs from the first character the network would not take to the end of the text.
 *
 * @param network  the network whose rule this is
 * @param field    which text of the post: the post text, a title (YouTube), or a comment (where thread parts and
 *                 first comments are published as comments with a limit of their own)
 * @param code     what kind of problem, for programs
 * @param severity {@link Severity#ERROR} stops publication to that network; {@link Severity#INFO} does not
 * @param message  what is wrong and what to do, for people
 * @param start    first UTF-16 index concerned, inclusive
 * @param end      UTF-16 index after the last one concerned, exclusive
 */
public record TextProblem(Network network, Field field, Code code, Severity severity, String message, int start,
        int end) {

    public TextProblem {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public enum Code {
        /** Nothing but white space. */
        EMPTY,
        /** Over the network's length limit, counted the network's way (weighted, graphemes or characters). */
        TOO_LONG,
        /** Over a limit the network counts in UTF-8 bytes (Bluesky's 3,000, YouTube's description). */
        TOO_MANY_BYTES,
        /** A character the network refuses (X: U+FEFF, U+FFFE, U+FFFF; YouTube: {@code < >}), or a broken one. */
        INVALID_CHARACTER,
        /** Information: LinkedIn markup characters that will be sent escaped so that they show as written. */
        ESCAPED_CHARACTERS
    }

    public enum Severity {
        ERROR, INFO
    }

    public enum Field {
        /** The post's text (on YouTube, the video description). */
        TEXT,
        /** A title, for networks that have one (YouTube). */
        TITLE,
        /**
         * A comment under the post: how Facebook, LinkedIn and YouTube publish thread parts, first comments and
         * replies to a mention, each with a limit of its own. (X, Bluesky, Mastodon and Threads publish those as
         * posts in reply, checked as {@link #TEXT}.)
         */
        COMMENT
    }
}
