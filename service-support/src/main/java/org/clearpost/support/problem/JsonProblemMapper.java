package org.clearpost.support.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.clearpost.support.json.RefusedInputException;

/**
 * A body that is not JSON, or JSON of the wrong shape, becomes a 400 problem naming the field, without echoing Java
 * class names back to the client.
 */
public final class JsonProblemMapper {

    private JsonProblemMapper() {
    }

    static Response toResponse(JsonProcessingException exception) {
        Optional<String> duplicate = duplicateField(exception);
        if (duplicate.isPresent()) {
            String field = duplicate.get();
            return new Problem("about:blank", "Bad Request", 400, "The request body repeats the field: " + field,
                    List.of(new Problem.Violation(field, "appears more than once"))).toResponse();
        }
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

    /**
     * The path of a repeated key (STRICT_DUPLICATE_DETECTION), from the parser's position when it stopped: Jackson
     * reports it as a parse error without a field path.
     */
    private static Optional<String> duplicateField(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")) {
                JsonParser parser = read.getProcessor();
                if (parser != null && parser.getParsingContext() != null) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    if (!pointer.isEmpty()) {
                        return Optional.of(fromPointer(pointer));
                    }
                }
                String message = read.getOriginalMessage();
                int end = message.indexOf('\'', "Duplicate field '".length());
                return Optional.of(end < 0 ? "request" : message.substring("Duplicate field '".length(), end));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** "/targets/0/network" becomes "targets[0].network". */
    private static String fromPointer(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.matches("\\d+")) {
                path.append('[').append(name).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.toString();
    }

    private static String reason(JsonMappingException exception) {
        if (exception instanceof RefusedInputException refused) {
            return refused.reason();
        }
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
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 " + (type == java.time.LocalDate.class ? "date" : "date-time") + " string";
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
