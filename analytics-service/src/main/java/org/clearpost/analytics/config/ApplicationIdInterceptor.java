package org.clearpost.analytics.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import jakarta.annotation.Priority;

/**
 * Derives {@code clearpost.analytics.application-id} (which {@code quarkus.kafka-streams.application-id} refers to)
 * from {@code clearpost.analytics.generation}, unless it is set explicitly: a property file cannot say "the name, with
 * {@code -gN} after it for N > 1". Registered in {@code META-INF/services}.
 */
// Below the expression interceptor (3300), so the expression in application.properties reaches this one; above the
// profile interceptor (3200), so a %profile.clearpost.analytics.generation is seen
@Priority(io.smallrye.config.Priorities.LIBRARY + 250)
public class ApplicationIdInterceptor implements ConfigSourceInterceptor {

    static final String APPLICATION_ID = "clearpost.analytics.application-id";
    static final String GENERATION = "clearpost.analytics.generation";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !APPLICATION_ID.equals(name)) {
            return value;
        }
        ConfigValue generation = context.proceed(GENERATION);
        ConfigValue service = context.proceed("quarkus.application.name");
        int n = generation == null || generation.getValue() == null ? 1 : Integer.parseInt(generation.getValue().trim());
        String id = AnalyticsConfig.applicationId(service == null || service.getValue() == null ? "analytics-service"
                : service.getValue(), n);
        return ConfigValue.builder().withName(name).withValue(id).withRawValue(id)
                .withConfigSourceName(getClass().getSimpleName()).build();
    }
}
