package org.clearpost.drafting.domain;

import java.util.List;

/** Submission refused because the content breaks a network's rule or a blocking content principle. */
public class ContentRejected extends RuntimeException {

    private final transient List<ContentIssue> errors;

    public ContentRejected(List<ContentIssue> errors) {
        super("The post has " + errors.size() + " problem(s) to fix before it can be submitted");
        this.errors = List.copyOf(errors);
    }

    public List<ContentIssue> errors() {
        return errors;
    }
}
