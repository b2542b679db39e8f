package org.clearpost.sandbox.flickr;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearpost.sandbox.domain.HeldMedia;
import org.clearpost.sandbox.domain.HeldPost;
import org.clearpost.sandbox.domain.Ids;
import org.clearpost.sandbox.domain.Network;
import org.clearpost.sandbox.domain.PostStore;
import org.clearpost.sandbox.domain.Tokens;

/**
 * Flickr's side of OAuth 1.0a (request tokens, verifiers, access tokens with their secrets), the nonces already
 * used, and the photos uploaded, in memory. Tokens are kept by value because the sandbox must know a token's secret
 * to check a signature, exactly as Flickr must. Synchronized: the volume is a test suite's.
 */
@ApplicationScoped
public class FlickrAccounts {

    private static final int MAX_NONCES = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, RequestToken> requestTokens = new LinkedHashMap<>();
    private final Map<String, Grant> accessTokens = new LinkedHashMap<>();
    private final Map<String, Boolean> nonces = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_NONCES;
        }
    };
    private final List<Photo> photos = new ArrayList<>();
    private final PostStore store;
    private final FlickrSandboxConfig config;
    private final Clock clock = Clock.systemUTC();

    FlickrAccounts(PostStore store, FlickrSandboxConfig config) {
        this.store = store;
        this.config = config;
    }

    public record RequestToken(String token, String secret, String callback, String verifier) {
    }

    public record Grant(String token, String secret, String nsid, String username) {
    }

    public record Photo(String id, String owner, String title, String description, HeldMedia media,
            Instant uploadedAt) {
        public String url() {
            return "https://www.flickr.com/photos/" + owner + "/" + id;
        }
    }

    public synchronized RequestToken newRequestToken(String callback) {
        RequestToken token = new RequestToken(random(16), random(8), callback, null);
        requestTokens.put(token.token(), token);
        return token;
    }

    public synchronized Optional<RequestToken> requestToken(String token) {
        return Optional.ofNullable(requestTokens.get(token));
    }

    /** The user approves the request token: it gets a verifier, to be exchanged once. */
    public synchronized Optional<RequestToken> approve(String token) {
        RequestToken pending = requestTokens.get(token);
        if (pending == null) {
            return Optional.empty();
        }
        RequestToken approved = new RequestToken(pending.token(), pending.secret(), pending.callback(), random(8));
        requestTokens.put(token, approved);
        return Optional.of(approved);
    }

    /** Exchanges an approved request token and its verifier for an access token, once; empty when they do not fit. */
    public synchronized Optional<Grant> exchange(String token, String verifier) {
        RequestToken approved = requestTokens.get(token);
        if (approved == null || approved.verifier() == null || !approved.verifier().equals(verifier)) {
            return Optional.empty();
        }
        requestTokens.remove(token);
        Grant grant = new Grant(random(16) + "-" + random(8), random(8), config.userNsid(), config.username());
        accessTokens.put(grant.token(), grant);
        return Optional.of(grant);
    }

    public synchronized Optional<Grant> grant(String accessToken) {
        return Optional.ofNullable(accessTokens.get(accessToken));
    }

    /** False when this nonce was already used with this timestamp and token (a replay). */
    public synchronized boolean firstUse(String timestamp, String nonce, String token) {
        return nonces.putIfAbsent(timestamp + '\0' + nonce + '\0' + token, Boolean.TRUE) == null;
    }

    public synchronized Photo addPhoto(Grant grant, String title, String description, String contentType,
            byte[] bytes) {
        String id = Ids.next();
        HeldMedia media = new HeldMedia(id, contentType, bytes.length, Tokens.sha256(bytes), null, null);
        Photo photo = new Photo(id, grant.nsid(), title, description, media, clock.instant());
        photos.add(photo);
        store.hold(new HeldPost(Network.FLICKR, id, HeldPost.Kind.PHOTO, grant.nsid(), description, null, null,
                null, null, null, null, List.of(media), photo.url(), Tokens.fingerprint(grant.token()),
                photo.uploadedAt()));
        return photo;
    }

    /** The user's photos, newest first. */
    public synchronized List<Photo> photosOf(String nsid) {
        return photos.stream().filter(p -> p.owner().equals(nsid))
                .sorted((a, b) -> b.uploadedAt().compareTo(a.uploadedAt())).toList();
    }

    public synchronized Optional<Photo> photo(String id) {
        return photos.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
