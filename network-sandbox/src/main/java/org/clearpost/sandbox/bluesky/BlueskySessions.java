package org.clearpost.sandbox.bluesky;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearpost.sandbox.domain.Tokens;

/**
 * The sessions {@code com.atproto.server.createSession} opens, for the publishing XRPC methods: an access token is
 * accepted until the session is refreshed or a test expires it ({@code POST /sandbox/bluesky/sessions/expire}), so
 * {@code ExpiredToken} and {@code com.atproto.server.refreshSession} can be exercised without waiting two hours.
 * Refresh tokens are single-use, as on the real PDS: a refresh rotates both tokens. Only fingerprints are kept.
 */
@ApplicationScoped
public class BlueskySessions {

    /** An XRPC error answer: HTTP status, {@code error} name and {@code message}. */
    public record Refusal(int status, String error, String message) {
    }

    /** Tokens of one session, in the clear only in the answer that hands them out. */
    public record Session(String accessJwt, String refreshJwt) {
    }

    private enum State { ACTIVE, EXPIRED }

    private final Map<String, State> access = new HashMap<>();
    // refresh fingerprint -> the access fingerprint it belongs to
    private final Map<String, String> refresh = new HashMap<>();

    /** Registers tokens made elsewhere (createSession keeps its own list for listNotifications). */
    public synchronized void register(String accessJwt, String refreshJwt) {
        access.put(Tokens.fingerprint(accessJwt), State.ACTIVE);
        refresh.put(Tokens.fingerprint(refreshJwt), Tokens.fingerprint(accessJwt));
    }

    /** Why {@code accessJwt} is refused, or empty: 400 {@code ExpiredToken} once expired, 401 when unknown. */
    public synchronized Optional<Refusal> check(String accessJwt) {
        State state = access.get(Tokens.fingerprint(accessJwt));
        if (state == null) {
            return Optional.of(new Refusal(401, "InvalidToken", "Token could not be verified"));
        }
        if (state == State.EXPIRED || Tokens.isExpired(accessJwt)) {
            return Optional.of(new Refusal(400, "ExpiredToken", "Token has expired"));
        }
        return Optional.empty();
    }

    /** {@code refreshSession}: a new pair for a refresh token not used before; the old pair stops working. */
    public synchronized Optional<Session> refresh(String refreshJwt) {
        String accessFingerprint = refresh.remove(Tokens.fingerprint(refreshJwt));
        if (accessFingerprint == null) {
            return Optional.empty();
        }
        access.remove(accessFingerprint);
        return Optional.of(issue());
    }

    /** Makes every access token issued so far expired (refresh tokens stay usable). */
    public synchronized int expireAll() {
        access.replaceAll((k, v) -> State.EXPIRED);
        return access.size();
    }

    private Session issue() {
        Session session = new Session("sandbox-bsky-access-" + UUID.randomUUID(),
                "sandbox-bsky-refresh-" + UUID.randomUUID());
        register(session.accessJwt(), session.refreshJwt());
        return session;
    }
}
