package org.clearpost.monitoring.x;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The little an intake needs to know of an X post before handing it on: its id (for the cursor) and the id of its
 * first version (the raw topic's key, so every edit of a post lands on one partition). Read with a streaming parser
 * that skips everything else, as it runs for every line of the stream; parsing proper is the normaliser's job.
 */
final class XPosts {

    /** What one line of the stream is. */
    enum Kind {
        /** A post: {@code data.id} present. */
        POST,
        /** X's in-stream error ({@code {"errors":[...]}} without {@code data}), e.g. an operational disconnect. */
        ERROR,
        /** Not JSON, or JSON without a post: handed on all the same, for the pipeline to dead-letter with a reason. */
        UNREADABLE
    }

    record Line(Kind kind, long id, String key) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private XPosts() {
    }

    /** Reads a stream line, or a search result wrapped as one ({@code {"data":{...},"includes":...}}). */
    static Line read(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return unreadable();
            }
            boolean errors = false;
            Line post = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(field) && value == JsonToken.START_OBJECT) {
                    post = data(parser);
                } else {
                    errors |= "errors".equals(field);
                    parser.skipChildren();
                }
            }
            if (post != null) {
                return post;
            }
            return errors ? new Line(Kind.ERROR, -1, null) : unreadable();
        } catch (IOException | RuntimeException e) {
            return unreadable();
        }
    }

    private static Line data(JsonParser parser) throws IOException {
        String id = null;
        String first = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("id".equals(field) && value == JsonToken.VALUE_STRING) {
                id = parser.getText();
            } else if ("edit_history_tweet_ids".equals(field) && value == JsonToken.START_ARRAY) {
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    first = parser.getText();
                }
                while (parser.currentToken() != JsonToken.END_ARRAY) {
                    parser.skipChildren();
                    parser.nextToken();
                }
            } else {
                parser.skipChildren();
            }
        }
        if (id == null || !id.matches("[0-9]{1,19}")) {
            return unreadable();
        }
        return new Line(Kind.POST, Long.parseLong(id), first != null ? first : id);
    }

    private static Line unreadable() {
        return new Line(Kind.UNREADABLE, -1, null);
    }
}
