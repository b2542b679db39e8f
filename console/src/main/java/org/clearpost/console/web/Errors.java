package org.clearpost.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearpost.console.gateway.Problem;

/**
 * What a form shows when a service said no, in the GOV.UK error summary pattern: each message in the summary at the
 * top, linking to its field, and again next to that field. A message for a field the form does not show goes in the
 * summary only, linked to the form itself. Built from the service's own problem+json: the console never re-checks.
 *
 * <p>In templates: {@code {#errorSummary errors=errors /}} and {@code {#fieldError errors=errors field='text' /}}.
 */
public final class Errors {

    /** One message: the field the service named, the id of the input that shows it, the words. */
    public record Item(String field, String inputId, String message) {
        public String href() {
            return "#" + inputId;
        }
    }

    private static final Errors NONE = new Errors(null, List.of());

    private final String title;
    private final List<Item> items;

    private Errors(String title, List<Item> items) {
        this.title = title;
        this.items = List.copyOf(items);
    }

    public static Errors none() {
        return NONE;
    }

    /**
     * @param inputs the form's inputs by the service's field name ({@code text} → {@code text},
     *        {@code targets[0].text} → {@code target-0-text}); the first one is where unplaced messages link
     */
    public static Errors of(Problem problem, Map<String, String> inputs) {
        List<Item> items = new ArrayList<>();
        String fallback = inputs.isEmpty() ? "main-content" : inputs.values().iterator().next();
        for (Problem.Violation v : problem.violations()) {
            String input = v.field() == null ? null : inputs.get(v.field());
            items.add(new Item(v.field(), input != null ? input : fallback, label(v)));
        }
        if (items.isEmpty()) {
            items.add(new Item(null, fallback, problem.detail() != null ? problem.detail() : problem.title()));
        }
        return new Errors(problem.status() == 403 ? "You cannot do that" : "There is a problem", items);
    }

    /** Just one message for one input (a form the console checks before calling anyone, say a missing file). */
    public static Errors one(String field, String inputId, String message) {
        return new Errors("There is a problem", List.of(new Item(field, inputId, message)));
    }

    private static String label(Problem.Violation v) {
        return v.field() == null ? v.message() : v.message();
    }

    public boolean isPresent() {
        return !items.isEmpty();
    }

    public String getTitle() {
        return title;
    }

    public List<Item> getItems() {
        return items;
    }

    /** Messages for one field, joined: what goes next to it ({@code null} when none). */
    public String forField(String field) {
        List<String> found = items.stream().filter(i -> field.equals(i.field())).map(Item::message).toList();
        return found.isEmpty() ? null : String.join("; ", found);
    }

    /** Messages for fields that start with a prefix, e.g. every {@code targets[0].} message, by field. */
    public Map<String, String> under(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        items.stream().filter(i -> i.field() != null && i.field().startsWith(prefix))
                .forEach(i -> found.merge(i.field(), i.message(), (a, b) -> a + "; " + b));
        return found;
    }
}
