package org.clearpost.analytics.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A generation's application id, as Kafka Streams gets it through the expression in application.properties. */
class ApplicationIdInterceptorTest {

    @Test
    void generationOneKeepsTheServiceNameAndLaterOnesAddTheirNumber() {
        assertThat(applicationId(Map.of())).isEqualTo("analytics-service");
        assertThat(applicationId(Map.of("clearpost.analytics.generation", "1"))).isEqualTo("analytics-service");
        assertThat(applicationId(Map.of("clearpost.analytics.generation", "3"))).isEqualTo("analytics-service-g3");
    }

    @Test
    void anExplicitApplicationIdWins() {
        assertThat(applicationId(Map.of("clearpost.analytics.generation", "3",
                "clearpost.analytics.application-id", "analytics-blue"))).isEqualTo("analytics-blue");
    }

    private static String applicationId(Map<String, String> properties) {
        Map<String, String> all = new java.util.HashMap<>(properties);
        all.put("quarkus.application.name", "analytics-service");
        all.put("quarkus.kafka-streams.application-id", "${clearpost.analytics.application-id}");
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withInterceptors(new ApplicationIdInterceptor())
                .withSources(new PropertiesConfigSource(all, "test", 100)).build();
        return config.getValue("quarkus.kafka-streams.application-id", String.class);
    }
}
