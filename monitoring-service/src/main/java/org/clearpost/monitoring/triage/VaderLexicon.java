package org.clearpost.monitoring.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * VADER's lexicon: term, tab, mean valence (-4 to 4), tab, the raters' spread. The file is not in the repository; the
 * build fetches it (monitoring-service/pom.xml, checksum checked) onto the classpath.
 */
public final class VaderLexicon {

    static final String RESOURCE = "/org/clearpost/monitoring/triage/vader_lexicon.txt";

    /**
     * The entries vaderSentiment 3.3.2 changed from the lexicon the build fetches (the npm port's, 2018): with them
     * the scores are 3.3.2's.
     */
    static final Map<String, Double> CHANGED_IN_3_3_2 = Map.of("heart", 3.2, "hearts", 3.3, "badass", 1.4,
            "flawed", -2.1);

    private VaderLexicon() {
    }

    /** The 3.3.2 lexicon with {@code overrides} (term to valence) applied last. */
    public static Map<String, Double> load(Map<String, Double> overrides) {
        Map<String, Double> lexicon = new HashMap<>(8192);
        try (InputStream in = VaderLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: the build fetches it in "
                        + "generate-resources (monitoring-service/pom.xml); run the Maven build once online");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                String[] fields = line.strip().split("\t");
                if (fields.length >= 2) {
                    // Later lines win, as in the original's dict ("lol" is listed twice)
                    lexicon.put(fields[0], Double.parseDouble(fields[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lexicon.putAll(CHANGED_IN_3_3_2);
        overrides.forEach((term, valence) -> lexicon.put(term.toLowerCase(Locale.ROOT), valence));
        return lexicon;
    }
}
