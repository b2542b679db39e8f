package org.clearpost.drafting.domain.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearpost.drafting.domain.OwnSiteLinks;
import org.clearpost.events.MediaItem;
import org.clearpost.events.MediaKind;

/**
 * The body's content principles, checked on what one target will publish. Each check has a stable code, and the
 * body sets each one {@link CheckMode#OFF}, {@link CheckMode#WARN} or {@link CheckMode#BLOCK}:
 *
 * <ul>
 * <li>{@code reading-ease}: Flesch reading ease of the text and thread parts together below the minimum.</li>
 * <li>{@code reading-age}: Flesch-Kincaid grade + 5 above the maximum age. Both readability checks skip texts of
 * fewer words than the minimum, where the formulas say nothing.</li>
 * <li>{@code own-site-link}: an informative post links to the body's own website somewhere in its text, thread or
 * first comment. Informative means: not a reply to a mention, not a repost of someone else's post, not a share of
 * another target, and not a quick post during a live event (those report, they do not inform).</li>
 * <li>{@code utm}: an own-site link carries a {@code utm_source} of another network (rendering tags every untagged
 * own-site link, so this catches tags copied from elsewhere).</li>
 * <li>{@code alt-text}: every image has alternative text.</li>
 * <li>{@code hashtag-case}: a long hashtag all in lower or all in upper case (looks like run-together words,
 * unreadable by screen readers): use CamelCase, {@code #CleanAirZone}.</li>
 * <li>{@code shouting}: too large a share of capital letters (links, mentions and hashtags not counted).</li>
 * <li>{@code emoji}: too many emoji per word.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class ContentChecks {

    public static final String READING_EASE = "reading-ease";
    public static final String READING_AGE = "reading-age";
    public static final String OWN_SITE_LINK = "own-site-link";
    public static final String UTM = "utm";
    public static final String ALT_TEXT = "alt-text";
    public static final String HASHTAG_CASE = "hashtag-case";
    public static final String SHOUTING = "shouting";
    public static final String EMOJI = "emoji";

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&/])#([\\p{L}\\p{N}_]+)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private final CheckSettings settings;
    private final OwnSiteLinks ownSite;

    public ContentChecks(CheckSettings settings, OwnSiteLinks ownSite) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ownSite = Objects.requireNonNull(ownSite, "ownSite");
    }

    /** Every check the target's content fails, except those the body turned off; in check order. */
    public List<Finding> check(CheckInput input) {
        List<Finding> findings = new ArrayList<>();
        readability(input, findings);
        ownSiteLink(input, findings);
        utm(input, findings);
        altText(input, findings);
        eachText(input, (field, text) -> hashtags(field, text, findings));
        eachText(input, (field, text) -> shouting(field, text, findings));
        eachText(input, (field, text) -> emoji(field, text, findings));
        return List.copyOf(findings);
    }

    private void readability(CheckInput input, List<Finding> findings) {
        if (settings.readingEase() == CheckMode.OFF && settings.readingAge() == CheckMode.OFF) {
            return;
        }
        String prose = String.join("\n", prose(input));
        Readability.Counts counts = Readability.count(prose);
        if (counts.words() < settings.readabilityMinWords()) {
            return;
        }
        double ease = counts.readingEase();
        if (settings.readingEase() != CheckMode.OFF && ease < settings.readingEaseMinScore()) {
            findings.add(new Finding(READING_EASE, settings.readingEase(), "text", null, null, String.format(
                    Locale.ROOT, "Hard to read: Flesch reading ease %.0f, below %.0f. Use shorter sentences and "
                            + "shorter words.", ease, settings.readingEaseMinScore())));
        }
        double age = counts.readingAge();
        if (settings.readingAge() != CheckMode.OFF && age > settings.readingAgeMax()) {
            findings.add(new Finding(READING_AGE, settings.readingAge(), "text", null, null, String.format(
                    Locale.ROOT, "Reading age %.0f, above %.0f. Use shorter sentences and plainer words.", age,
                    settings.readingAgeMax())));
        }
    }

    private static List<String> prose(CheckInput input) {
        List<String> texts = new ArrayList<>();
        texts.add(input.text());
        texts.addAll(input.threadParts());
        return texts;
    }

    private void ownSiteLink(CheckInput input, List<Finding> findings) {
        if (settings.ownSiteLink() == CheckMode.OFF || !input.ownSiteLinkExpected()) {
            return;
        }
        List<String> texts = new ArrayList<>(prose(input));
        if (input.firstComment() != null) {
            texts.add(input.firstComment());
        }
        if (texts.stream().allMatch(t -> ownSite.ownSiteLinks(t).isEmpty())) {
            findings.add(new Finding(OWN_SITE_LINK, settings.ownSiteLink(), "text", null, null,
                    "An informative post should link to our website, in the text, the thread or the first "
                            + "comment."));
        }
    }

    private void utm(CheckInput input, List<Finding> findings) {
        if (settings.utm() == CheckMode.OFF) {
            return;
        }
        String network = input.network().name().toLowerCase(Locale.ROOT);
        eachText(input, (field, text) -> {
            for (OwnSiteLinks.Link link : ownSite.ownSiteLinks(text)) {
                String source = OwnSiteLinks.utmSource(link.url());
                if (source != null && !source.equalsIgnoreCase(network)) {
                    findings.add(new Finding(UTM, settings.utm(), field, link.start(), link.end(), "This link says "
                            + "utm_source=" + source + " but goes to " + network + "; remove the utm_ parameters and "
                            + "they are added correctly."));
                }
            }
        });
    }

    private void altText(CheckInput input, List<Finding> findings) {
        if (settings.altText() == CheckMode.OFF) {
            return;
        }
        for (int i = 0; i < input.media().size(); i++) {
            MediaItem item = input.media().get(i);
            if (item.kind() == MediaKind.IMAGE && (item.altText() == null || item.altText().isBlank())) {
                findings.add(new Finding(ALT_TEXT, settings.altText(), "media[" + i + "]", null, null,
                        "Image " + (i + 1) + " has no alternative text; describe it for people who cannot see it."));
            }
        }
    }

    private void hashtags(String field, String text, List<Finding> findings) {
        if (settings.hashtagCase() == CheckMode.OFF) {
            return;
        }
        Matcher hashtag = HASHTAG.matcher(text);
        while (hashtag.find()) {
            String tag = hashtag.group(1);
            String letters = tag.replaceAll("[^\\p{L}]", "");
            boolean oneCase = letters.equals(letters.toLowerCase(Locale.ROOT))
                    || letters.equals(letters.toUpperCase(Locale.ROOT));
            if (letters.length() >= settings.hashtagMinLength() && oneCase) {
                findings.add(new Finding(HASHTAG_CASE, settings.hashtagCase(), field, hashtag.start(), hashtag.end(),
                        "#" + tag + " looks like several words run together: write it in CamelCase (a capital at "
                                + "the start of each word) so people and screen readers can read it."));
            }
        }
    }

    private void shouting(String field, String text, List<Finding> findings) {
        if (settings.shouting() == CheckMode.OFF) {
            return;
        }
        String prose = Readability.NOT_PROSE.matcher(text).replaceAll(" ");
        long letters = prose.codePoints().filter(Character::isLetter).count();
        long capitals = prose.codePoints().filter(Character::isUpperCase).count();
        if (letters >= settings.shoutingMinLetters() && (double) capitals / letters > settings.shoutingMaxRatio()) {
            findings.add(new Finding(SHOUTING, settings.shouting(), field, 0, text.length(), String.format(Locale.ROOT,
                    "%d%% of the letters are capitals, above %.0f%%: capitals read as shouting and are harder to "
                            + "read.", Math.round(100.0 * capitals / letters), 100 * settings.shoutingMaxRatio())));
        }
    }

    private void emoji(String field, String text, List<Finding> findings) {
        if (settings.emoji() == CheckMode.OFF) {
            return;
        }
        int emoji = 0;
        Matcher grapheme = GRAPHEME.matcher(text);
        while (grapheme.find()) {
            if (grapheme.group().codePoints().anyMatch(ContentChecks::isEmoji)) {
                emoji++;
            }
        }
        if (emoji == 0) {
            return;
        }
        int words = 0;
        Matcher word = WORD.matcher(Readability.NOT_PROSE.matcher(text).replaceAll(" "));
        while (word.find()) {
            words++;
        }
        if ((double) emoji / Math.max(words, 1) > settings.emojiMaxPerWord()) {
            findings.add(new Finding(EMOJI, settings.emoji(), field, 0, text.length(), String.format(Locale.ROOT,
                    "%d emoji for %d words, more than %.2f per word: screen readers read out every one.", emoji,
                    words, settings.emojiMaxPerWord())));
        }
    }

    /** Pictographs, symbols and flags: the emoji blocks, without the ordinary punctuation that may take VS16. */
    static boolean isEmoji(int codePoint) {
        return (codePoint >= 0x1F000 && codePoint <= 0x1FAFF) || (codePoint >= 0x2600 && codePoint <= 0x27BF)
                || (codePoint >= 0x2B00 && codePoint <= 0x2BFF) || (codePoint >= 0x2300 && codePoint <= 0x23FF);
    }

    private interface TextVisitor {
        void visit(String field, String text);
    }

    private static void eachText(CheckInput input, TextVisitor visitor) {
        visitor.visit("text", input.text());
        for (int i = 0; i < input.threadParts().size(); i++) {
            visitor.visit("threadParts[" + i + "]", input.threadParts().get(i));
        }
        if (input.firstComment() != null) {
            visitor.visit("firstComment", input.firstComment());
        }
    }
}
