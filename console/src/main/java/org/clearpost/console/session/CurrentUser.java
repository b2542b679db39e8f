package org.clearpost.console.session;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in, as every page shows it ({@code {inject:user.name}}, {@code {inject:user.csrf}}, ...): name, roles
 * and this session's CSRF token for forms and the {@code X-CSRF-Token} header.
 */
@RequestScoped
@Named("user")
public class CurrentUser {

    public static final String DRAFTER = "drafter";
    public static final String CLEARER = "clearer";
    public static final String LEAD = "lead";
    public static final String MONITOR = "monitor";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    Csrf csrf;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    /** The Keycloak user name (dana, colin, ...). */
    public String getName() {
        String name = idToken.getClaim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public Set<String> getRoles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean isDrafter() {
        return has(DRAFTER);
    }

    public boolean isClearer() {
        return has(CLEARER) || has(LEAD);
    }

    public boolean isLead() {
        return has(LEAD);
    }

    public boolean isMonitor() {
        return has(MONITOR);
    }

    public boolean isAnalyst() {
        return has(ANALYST);
    }

    public boolean isAdmin() {
        return has(ADMIN);
    }

    public String getCsrf() {
        return csrf.tokens().tokenFor(sessionId(), idToken.getSubject());
    }

    /** Keycloak's session id ({@code sid}): new at every sign-in. */
    String sessionId() {
        String sid = idToken.getClaim("sid");
        return sid != null ? sid : String.valueOf(idToken.getIssuedAtTime());
    }

    String subject() {
        return idToken.getSubject();
    }
}
