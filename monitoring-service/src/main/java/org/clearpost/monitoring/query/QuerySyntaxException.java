package org.clearpost.monitoring.query;

/**
 * A tracked query that does not parse: where (the character position, counting from 1) and what was expected there.
 * The message reads {@code position 14: expected ')' but found end of query}.
 */
public class QuerySyntaxException extends RuntimeException {

    private final int position;

    QuerySyntaxException(int position, String expected) {
        super("position " + position + ": " + expected);
        this.position = position;
    }

    /** 1-based character position in the query text. */
    public int position() {
        return position;
    }
}
