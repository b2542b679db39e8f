package org.clearpost.console.admin;

import java.util.List;
import java.util.Map;
import org.clearpost.console.gateway.Problem;
import org.clearpost.console.web.Errors;

/**
 * A service's problem about a form that has one input, placed next to that input: clearance names the parts of an
 * uploaded file ({@code body}, {@code events}) or answers 404 for a post id, and to the admin all of that is about
 * the file, or the id, they gave.
 */
final class OneField {

    private OneField() {
    }

    static Errors errors(Problem problem, String field, String inputId) {
        List<Problem.Violation> onTheField = problem.violations().isEmpty()
                ? List.of(new Problem.Violation(field, problem.detail() != null ? problem.detail() : problem.title()))
                : problem.violations().stream().map(v -> new Problem.Violation(field, v.message())).toList();
        return Errors.of(new Problem(problem.status(), problem.title(), problem.detail(), onTheField),
                Map.of(field, inputId));
    }
}
