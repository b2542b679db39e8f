package org.clearpost.console.drafts;

import io.quarkus.qute.TemplateExtension;
import java.util.List;
import org.clearpost.console.web.Errors;

/**
 * {@code errors.at('text')} in the drafter's templates: every message shown next to one input, whatever field
 * drafting named. On compose several fields land on one input: a problem in what an account publishes
 * ({@code targets[0].text}) belongs with the post text when that account has no text of its own.
 */
@TemplateExtension
public final class ErrorsAt {

    private ErrorsAt() {
    }

    static String at(Errors errors, String inputId) {
        if (errors == null) {
            return null;
        }
        List<String> found = errors.getItems().stream().filter(i -> inputId.equals(i.inputId()))
                .map(Errors.Item::message).distinct().toList();
        return found.isEmpty() ? null : String.join("; ", found);
    }
}
