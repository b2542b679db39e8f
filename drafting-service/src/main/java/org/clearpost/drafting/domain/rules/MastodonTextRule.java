package org.clearpost.drafting.domain.rules;

import com.twitter.twittertext.Extractor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.drafting.domain.rules.TextProblem.Code;
import org.clearpost.drafting.domain.rules.TextProblem.Field;
import org.clearpost.events.Network;

/**
 * Mastodon, as its {@code StatusLengthValidator} counts: grapheme clusters, except that every link with a protocol
 * ({@code https://...}; a bare {@code example.com} is plain text) counts {@code charactersPerUrl} however long, and a
 * mention of a remote account {@code @name@instance.example} counts only as {@code @name}. Links are found with the
 * twitter-text extractor Mastodon itself uses; mentions with Mastodon's {@code Account::MENTION_RE}. The limit is
 * the instance's {@code max_characters} (500 by default); content warnings, which also count there, are not part of
 * a Clearpost post.
 */
final class MastodonTextRule extends TextRule {

    /** Mastodon's {@code Account::MENTION_RE} with {@code USERNAME_RE}; group 2 is the local username. */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![=/\\w])@(([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(?:@([\\w.-]+\\w+))?)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    /** twitter-text's {@code end_mention_match}: what may not follow a mention (Mastodon checks it too). */
    private static final Pattern END_MENTION = Pattern.compile(
            "\\A(?:[@\uFF20]|[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259"
                    + "\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF]|://)");
    private static final int MAX_DOMAIN_LENGTH = 253;

    private final int maxCharacters;
    private final int charactersPerUrl;
    private final Extractor urls;

    MastodonTextRule(int maxCharacters, int charactersPerUrl) {
        super(Network.MASTODON, Field.TEXT);
        this.maxCharacters = maxCharacters;
        this.charactersPerUrl = charactersPerUrl;
        this.urls = new Extractor();
        this.urls.setExtractURLWithoutProtocol(false);
    }

    private record Entity(int start, int end, int weight) {
    }

    @Override
    void check(RuleText text, List<TextProblem> problems) {
        Tally tally = tally(text);
        if (tally.over()) {
            problems.add(overLimit(Code.TOO_LONG, text, tally, unit()));
        }
    }

    @Override
    List<TextMeasure> measure(RuleText text) {
        return List.of(measured(tally(text), unit()));
    }

    private String unit() {
        return "characters (each link counts " + charactersPerUrl + ")";
    }

    private Tally tally(RuleText text) {
        String s = text.value();
        List<Entity> entities = entities(s);
        int[] b = text.clusters();
        Tally tally = new Tally(maxCharacters);
        int pos = 0;
        int bi = 0;
        int ei = 0;
        while (pos < s.length()) {
            if (ei < entities.size() && entities.get(ei).start() <= pos) {
                Entity e = entities.get(ei++);
                tally.add(pos, e.weight());
                pos = e.end();
                continue;
            }
            while (b[bi] <= pos) {
                bi++;
            }
            int end = b[bi];
            if (ei < entities.size() && entities.get(ei).start() < end) {
                end = entities.get(ei).start();
            }
            tally.add(pos, 1);
            pos = end;
        }
        return tally;
    }

    /** Links and mentions, in order, overlaps removed keeping the earlier one, as Mastodon does. */
    private List<Entity> entities(String s) {
        List<Entity> all = new ArrayList<>();
        for (Extractor.Entity url : urls.extractURLsWithIndices(s)) {
            all.add(new Entity(url.getStart(), url.getEnd(), charactersPerUrl));
        }
        if (s.indexOf('@') >= 0 || s.indexOf('\uFF20') >= 0) {
            Matcher m = MENTION.matcher(s);
            while (m.find()) {
                String domain = m.group(3);
                if (END_MENTION.matcher(s).region(m.end(), s.length()).lookingAt()
                        || (domain != null && domain.length() > MAX_DOMAIN_LENGTH)) {
                    continue;
                }
                all.add(new Entity(m.start(), m.end(), 1 + m.group(2).length()));
            }
        }
        all.sort(Comparator.comparingInt(Entity::start));
        List<Entity> kept = new ArrayList<>(all.size());
        int lastEnd = 0;
        for (Entity e : all) {
            if (e.start() >= lastEnd) {
                kept.add(e);
                lastEnd = e.end();
            }
        }
        return kept;
    }
}
