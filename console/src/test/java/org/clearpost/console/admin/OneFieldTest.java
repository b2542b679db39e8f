package org.clearpost.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clearpost.console.gateway.Problem;
import org.clearpost.console.web.Errors;
import org.junit.jupiter.api.Test;

class OneFieldTest {

    @Test
    void everyViolationGoesNextToTheOneInput() {
        Problem problem = new Problem(400, "Bad Request", "Not a gov.uk file", List.of(
                new Problem.Violation("body", "no events for [2027]"),
                new Problem.Violation("events", "cover 2025-2025, not 2026")));

        Errors errors = OneField.errors(problem, "file", "file");

        assertThat(errors.forField("file")).isEqualTo("no events for [2027]; cover 2025-2025, not 2026");
        assertThat(errors.getItems()).extracting(Errors.Item::href).containsOnly("#file");
    }

    @Test
    void aProblemWithoutFieldsIsShownByItsDetail() {
        Problem notFound = new Problem(404, "Not Found", "Post 3f2b9c1e not found", List.of());

        assertThat(OneField.errors(notFound, "postId", "post-id").forField("postId"))
                .isEqualTo("Post 3f2b9c1e not found");
    }
}
