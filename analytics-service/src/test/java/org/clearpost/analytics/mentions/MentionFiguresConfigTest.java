package org.clearpost.analytics.mentions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.clearpost.events.figures.FigureType;
import org.junit.jupiter.api.Test;

/** The mapping read as Quarkus reads it (its duration converter: {@code 2h}, {@code 90d}), without starting Quarkus. */
class MentionFiguresConfigTest {

    private static MentionFiguresConfig read(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .withMapping(MentionFiguresConfig.class)
                .build();
        return config.getConfigMapping(MentionFiguresConfig.class);
    }

    @Test
    void defaultsToTwoHoursGraceAndNinetyDaysRetention() {
        MentionFiguresConfig config = read(Map.of());
        assertEquals(Duration.ofHours(2), config.mentionsHourly().grace());
        assertEquals(Duration.ofDays(90), config.mentionsHourly().retention());
        assertEquals(MentionsHourlyTopology.DEFAULT_GRACE, config.mentionsHourly().grace());
        assertEquals(MentionsHourlyTopology.DEFAULT_RETENTION, config.mentionsHourly().retention());
    }

    @Test
    void thePartTakesWhatIsConfigured() {
        MentionsHourlyTopology part = new MentionsHourlyTopology(read(Map.of(
                "clearpost.figures.mentions-hourly.grace", "30m",
                "clearpost.figures.mentions-hourly.retention", "400d")));
        assertEquals(Duration.ofMinutes(30), part.grace(FigureType.MENTIONS_HOURLY));
        assertEquals(Duration.ofDays(400), part.retention(FigureType.MENTIONS_HOURLY));
    }
}
