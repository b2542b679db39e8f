package org.clearpost.support.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * Enum request parameters answer a mistyped value with a 400 naming the parameter and the accepted values. Left to
 * JAX-RS, a failed query or path parameter conversion is a bare 404, which tells a client nothing.
 */
@Provider
public class EnumParamConverterProvider implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        return new EnumConverter(rawType, parameterName(annotations));
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

    private record EnumConverter<E extends Enum<E>>(Class<E> type, String parameter) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                String accepted = Arrays.toString(type.getEnumConstants());
                Problem problem = new Problem("about:blank", "Bad Request", 400,
                        "Parameter '" + parameter + "' has an unknown value",
                        List.of(new Problem.Violation(parameter, "'" + value + "' is not one of " + accepted)));
                // A WebApplicationException with its own response passes through JAX-RS's 404 wrapping unchanged.
                throw new BadRequestException(problem.toResponse());
            }
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }
}
