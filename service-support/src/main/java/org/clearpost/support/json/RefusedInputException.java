package org.clearpost.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right syntax that the API still refuses (a NUL character, a year no calendar here can hold, a
 * number where a date belongs). Carries the reason as the client should read it, next to the field's path.
 */
public class RefusedInputException extends MismatchedInputException {

    private final String reason;

    public RefusedInputException(JsonParser parser, Class<?> targetType, String reason) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
