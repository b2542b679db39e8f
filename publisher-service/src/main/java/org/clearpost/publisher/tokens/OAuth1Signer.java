package org.clearpost.publisher.tokens;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a request signing with HMAC-SHA1 (RFC 5849 section 3), as Flickr requires of every call: the signature
 * base string covers the method, the base URL, and every parameter of the URL's query, of a urlencoded or multipart
 * form's text fields (never a file) and the {@code oauth_*} ones, percent-encoded and sorted; the key is the consumer
 * secret and the token secret. The result goes in an {@code Authorization: OAuth ...} header. The secrets never leave
 * this class except as the signature.
 */
public final class OAuth1Signer {

    private static final SecureRandom NONCES = new SecureRandom();

    private final String consumerKey;
    private final String consumerSecret;
    private final Clock clock;

    public OAuth1Signer(String consumerKey, String consumerSecret) {
        this(consumerKey, consumerSecret, Clock.systemUTC());
    }

    OAuth1Signer(String consumerKey, String consumerSecret, Clock clock) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.clock = clock;
    }

    /**
     * The {@code Authorization} header of a request: a fresh nonce and timestamp, {@code token} (null before there is
     * one), {@code extra} protocol parameters ({@code oauth_callback}, {@code oauth_verifier}) and the signature over
     * them and {@code params} (the form's text fields; the URL's query is read from {@code url}).
     */
    public String authorization(String method, URI url, List<Map.Entry<String, String>> params, String token,
            String tokenSecret, Map<String, String> extra) {
        byte[] nonce = new byte[16];
        NONCES.nextBytes(nonce);
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", HexFormat.of().formatHex(nonce));
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
        if (token != null) {
            oauth.put("oauth_token", token);
        }
        oauth.put("oauth_version", "1.0");
        oauth.putAll(extra);
        List<Map.Entry<String, String>> all = new ArrayList<>(params);
        all.addAll(oauth.entrySet());
        oauth.put("oauth_signature", signature(method, url, all, consumerSecret, tokenSecret));
        return "OAuth " + oauth.entrySet().stream().map(e -> encode(e.getKey()) + "=\"" + encode(e.getValue()) + "\"")
                .collect(Collectors.joining(", "));
    }

    /** The HMAC-SHA1 signature (base64) of a request with these parameters (RFC 5849 3.4.2). */
    public static String signature(String method, URI url, List<Map.Entry<String, String>> params,
            String consumerSecret, String tokenSecret) {
        String key = encode(consumerSecret) + '&' + encode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString(method, url, params)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JVM has HmacSHA1", e);
        }
    }

    /**
     * The signature base string (RFC 5849 3.4.1): method, base URL (3.4.1.2) and the normalized parameters
     * (3.4.1.3): those of the URL's query plus {@code params}, each name and value encoded, sorted by name then value,
     * {@code oauth_signature} left out.
     */
    public static String baseString(String method, URI url, List<Map.Entry<String, String>> params) {
        List<Map.Entry<String, String>> all = new ArrayList<>(queryOf(url));
        all.addAll(params);
        String normalized = all.stream().filter(e -> !e.getKey().equals("oauth_signature"))
                .map(e -> Map.entry(encode(e.getKey()), encode(e.getValue() == null ? "" : e.getValue())))
                .sorted(Comparator.<Map.Entry<String, String>, String>comparing(Map.Entry::getKey)
                        .thenComparing(Map.Entry::getValue))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + '&' + encode(baseUrl(url)) + '&' + encode(normalized);
    }

    /** RFC 3986 percent-encoding (RFC 5849 3.6): only ALPHA, DIGIT, '-', '.', '_' and '~' stay as they are. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Scheme and host in lower case, the port only when not the scheme's default, the path; no query. */
    static String baseUrl(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    /** The URL's query as decoded name/value pairs (a name without '=' has an empty value). */
    static List<Map.Entry<String, String>> queryOf(URI url) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        String query = url.getRawQuery();
        if (query == null || query.isEmpty()) {
            return pairs;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return pairs;
    }
}
