package org.clearpost.sandbox.flickr;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 5849 HMAC-SHA1 as a server checks it: the signature base string over the method, the base URL and every
 * parameter (query, form fields, {@code oauth_*} from the {@code Authorization} header, never a multipart file and
 * never {@code oauth_signature} itself), sorted by encoded name then value. Written here rather than shared with the
 * publisher, so a mistake on one side shows as a refused signature instead of agreeing with itself.
 */
final class OAuth1Check {

    private OAuth1Check() {
    }

    /** The {@code oauth_*} parameters of an {@code Authorization: OAuth ...} header, decoded; empty when none. */
    static Map<String, String> headerParams(String authorization) {
        Map<String, String> params = new LinkedHashMap<>();
        if (authorization == null || !authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            return params;
        }
        for (String part : authorization.substring(6).split(",")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = decode(p.substring(0, eq));
            String value = p.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (!name.equals("realm")) {
                params.put(name, decode(value));
            }
        }
        return params;
    }

    /** The base string (RFC 5849 3.4.1) of a request with these decoded parameters. */
    static String baseString(String method, URI url, List<Map.Entry<String, String>> params) {
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> p : params) {
            if (!p.getKey().equals("oauth_signature")) {
                encoded.add(new String[] {encode(p.getKey()), encode(p.getValue() == null ? "" : p.getValue())});
            }
        }
        encoded.sort(Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]));
        StringBuilder normalized = new StringBuilder();
        for (String[] e : encoded) {
            normalized.append(normalized.isEmpty() ? "" : "&").append(e[0]).append('=').append(e[1]);
        }
        return method.toUpperCase(Locale.ROOT) + '&' + encode(baseUrl(url)) + '&' + encode(normalized.toString());
    }

    /** Whether {@code signature} is the HMAC-SHA1 of the base string under consumer secret and token secret. */
    static boolean verify(String baseString, String consumerSecret, String tokenSecret, String signature) {
        if (signature == null) {
            return false;
        }
        String key = encode(consumerSecret) + '&' + encode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String expected = Base64.getEncoder().encodeToString(mac.doFinal(
                    baseString.getBytes(StandardCharsets.UTF_8)));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA1", e);
        }
    }

    /** Scheme and host lower-case, default port left out, no query (RFC 5849 3.4.1.2). */
    static String baseUrl(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                + (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath());
    }

    /** RFC 3986 percent-encoding: everything but ALPHA, DIGIT, '-', '.', '_', '~', upper-case hex. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    static String decode(String value) {
        return java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
