package org.clearpost.monitoring.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The MinHash/LSH maths, and a printed measurement of how well it separates near-duplicates from other texts. */
class MinHashTest {

    private final MinHash minHash = new MinHash(60, 20, false, 3);

    @Test
    void foldsCaseAccentsAndDropsLinksAndHandles() {
        assertThat(minHash.words("@ICO Café DATA-protection https://t.co/abc www.ico.org.uk/x fine!"))
                .containsExactly("cafe", "data", "protection", "fine");
        assertThat(new MinHash(60, 20, true, 3).words("@ico said so")).containsExactly("ico", "said", "so");
        assertThat(minHash.words("mail me at a@b.org")).containsExactly("mail", "me", "at", "a", "b", "org");
        int[] a = minHash.fingerprint("@ico Why is my subject access request late? https://t.co/1").signature();
        int[] b = minHash.fingerprint("@someone_else WHY is my subject-access request late?? https://t.co/2")
                .signature();
        assertThat(MinHash.similarity(a, b)).isEqualTo(1.0);
    }

    @Test
    void tooShortTextsAreNotCompared() {
        assertThat(minHash.fingerprint("thanks @ico").comparable()).isFalse();
        assertThat(minHash.fingerprint("https://t.co/x").comparable()).isFalse();
        assertThat(minHash.fingerprint(null).comparable()).isFalse();
        assertThat(minHash.fingerprint("one two three").comparable()).isTrue();
        assertThat(new MinHash(60, 20, false, 1).fingerprint("thanks").comparable()).isTrue();
    }

    @Test
    void bandsMustDivideHashes() {
        assertThatThrownBy(() -> new MinHash(60, 7, false, 3)).hasMessageContaining("divisible");
    }

    @Test
    void signaturesAreStableAndBandKeysFollowTheSignature() {
        MinHash.Fingerprint one = minHash.fingerprint("the quick brown fox jumps over the lazy dog");
        MinHash.Fingerprint two = new MinHash(60, 20, false, 3)
                .fingerprint("the quick brown fox jumps over the lazy dog");
        assertThat(one.signature()).isEqualTo(two.signature());
        assertThat(one.bandKeys()).hasSize(20).isEqualTo(minHash.bandKeys(one.signature()));
        // Equal rows in two different bands give different keys: band number is part of the key.
        int[] flat = new int[60];
        long[] keys = minHash.bandKeys(flat);
        assertThat(Arrays.stream(keys).distinct().count()).isEqualTo(20);
    }

    @Test
    void similarityEstimatesJaccardOfShingles() {
        // 20 words -> 19 shingles; changing the last word changes 1 shingle: Jaccard 18/20 = 0.9.
        String base = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                + "sixteen seventeen eighteen nineteen twenty";
        double estimate = MinHash.similarity(minHash.fingerprint(base).signature(),
                minHash.fingerprint(base.replace("twenty", "zwanzig")).signature());
        assertThat(estimate).isBetween(0.75, 1.0);
        double unrelated = MinHash.similarity(minHash.fingerprint(base).signature(),
                minHash.fingerprint("alpha beta gamma delta epsilon zeta eta theta").signature());
        assertThat(unrelated).isLessThan(0.15);
    }

    /** The kinds of copies the sandbox's similar bursts make (and a campaign writes) all reach the threshold. */
    @Test
    void campaignCopiesReachTheThreshold() {
        String text = "Why is the regulator ignoring the data breach at Northtown council again";
        int[] original = minHash.fingerprint(text).signature();
        for (String copy : List.of("RT " + text, text + " (via a friend)", "So " + text + " Shameful.",
                text.replace("regulator", "REGULATOR"), text.replace(" data", ""), "@ico @ico_news " + text + " !!",
                text + " https://t.co/abc #fail")) {
            assertThat(MinHash.similarity(original, minHash.fingerprint(copy).signature())).as(copy)
                    .isGreaterThanOrEqualTo(0.5);
        }
    }

