package org.clearpost.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearpost.console.gateway.Problem;
import org.clearpost.console.gateway.Problem.Violation;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    /** The compose form's inputs in page order (a LinkedHashMap: the first is where unplaced messages link). */
    private static Map<String, String> composeInputs() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("text", "text");
        inputs.put("targets[0].text", "target-0-text");
        inputs.put("scheduledAt", "scheduled-at");
        return inputs;
    }

    @Test
    void eachNamedFieldIsPlacedAtItsInputAndInTheSummary() {
        Problem problem = new Problem(400, "Bad Request", "The request has 2 invalid field(s)", List.of(
                new Violation("targets[0].text", "is 301 weighted characters; X allows 280"),
                new Violation("scheduledAt", "must be in the future")));

        Errors errors = Errors.of(problem, composeInputs());

        assertThat(errors.isPresent()).isTrue();
        assertThat(errors.getTitle()).isEqualTo("There is a problem");
        assertThat(errors.getItems()).extracting(Errors.Item::field, Errors.Item::href, Errors.Item::message)
                .containsExactly(
                        tuple("targets[0].text", "#target-0-text", "is 301 weighted characters; X allows 280"),
                        tuple("scheduledAt", "#scheduled-at", "must be in the future"));
        assertThat(errors.forField("targets[0].text")).isEqualTo("is 301 weighted characters; X allows 280");
        assertThat(errors.forField("scheduledAt")).isEqualTo("must be in the future");
        assertThat(errors.forField("text")).as("a field nobody complained about").isNull();
    }

    @Test
    void twoMessagesForOneFieldAreJoinedNextToIt() {
        Problem problem = new Problem(422, "Unprocessable Content", null, List.of(
                new Violation("text", "must not be blank"), new Violation("text", "must not hold a bearer token")));

        Errors errors = Errors.of(problem, composeInputs());

        assertThat(errors.getItems()).hasSize(2);
        assertThat(errors.forField("text")).isEqualTo("must not be blank; must not hold a bearer token");
    }

    @Test
    void messagesForFieldsTheFormDoesNotShowLinkToTheFirstInput() {
        Problem problem = new Problem(400, "Bad Request", "The request has 2 invalid field(s)", List.of(
                new Violation("targets[3].account", "is not connected"),
                new Violation(null, "the post is already submitted")));

        Errors errors = Errors.of(problem, composeInputs());

        assertThat(errors.getItems()).extracting(Errors.Item::field, Errors.Item::inputId)
                .containsExactly(tuple("targets[3].account", "text"), tuple(null, "text"));
        assertThat(errors.forField("text")).as("not shown as if it were the text's own error").isNull();
    }

    @Test
    void aProblemWithoutFieldsIsOneMessageFromItsDetailOrTitle() {
        Errors withDetail = Errors.of(new Problem(409, "Conflict", "the post was submitted in another tab", List.of()),
                composeInputs());
        assertThat(withDetail.getItems()).extracting(Errors.Item::inputId, Errors.Item::message)
                .containsExactly(tuple("text", "the post was submitted in another tab"));

        Errors titleOnly = Errors.of(new Problem(409, "Conflict", null, List.of()), composeInputs());
        assertThat(titleOnly.getItems()).extracting(Errors.Item::message).containsExactly("Conflict");
    }

    @Test
    void aFormWithoutInputsLinksToTheMainContent() {
        Errors errors = Errors.of(new Problem(409, "Conflict", "already cleared", List.of(
                new Violation("comment", "is required"))), Map.of());

        assertThat(errors.getItems()).extracting(Errors.Item::href).containsExactly("#main-content");
    }

    @Test
    void aRefusalOfThePersonIsTitledAsSuch() {
        Errors forbidden = Errors.of(new Problem(403, "Forbidden", "only a lead may declare crisis mode", List.of()),
                composeInputs());

        assertThat(forbidden.getTitle()).isEqualTo("You cannot do that");
        assertThat(forbidden.getItems()).extracting(Errors.Item::message)
                .containsExactly("only a lead may declare crisis mode");
        assertThat(Errors.of(new Problem(400, "Bad Request", "no", List.of()), Map.of()).getTitle())
                .isEqualTo("There is a problem");
    }

    @Test
    void noneAndOne() {
        assertThat(Errors.none().isPresent()).isFalse();
        assertThat(Errors.none().getItems()).isEmpty();
        assertThat(Errors.none().forField("text")).isNull();

        Errors one = Errors.one("media", "media-file", "Choose a file to upload");
        assertThat(one.getTitle()).isEqualTo("There is a problem");
        assertThat(one.getItems()).extracting(Errors.Item::href, Errors.Item::message)
                .containsExactly(tuple("#media-file", "Choose a file to upload"));
        assertThat(one.forField("media")).isEqualTo("Choose a file to upload");
    }

    @Test
    void messagesUnderAPrefixByField() {
        Problem problem = new Problem(400, "Bad Request", null, List.of(
                new Violation("targets[0].text", "too long"),
                new Violation("targets[0].threadParts[1]", "too long as well"),
                new Violation("targets[0].text", "names a person"),
                new Violation("targets[1].text", "another target's"),
                new Violation(null, "about the whole post")));

        Map<String, String> first = Errors.of(problem, composeInputs()).under("targets[0].");

        assertThat(first).containsExactly(Map.entry("targets[0].text", "too long; names a person"),
                Map.entry("targets[0].threadParts[1]", "too long as well"));
    }
}
