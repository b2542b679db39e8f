package org.clearpost.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalTimeDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Strict readers for the scalar types of API request bodies: text only from JSON strings and free of characters no
 * store can hold; dates only from ISO-8601 strings (Jackson would read a number as epoch seconds) with a four-digit
 * year, which is what every PostgreSQL column, the business calendar and RFC 3339 can hold.
 */
final class ApiInputModule extends SimpleModule {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    ApiInputModule() {
        super("clearpost-api-input");
        addDeserializer(String.class, new TextDeserializer());
        addDeserializer(Instant.class, new DateDeserializer<>(Instant.class, InstantDeserializer.INSTANT,
                "a date-time such as 2026-03-01T09:00:00Z", ApiInputModule::yearOf));
        addDeserializer(OffsetDateTime.class, new DateDeserializer<>(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME, "a date-time such as 2026-03-01T09:00:00Z",
                OffsetDateTime::getYear));
        addDeserializer(ZonedDateTime.class, new DateDeserializer<>(ZonedDateTime.class,
                InstantDeserializer.ZONED_DATE_TIME, "a date-time such as 2026-03-01T09:00:00Z", ZonedDateTime::getYear));
        addDeserializer(LocalDateTime.class, new DateDeserializer<>(LocalDateTime.class,
                LocalDateTimeDeserializer.INSTANCE, "a local date-time such as 2026-03-01T09:00", LocalDateTime::getYear));
        addDeserializer(LocalDate.class, new DateDeserializer<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                "a date such as 2026-03-01", LocalDate::getYear));
        addDeserializer(LocalTime.class, new DateDeserializer<>(LocalTime.class, LocalTimeDeserializer.INSTANCE,
                "a time such as 09:30", time -> 2000));
    }

    /** The year of an instant in UTC, without the overflow {@code atZone} has near {@link Instant#MAX}. */
    private static int yearOf(Instant instant) {
        if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z"))) {
            return 0;
        }
        if (!instant.isBefore(Instant.parse("+10000-01-01T00:00:00Z"))) {
            return LAST_YEAR + 1;
        }
        return instant.atOffset(java.time.ZoneOffset.UTC).getYear();
    }

    static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedInputException(parser, String.class, "must be a string");
            }
            String text = parser.getText();
            Optional<String> problem = InputText.problem(text);
            if (problem.isPresent()) {
                throw new RefusedInputException(parser, String.class, problem.get());
            }
            return text;
        }
    }

    /**
     * Contextual so that a field's own {@code @JsonFormat} (drafting's London wall-clock pattern, say) still decides
     * what text is a date: the range and type rules here come on top of the field's format, never instead of it.
     */
    static final class DateDeserializer<T> extends StdScalarDeserializer<T> implements ContextualDeserializer {

        private final JsonDeserializer<T> iso;
        private final String expected;
        private final ToIntFunction<T> year;

        DateDeserializer(Class<T> type, JsonDeserializer<T> iso, String expected, ToIntFunction<T> year) {
            super(type);
            this.iso = iso;
            this.expected = expected;
            this.year = year;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            if (!(iso instanceof ContextualDeserializer contextual)) {
                return this;
            }
            JsonDeserializer<T> forProperty = (JsonDeserializer<T>) contextual.createContextual(context, property);
            return forProperty == iso ? this
                    : new DateDeserializer<>((Class<T>) handledType(), forProperty, expected, year);
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedInputException(parser, handledType(), "must be a string: " + expected);
            }
            String text = parser.getText();
            T value;
            try {
                value = iso.deserialize(parser, context);
            } catch (IOException | RuntimeException unreadable) {
                throw new RefusedInputException(parser, handledType(), "'" + abbreviate(text) + "' is not " + expected);
            }
            int y = value == null ? FIRST_YEAR : year.applyAsInt(value);
            if (y < FIRST_YEAR || y > LAST_YEAR) {
                throw new RefusedInputException(parser, handledType(),
                        "must have a year from 0001 to 9999: " + expected);
            }
            return value;
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
