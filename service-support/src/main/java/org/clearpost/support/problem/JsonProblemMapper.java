package org.clearpost.support.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;

/**
 * A body that is not JSON, or JSON of the wrong shape, becomes a 400 problem naming the field, without echoing Java
 * class names back to the client.
 */
public final class JsonProblemMapper {

    private JsonProblemMapper() {
    }

    static Response toResponse(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            Problem.Violation violation = new Problem.Violation(field, reason(mapping));
            return new Problem("about:blank", "Bad Request", 400, "The request body has an invalid field: " + field,
                    List.of(violation)).toResponse();
        }
        JsonLocation at = exception.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON" + where).toResponse();
    }

    private static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : exception.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String reason(JsonMappingException exception) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (exception instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + invalid.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants());
            }
            return "'" + invalid.getValue() + "' is not a valid " + simpleName(target);
        }
        if (exception instanceof MismatchedInputException mismatched) {
            return "must be " + article(simpleName(mismatched.getTargetType()));
        }
        return "is not valid";
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == String.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (type.isRecord() || !type.getName().startsWith("java.")) {
            return "object";
        }
        return type.getSimpleName();
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** Jackson's mismatched-input errors (wrong type, missing creator property, unknown enum). */
    @Provider
    public static class MismatchedInput implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException exception) {
            return JsonProblemMapper.toResponse(exception);
        }
    }

    /** Any other Jackson error, such as a body that is not JSON at all. */
    @Provider
    public static class Processing implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            return JsonProblemMapper.toResponse(exception);
        }
    }
}
