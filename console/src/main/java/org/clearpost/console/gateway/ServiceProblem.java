package org.clearpost.console.gateway;

/** A service answered a page's read with a problem (403, 404, ...): the page shows it instead of its content. */
public class ServiceProblem extends RuntimeException {

    private final Problem problem;

    public ServiceProblem(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
