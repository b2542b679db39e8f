package org.clearpost.monitoring.query;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clearpost.events.TrackedQueryDefined.Purpose;

/** The body of a create or update call: the whole definition, the query text parsed again each time. */
public record TrackedQueryRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Purpose purpose,
        @NotBlank @Size(max = TrackedQueryRequest.MAX_QUERY) String query) {

    /** Characters of query text; an X rule can hold 1,024 at most anyway. */
    public static final int MAX_QUERY = 4000;
}
