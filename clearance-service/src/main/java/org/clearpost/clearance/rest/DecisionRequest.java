package org.clearpost.clearance.rest;

import jakarta.validation.constraints.Size;

/** A clearer's comment on a decision; a rejection must say why. */
public record DecisionRequest(@Size(max = 2000) String comment) {

    String trimmedComment() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
