package org.clearpost.drafting.domain;

import java.util.List;

/** A post version rendered for each target, with every problem and warning found in it, target by target. */
public record Assessment(List<RenderedTarget> targets, List<ContentIssue> issues) {

    public Assessment {
        targets = List.copyOf(targets);
        issues = List.copyOf(issues);
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(ContentIssue::isError);
    }

    public List<ContentIssue> problems() {
        return issues.stream().filter(i -> i.severity() != ContentIssue.Severity.WARNING).toList();
    }

    public List<ContentIssue> warnings() {
        return issues.stream().filter(i -> i.severity() == ContentIssue.Severity.WARNING).toList();
    }
}
