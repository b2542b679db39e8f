package org.clearpost.drafting.domain.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.drafting.domain.rules.TextProblem.Severity;
import org.clearpost.events.Network;

/**
 * Checks a post's text against each network's own rules, counted the way that network counts, and says where each
 * problem is (see {@link TextProblem} for the positions: UTF-16 indexes into the text as given).
 *
 * <ul>
 * <li>X: weighted length by X's twitter-text library (links 23, emoji and CJK 2), its invalid characters.</li>
 * <li>Bluesky: grapheme clusters and UTF-8 bytes.</li>
 * <li>LinkedIn: characters after escaping; reserved characters reported as information.</li>
 * <li>Mastodon: grapheme clusters, links counted as a fixed length, remote mentions as the local name.</li>
 * <li>Threads: characters, with emoji counted as their UTF-8 bytes.</li>
 * <li>Facebook: characters. YouTube: description in UTF-8 bytes, title in characters, no {@code < >}.</li>
 * <li>Flickr, SoundCloud: no text rules yet.</li>
 * </ul>
 * Thread parts, first comments and replies to a mention are checked as what they will be published as
 * ({@link #validateReply}): a post in reply on X, Bluesky, Mastodon and Threads (the post's own rules), a comment
 * with a limit of its own ({@link CommentLimits}) on Facebook, LinkedIn and YouTube.
 * Every network: blank text is {@link Code#EMPTY}; an unpaired surrogate (half of a broken character, which cannot
 * be sent as UTF-8) is {@link Code#INVALID_CHARACTER}.
 *
 * <p>Plain Java, no framework: the service builds one from configuration ({@code NetworkRules}); tests build one
 * from {@link TextLimits}. Immutable and thread-safe.
 */
public final class TextValidator {

    private final Map<Network, TextRule> textRules = new EnumMap<>(Network.class);
    private final Map<Network, TextRule> titleRules = new EnumMap<>(Network.class);
    private final Map<Network, TextRule> commentRules = new EnumMap<>(Network.class);

    public TextValidator(TextLimits limits) {
        this(limits, CommentLimits.DEFAULTS);
    }

    public TextValidator(TextLimits limits, CommentLimits comments) {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(comments, "comments");
        textRules.put(Network.X, new XTextRule(limits.xMaxWeightedLength()));
        textRules.put(Network.BLUESKY, new BlueskyTextRule(limits.blueskyMaxGraphemes(), limits.blueskyMaxBytes()));
        textRules.put(Network.LINKEDIN, new LinkedInTextRule(limits.linkedInMaxCharacters()));
        textRules.put(Network.MASTODON,
                new MastodonTextRule(limits.mastodonMaxCharacters(), limits.mastodonCharactersPerUrl()));
        textRules.put(Network.THREADS, new ThreadsTextRule(limits.threadsMaxCharacters()));
        textRules.put(Network.FACEBOOK,
                new CharacterLimitRule(Network.FACEBOOK, Field.TEXT, limits.facebookMaxCharacters()));
        textRules.put(Network.YOUTUBE, YouTubeTextRule.description(limits.youTubeMaxDescriptionBytes()));
        titleRules.put(Network.YOUTUBE, YouTubeTextRule.title(limits.youTubeMaxTitleCharacters()));
        commentRules.put(Network.FACEBOOK,
                new CharacterLimitRule(Network.FACEBOOK, Field.COMMENT, comments.facebookMaxCharacters()));
        commentRules.put(Network.LINKEDIN, new LinkedInTextRule(Field.COMMENT, comments.linkedInMaxCharacters()));
        commentRules.put(Network.YOUTUBE,
                new CharacterLimitRule(Network.YOUTUBE, Field.COMMENT, comments.youTubeMaxCharacters()));
    }

    /** The problems of {@code text} as a post to {@code network}, in text order; empty when it can go as it is. */
    public List<TextProblem> validate(Network network, String text) {
        Objects.requireNonNull(network, "network");
        return check(network, Field.TEXT, textRules.get(network), new RuleText(Objects.requireNonNull(text, "text")));
    }

    /** The problems of one text for several networks (each once, in the order given), network by network. */
    public List<TextProblem> validate(Collection<Network> networks, String text) {
        RuleText ruleText = new RuleText(Objects.requireNonNull(text, "text"));
        List<TextProblem> problems = new ArrayList<>();
        for (Network network : new LinkedHashSet<>(networks)) {
            Objects.requireNonNull(network, "network");
            problems.addAll(check(network, Field.TEXT, textRules.get(network), ruleText));
        }
        return problems;
    }

    /**
     * The problems of {@code text} as an answer to a post already on {@code network} (a thread part, a first comment,
     * a reply to a mention): a comment where the network has comments with their own limit, else a post.
     */
    public List<TextProblem> validateReply(Network network, String text) {
        Objects.requireNonNull(network, "network");
        TextRule comment = commentRules.get(network);
        RuleText ruleText = new RuleText(Objects.requireNonNull(text, "text"));
        return comment == null ? check(network, Field.TEXT, textRules.get(network), ruleText)
                : check(network, Field.COMMENT, comment, ruleText);
    }

    /**
     * {@code text} as a post to {@code network} counted the network's way against its limit: what a composer's
     * counter shows, from the very rule {@link #validate(Network, String)} applies. Usually one measure; Bluesky
     * gives two (graphemes and bytes); none for a network without text rules (Flickr, SoundCloud).
     */
    public List<TextMeasure> measure(Network network, String text) {
        return measure(textRules.get(Objects.requireNonNull(network, "network")), text);
    }

    /** {@code text} counted as {@link #validateReply} checks it: a comment or a post in reply. */
    public List<TextMeasure> measureReply(Network network, String text) {
        TextRule comment = commentRules.get(Objects.requireNonNull(network, "network"));
        return measure(comment != null ? comment : textRules.get(network), text);
    }

    /** A title counted as {@link #validateTitle} checks it; none for a network without titles. */
    public List<TextMeasure> measureTitle(Network network, String title) {
        return measure(titleRules.get(Objects.requireNonNull(network, "network")), title);
    }

    private static List<TextMeasure> measure(TextRule rule, String text) {
        return rule == null ? List.of() : rule.measure(new RuleText(Objects.requireNonNull(text, "text")));
    }

    /** The problems of a title for {@code network}; none for a network without titles (all but YouTube so far). */
    public List<TextProblem> validateTitle(Network network, String title) {
        Objects.requireNonNull(network, "network");
        TextRule rule = titleRules.get(network);
        if (rule == null) {
            return List.of();
        }
        return check(network, Field.TITLE, rule, new RuleText(Objects.requireNonNull(title, "title")));
    }

    private static List<TextProblem> check(Network network, Field field, TextRule rule, RuleText text) {
        String s = text.value();
        if (s.isBlank()) {
            return List.of(new TextProblem(network, field, Code.EMPTY, Severity.ERROR,
                    field == Field.TITLE ? "The title is empty." : "The text is empty.", 0, s.length()));
        }
        List<TextProblem> problems = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                problems.add(new TextProblem(network, field, Code.INVALID_CHARACTER, Severity.ERROR, String.format(
                        "A broken character (a lone UTF-16 surrogate U+%04X) cannot be sent; remove it or paste the "
                                + "character again.", (int) c), i, i + 1));
            }
        }
        if (rule != null) {
            rule.check(text, problems);
        }
        problems.sort(Comparator.comparingInt(TextProblem::start).thenComparingInt(TextProblem::end));
        return List.copyOf(problems);
    }
}
