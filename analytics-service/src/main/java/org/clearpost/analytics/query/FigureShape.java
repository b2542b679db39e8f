package org.clearpost.analytics.query;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.events.Network;
import org.clearpost.events.figures.FigureType;

/**
 * What the REST layer knows of each figure's record: the field its from/to window applies to (a London date or an
 * instant), the filters it takes ({@code ?network=X} matches the row's {@code network}), and its fields as an analyst
 * sees them. Derived from the records in {@code events} where it can be, so a new field shows without a change here.
 */
public final class FigureShape {

    /** How a figure's window is given: London dates ({@code 2026-05-01}) or instants ({@code 2026-05-01T09:00:00Z}). */
    public enum TimeKind { DATE, INSTANT, NONE }

    /** The query parameters a figure may be filtered by (besides from/to), in the order the API documents them. */
    public static final List<String> FILTERS = List.of("network", "account", "campaign", "route", "dimension",
            "value", "kind");

    private static final Map<FigureType, FigureShape> SHAPES = new EnumMap<>(FigureType.class);

    static {
        shape(FigureType.POST_ACTIVITY, "day", TimeKind.DATE, Map.of());
        shape(FigureType.CLEARANCE_TURNAROUND, "weekStart", TimeKind.DATE, Map.of());
        shape(FigureType.MENTIONS_HOURLY, "hourStart", TimeKind.INSTANT, Map.of());
        shape(FigureType.RESPONSE_TIMES, "weekStart", TimeKind.DATE, Map.of());
        shape(FigureType.PRE_ELECTION_REPORTS, "startsAt", TimeKind.INSTANT, Map.of());
        shape(FigureType.POST_ENGAGEMENT, "publishedAt", TimeKind.INSTANT, Map.of());
        shape(FigureType.ENGAGEMENT_TOTALS, null, TimeKind.NONE, Map.of());
        // A campaign report is keyed by its slug: ?campaign= names it
        shape(FigureType.CAMPAIGN_REPORTS, "startsOn", TimeKind.DATE, Map.of("campaign", "slug"));
    }

    private final FigureType type;
    private final String timeField;
    private final TimeKind timeKind;
    /** query parameter → the row's field it matches */
    private final Map<String, String> filters;
    private final Map<String, String> fields;

    private FigureShape(FigureType type, String timeField, TimeKind timeKind, Map<String, String> filters,
            Map<String, String> fields) {
        this.type = type;
        this.timeField = timeField;
        this.timeKind = timeKind;
        this.filters = filters;
        this.fields = fields;
    }

    private static void shape(FigureType type, String timeField, TimeKind kind, Map<String, String> renamed) {
        Map<String, String> fields = new LinkedHashMap<>();
        describe(type.recordType(), "", fields, 0);
        Map<String, String> filters = new LinkedHashMap<>();
        for (String filter : FILTERS) {
            String field = renamed.getOrDefault(filter, filter);
            String fieldType = fields.get(field);
            if (fieldType != null && !fieldType.startsWith("list") && !fieldType.startsWith("map")) {
                filters.put(filter, field);
            }
        }
        SHAPES.put(type, new FigureShape(type, timeField, kind, filters, fields));
    }

    public static FigureShape of(FigureType type) {
        return SHAPES.get(type);
    }

    public FigureType type() {
        return type;
    }

    public Optional<String> timeField() {
        return Optional.ofNullable(timeField);
    }

    public TimeKind timeKind() {
        return timeKind;
    }

    /** query parameter → the row's field */
    public Map<String, String> filters() {
        return filters;
    }

    /** Each field (nested ones as {@code businessSeconds.p50}, list elements as {@code rows[].reach}) and its type. */
    public Map<String, String> fields() {
        return fields;
    }

    /** The values a filter accepts, where it is a closed set. */
    public Optional<List<String>> allowedValues(String filter) {
        if (filter.equals("network")) {
            List<String> networks = new ArrayList<>();
            for (Network network : Network.values()) {
                networks.add(network.name());
            }
            if (type == FigureType.RESPONSE_TIMES) {
                networks.add("ALL");
            }
            return Optional.of(networks);
        }
        if (filter.equals("dimension")) {
            return Optional.of(org.clearpost.events.figures.MentionsHourly.DIMENSIONS);
        }
        return Optional.empty();
    }

    private static void describe(Class<?> record, String prefix, Map<String, String> fields, int depth) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + component.getName();
            Class<?> raw = component.getType();
            Type generic = component.getGenericType();
            if (List.class.isAssignableFrom(raw) && generic instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()
                    && depth < 2) {
                fields.put(name, "list");
                describe(element, name + "[].", fields, depth + 1);
            } else if (raw.isRecord() && depth < 2) {
                describe(raw, name + ".", fields, depth + 1);
            } else {
                fields.put(name, typeName(raw));
            }
        }
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == Instant.class) {
            return "instant";
        }
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            return "string";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "map";
        }
        if (List.class.isAssignableFrom(type)) {
            return "list";
        }
        return type.getSimpleName();
    }
}
