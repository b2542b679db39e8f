package org.clearpost.support.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Date query and path parameters in ISO-8601 with a year from 0001 to 9999, as in JSON bodies; anything else is a 400
 * naming the parameter (left to JAX-RS, a year such as +999999999 parsed and then failed in PostgreSQL).
 */
@Provider
public class DateParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new DateConverter<>(name, "a date-time such as 2026-03-01T09:00:00Z",
                    Instant::parse, i -> i.isBefore(Instant.parse("0001-01-01T00:00:00Z")) ? 0
                            : i.isBefore(Instant.parse("+10000-01-01T00:00:00Z")) ? i.atOffset(ZoneOffset.UTC).getYear()
                            : 10000);
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) new DateConverter<>(name, "a date-time such as 2026-03-01T09:00:00Z",
                    OffsetDateTime::parse, OffsetDateTime::getYear);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new DateConverter<>(name, "a date such as 2026-03-01", LocalDate::parse,
                    LocalDate::getYear);
        }
        return null;
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }

    private record DateConverter<T>(String parameter, String expected, Function<String, T> parse,
            ToIntFunction<T> year) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            T parsed;
            try {
                parsed = parse.apply(value.strip());
            } catch (DateTimeException e) {
                throw refused("'" + value + "' is not " + expected);
            }
            int y = year.applyAsInt(parsed);
            if (y < 1 || y > 9999) {
                throw refused("must have a year from 0001 to 9999: " + expected);
            }
            return parsed;
        }

        private BadRequestException refused(String reason) {
            Problem problem = new Problem("about:blank", "Bad Request", 400,
                    "Parameter '" + parameter + "' is not a valid date", List.of(new Problem.Violation(parameter, reason)));
            return new BadRequestException(problem.toResponse());
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
