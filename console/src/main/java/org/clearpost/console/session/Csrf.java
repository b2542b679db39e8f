package org.clearpost.console.session;

import jakarta.enterprise.context.ApplicationScoped;
import org.clearpost.console.config.ConsoleConfig;

/** The console's {@link CsrfTokens}, from its configured key. */
@ApplicationScoped
public class Csrf {

    /** The request header scripts send it in. */
    public static final String HEADER = "X-CSRF-Token";
    /** The form field pages send it in. */
    public static final String FIELD = "csrf";

    private final CsrfTokens tokens;

    public Csrf(ConsoleConfig config) {
        this.tokens = new CsrfTokens(config.csrfKey());
    }

    public CsrfTokens tokens() {
        return tokens;
    }
}