    /**
     * Near-duplicate variations (a word changed, one added or dropped, a link or handle, case and punctuation) of
     * random texts against unrelated texts over the same Zipf-distributed vocabulary (so common phrases recur): how
     * many pairs the LSH lookup finds and the threshold accepts.
     */
    @Test
    void separatesNearDuplicatesFromUnrelatedTexts() {
        Random random = new Random(11);
        List<String> vocabulary = vocabulary(random, 800);
        int bases = 400;
        int variants = 4;
        List<String> texts = new ArrayList<>();
        List<Integer> family = new ArrayList<>();
        for (int b = 0; b < bases; b++) {
            List<String> words = sentence(random, vocabulary, 12 + random.nextInt(20));
            texts.add(String.join(" ", words));
            family.add(b);
            for (int v = 0; v < variants; v++) {
                texts.add(vary(random, words));
                family.add(b);
            }
        }
        MinHash.Fingerprint[] prints = new MinHash.Fingerprint[texts.size()];
        for (int r = 0; r < 5; r++) { // warm-up, not measured
            for (int i = 0; i < texts.size(); i++) {
                prints[i] = minHash.fingerprint(texts.get(i));
            }
        }
        long start = System.nanoTime();
        int rounds = 10;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < texts.size(); i++) {
                prints[i] = minHash.fingerprint(texts.get(i));
            }
        }
        double microsEach = (System.nanoTime() - start) / 1000.0 / rounds / texts.size();

        long truePairs = 0;
        long found = 0;
        long falsePairs = 0;
        long falseFound = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                boolean same = family.get(i).equals(family.get(j));
                boolean candidate = shareBand(prints[i].bandKeys(), prints[j].bandKeys());
                boolean accepted = candidate
                        && MinHash.similarity(prints[i].signature(), prints[j].signature()) >= 0.5;
                if (same) {
                    truePairs++;
                    found += accepted ? 1 : 0;
                } else {
                    falsePairs++;
                    falseFound += accepted ? 1 : 0;
                }
            }
        }
        double recall = (double) found / truePairs;
        double precision = (double) found / (found + falseFound);
        System.out.printf(Locale.ROOT, "MinHash 60x(20 bands of 3), threshold 0.5: %d near-duplicate pairs, %d unrelated "
                + "pairs; recall %.3f, precision %.4f (%d unrelated pairs accepted); %.2f µs per mention text%n",
                truePairs, falsePairs, recall, precision, falseFound, microsEach);
        assertThat(recall).isGreaterThan(0.85);
        assertThat(precision).isGreaterThan(0.99);
    }

    private static boolean shareBand(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                return true;
            }
        }
        return false;
    }

    private static List<String> vocabulary(Random random, int size) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            StringBuilder word = new StringBuilder();
            int length = 2 + random.nextInt(8);
            for (int c = 0; c < length; c++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words.add(word.toString());
        }
        return words;
    }

    /** Zipf-like: low ranks much more often, so unrelated texts share common words and phrases. */
    private static List<String> sentence(Random random, List<String> vocabulary, int length) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int rank = (int) Math.floor(Math.pow(vocabulary.size(), random.nextDouble())) - 1;
            words.add(vocabulary.get(Math.max(0, rank)));
        }
        return words;
    }

    private static String vary(Random random, List<String> original) {
        List<String> words = new ArrayList<>(original);
        switch (random.nextInt(4)) {
            case 0 -> words.set(random.nextInt(words.size()), "changed" + random.nextInt(1000));
            case 1 -> words.add(random.nextInt(words.size()), "extra" + random.nextInt(1000));
            case 2 -> words.remove(random.nextInt(words.size()));
            default -> words.set(0, words.get(0).toUpperCase(Locale.ROOT) + "!!");
        }
        String text = String.join(" ", words);
        if (random.nextBoolean()) {
            text = "@user" + random.nextInt(100) + " " + text;
        }
        if (random.nextBoolean()) {
            text = text + " https://t.co/" + Integer.toHexString(random.nextInt());
        }
        return text;
    }
}
