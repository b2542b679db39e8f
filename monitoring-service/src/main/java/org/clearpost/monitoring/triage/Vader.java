package org.clearpost.monitoring.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clearpost.events.MentionTriaged;

/**
 * A port of VADER (Hutto and Gilbert 2014; vaderSentiment 3.3.2, MIT) that gives the same compound score as the
 * Python original, rule for rule, including its quirks (the "but" rule finds each score's first equal value, as
 * Python's {@code list.index} does): a person comparing with the reference tool must see the same numbers. What the
 * original lacks is the drivers: the words whose valence, after the rules, moved the score.
 *
 * Not ported: the emoji-to-description table ({@code emoji_utf8_lexicon.txt} is not in the npm package the build
 * fetches); emoticons such as ":)" are in the main lexicon and are scored.
 *
 * Thread-safe and allocation-light: the pipeline scores every mention on its consumer threads.
 */
public final class Vader {

    static final double B_INCR = 0.293;
    static final double B_DECR = -0.293;
    static final double C_INCR = 0.733;
    static final double N_SCALAR = -0.74;
    static final double POSITIVE = 0.05;
    static final double NEGATIVE = -0.05;

    private static final Set<String> NEGATE = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent",
            "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt",
            "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't",
            "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing",
            "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't",
            "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom",
            "despite");

    private static final Map<String, Double> BOOSTER = boosters();

    private static final Map<String, Double> SPECIAL_CASES = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
            "badass", 1.5, "bus stop", 0.0, "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    /** Python's {@code string.punctuation}: what is stripped from either end of a token. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Map<String, Double> lexicon;

    /** @param lexicon lower-case term to mean valence (see {@link VaderLexicon}) */
    public Vader(Map<String, Double> lexicon) {
        this.lexicon = Map.copyOf(lexicon);
    }

    /** The compound score, its label (thresholds ±0.05) and the terms that drove it. */
    public MentionTriaged.Sentiment score(String text) {
        if (text == null || text.isBlank()) {
            return new MentionTriaged.Sentiment(0, "NEUTRAL", List.of());
        }
        String[] words = wordsAndEmoticons(text);
        int n = words.length;
        String[] lower = new String[n];
        boolean[] known = new boolean[n];
        for (int i = 0; i < n; i++) {
            lower[i] = words[i].toLowerCase(Locale.ROOT);
            known[i] = lexicon.containsKey(lower[i]);
        }
        boolean capDifferential = allCapDifferential(words);
        double[] sentiments = new double[n];
        for (int i = 0; i < n; i++) {
            if (BOOSTER.containsKey(lower[i])) {
                continue;
            }
            if (i < n - 1 && lower[i].equals("kind") && lower[i + 1].equals("of")) {
                continue;
            }
            sentiments[i] = valence(words, lower, known, capDifferential, i);
        }
        butCheck(lower, sentiments);
        return scoreValence(sentiments, lower, text);
    }

    private double valence(String[] words, String[] lower, boolean[] known, boolean capDifferential, int i) {
        if (!known[i]) {
            return 0;
        }
        int n = words.length;
        double base = lexicon.get(lower[i]);
        double valence = base;
        // "no" before another lexicon word negates it rather than counting itself
        if (lower[i].equals("no") && i != n - 1 && known[i + 1]) {
            valence = 0.0;
        }
        if ((i > 0 && lower[i - 1].equals("no")) || (i > 1 && lower[i - 2].equals("no"))
                || (i > 2 && lower[i - 3].equals("no") && (lower[i - 1].equals("or") || lower[i - 1].equals("nor")))) {
            valence = base * N_SCALAR;
        }
        if (capDifferential && isUpper(words[i])) {
            valence += valence > 0 ? C_INCR : -C_INCR;
        }
        for (int start = 0; start < 3; start++) {
            int before = i - (start + 1);
            if (i > start && !known[before]) {
                double s = scalarIncDec(words[before], lower[before], valence, capDifferential);
                if (start == 1 && s != 0) {
                    s = s * 0.95;
                }
                if (start == 2 && s != 0) {
                    s = s * 0.9;
                }
                valence = valence + s;
                valence = negationCheck(valence, lower, start, i);
                if (start == 2) {
                    valence = specialIdioms(valence, lower, i);
                }
            }
        }
        return leastCheck(valence, lower, known, i);
    }

    private static double scalarIncDec(String word, String lower, double valence, boolean capDifferential) {
        Double boost = BOOSTER.get(lower);
        if (boost == null) {
            return 0.0;
        }
        double scalar = valence < 0 ? -boost : boost;
        if (capDifferential && isUpper(word)) {
            scalar += valence > 0 ? C_INCR : -C_INCR;
        }
        return scalar;
    }

    private static boolean negated(String lowerWord) {
        return NEGATE.contains(lowerWord) || lowerWord.contains("n't");
    }

    private static double negationCheck(double valence, String[] w, int start, int i) {
        if (start == 0) {
            if (negated(w[i - 1])) {
                valence = valence * N_SCALAR;
            }
        } else if (start == 1) {
            if (w[i - 2].equals("never") && (w[i - 1].equals("so") || w[i - 1].equals("this"))) {
                valence = valence * 1.25;
            } else if (w[i - 2].equals("without") && w[i - 1].equals("doubt")) {
                return valence;
            } else if (negated(w[i - 2])) {
                valence = valence * N_SCALAR;
            }
        } else {
            // As the original groups it: (never (so|this)) or (the word before is so|this)
            if ((w[i - 3].equals("never") && (w[i - 2].equals("so") || w[i - 2].equals("this")))
                    || (w[i - 1].equals("so") || w[i - 1].equals("this"))) {
                valence = valence * 1.25;
            } else if (w[i - 3].equals("without") && (w[i - 2].equals("doubt") || w[i - 1].equals("doubt"))) {
                return valence;
            } else if (negated(w[i - 3])) {
                valence = valence * N_SCALAR;
            }
        }
        return valence;
    }

    private static double specialIdioms(double valence, String[] w, int i) {
        String oneZero = w[i - 1] + " " + w[i];
        String twoOneZero = w[i - 2] + " " + w[i - 1] + " " + w[i];
        String twoOne = w[i - 2] + " " + w[i - 1];
        String threeTwoOne = w[i - 3] + " " + w[i - 2] + " " + w[i - 1];
        String threeTwo = w[i - 3] + " " + w[i - 2];
        for (String sequence : new String[] { oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo }) {
            Double special = SPECIAL_CASES.get(sequence);
            if (special != null) {
                valence = special;
                break;
            }
        }
        if (w.length - 1 > i) {
            Double special = SPECIAL_CASES.get(w[i] + " " + w[i + 1]);
            if (special != null) {
                valence = special;
            }
        }
        if (w.length - 1 > i + 1) {
            Double special = SPECIAL_CASES.get(w[i] + " " + w[i + 1] + " " + w[i + 2]);
            if (special != null) {
                valence = special;
            }
        }
        for (String nGram : new String[] { threeTwoOne, threeTwo, twoOne }) {
            Double boost = BOOSTER.get(nGram);
            if (boost != null) {
                valence = valence + boost;
            }
        }
        return valence;
    }

    private static double leastCheck(double valence, String[] w, boolean[] known, int i) {
        if (i > 1 && !known[i - 1] && w[i - 1].equals("least")) {
            if (!w[i - 2].equals("at") && !w[i - 2].equals("very")) {
                valence = valence * N_SCALAR;
            }
        } else if (i > 0 && !known[i - 1] && w[i - 1].equals("least")) {
            valence = valence * N_SCALAR;
        }
        return valence;
    }

    /**
     * "But" shifts the weight: halves what came before the first "but", 1.5 times what comes after. Ported with the
     * original's way of finding each score (the first equal value in the list), so equal scores on both sides give
     * the reference tool's numbers.
     */
    private static void butCheck(String[] lower, double[] sentiments) {
        int but = -1;
        for (int k = 0; k < lower.length; k++) {
            if (lower[k].equals("but")) {
                but = k;
                break;
            }
        }
        if (but < 0) {
            return;
        }
        for (int k = 0; k < sentiments.length; k++) {
            double sentiment = sentiments[k];
            int si = 0;
            while (sentiments[si] != sentiment) {
                si++;
            }
            if (si < but) {
                sentiments[si] = sentiment * 0.5;
            } else if (si > but) {
                sentiments[si] = sentiment * 1.5;
            }
        }
    }

    private static MentionTriaged.Sentiment scoreValence(double[] sentiments, String[] lower, String text) {
        if (sentiments.length == 0) {
            return new MentionTriaged.Sentiment(0, "NEUTRAL", List.of());
        }
        double sum = 0;
        List<MentionTriaged.Driver> drivers = new ArrayList<>(4);
        for (int k = 0; k < sentiments.length; k++) {
            sum += sentiments[k];
            if (sentiments[k] != 0) {
                drivers.add(new MentionTriaged.Driver(lower[k], Math.round(sentiments[k] * 1000) / 1000.0));
            }
        }
        double emphasis = punctuationEmphasis(text);
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        double compound = normalize(sum);
        String label = compound >= POSITIVE ? "POSITIVE" : compound <= NEGATIVE ? "NEGATIVE" : "NEUTRAL";
        return new MentionTriaged.Sentiment(Math.round(compound * 10_000) / 10_000.0, label, drivers);
    }

    /** "!" adds emphasis up to four of them; "?" only from two on, capped at 0.96. */
    static double punctuationEmphasis(String text) {
        int exclamations = 0;
        int questions = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double amplifier = Math.min(exclamations, 4) * 0.292;
        if (questions > 1) {
            amplifier += questions <= 3 ? questions * 0.18 : 0.96;
        }
        return amplifier;
    }

    static double normalize(double score) {
        double normalized = score / Math.sqrt(score * score + 15);
        return Math.max(-1.0, Math.min(1.0, normalized));
    }

    /** Splits on white space and strips punctuation from either end, unless that leaves two characters or fewer. */
    static String[] wordsAndEmoticons(String text) {
        List<String> tokens = new ArrayList<>(text.length() / 5 + 1);
        int start = -1;
        for (int k = 0; k <= text.length(); k++) {
            boolean space = k == text.length() || Character.isWhitespace(text.charAt(k))
                    || Character.isSpaceChar(text.charAt(k));
            if (!space && start < 0) {
                start = k;
            } else if (space && start >= 0) {
                tokens.add(stripPunctuationIfWord(text.substring(start, k)));
                start = -1;
            }
        }
        return tokens.toArray(String[]::new);
    }

    private static String stripPunctuationIfWord(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && PUNCTUATION.indexOf(token.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && PUNCTUATION.indexOf(token.charAt(to - 1)) >= 0) {
            to--;
        }
        return token.codePointCount(from, to) <= 2 ? token : token.substring(from, to);
    }

    /** Python's {@code str.isupper}: at least one cased character and none in lower (or title) case. */
    static boolean isUpper(String word) {
        boolean cased = false;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                cased = true;
            }
        }
        return cased;
    }

    /** Whether some, but not all, words are in capitals: only then are capitals emphasis. */
    private static boolean allCapDifferential(String[] words) {
        int upper = 0;
        for (String word : words) {
            if (isUpper(word)) {
                upper++;
            }
        }
        int differential = words.length - upper;
        return differential > 0 && differential < words.length;
    }

    private static Map<String, Double> boosters() {
        Map<String, Double> boosters = new java.util.HashMap<>();
        for (String word : List.of("absolutely", "amazingly", "awfully", "completely", "considerable",
                "considerably", "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
                "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin",
                "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking",
                "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely",
                "major", "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so",
                "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously", "uber",
                "unbelievably", "unusually", "utter", "utterly", "very")) {
            boosters.put(word, B_INCR);
        }
        for (String word : List.of("almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof",
                "kind-of", "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
                "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of")) {
            boosters.put(word, B_DECR);
        }
        return Map.copyOf(boosters);
    }
}
