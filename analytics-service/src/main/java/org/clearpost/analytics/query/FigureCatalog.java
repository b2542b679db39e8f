package org.clearpost.analytics.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.analytics.stream.FigureStores;
import org.clearpost.analytics.stream.FigureTopology;
import org.clearpost.events.figures.FigureType;

/** Which part builds each figure, with the retention and grace it declares. */
@ApplicationScoped
public class FigureCatalog {

    /** What {@code GET /figures} says of one figure; retention and grace as ISO-8601 durations ({@code PT2160H}). */
    public record Description(String name, String topic, String ceType, String store, boolean built,
            String window, String timeField,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration retention,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Duration grace, List<String> filters,
            Map<String, String> fields) {
    }

    private final Map<FigureType, FigureTopology> parts = new EnumMap<>(FigureType.class);

    @jakarta.inject.Inject
    public FigureCatalog(Instance<FigureTopology> parts) {
        this(parts.stream().toList());
    }

    public FigureCatalog(List<FigureTopology> parts) {
        for (FigureTopology part : parts) {
            part.figures().forEach(figure -> this.parts.put(figure, part));
        }
    }

    public Optional<FigureTopology> part(FigureType type) {
        return Optional.ofNullable(parts.get(type));
    }

    public Duration retention(FigureType type) {
        return part(type).map(part -> part.retention(type)).orElse(FigureTopology.DEFAULT_RETENTION);
    }

    public Duration grace(FigureType type) {
        return part(type).map(part -> part.grace(type)).orElse(FigureTopology.DEFAULT_GRACE);
    }

    public Description describe(FigureType type) {
        FigureShape shape = FigureShape.of(type);
        return new Description(type.figureName(), type.topic(), type.ceType(), FigureStores.storeName(type),
                parts.containsKey(type), shape.timeKind().name().toLowerCase(), shape.timeField().orElse(null),
                retention(type), grace(type), List.copyOf(shape.filters().keySet()), shape.fields());
    }
}
