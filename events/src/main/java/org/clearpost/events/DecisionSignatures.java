package org.clearpost.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * Clearance signs every {@link PostCleared}; the publisher publishes only what verifies. The one place that knows the
 * canonical form, the algorithm and the key format, so the two sides cannot drift apart.
 *
 * <p>The signature is a <b>detached JWS</b> (RFC 7515 appendix F: {@code header..signature}, compact serialisation
 * with the payload left out), ES256 over P-256, the protected header naming the key by its RFC 7638 thumbprint
 * ({@code kid}). Keys are JWKs (RFC 7517): clearance holds the private one (which also carries its public half), the
 * publisher and anyone auditing a publication hold only the public one.
 *
 * <p>The signed payload is the event's <b>canonical form</b>, not the bytes clearance wrote: the outbox stores the
 * payload as jsonb and the relay reads {@code payload::text}, so key order and whitespace change on the way. The
 * canonical form is the event's JSON with the {@code signature} member removed, every object's members sorted by
 * name, null members dropped (absent and null mean the same in the contract) and no whitespace, written by Jackson.
 * It is computed from the JSON tree, not from the record, so a field this release does not know is still covered by
 * the signature, and it is recomputed identically from clearance's record and from the publisher's received text.
 * A body with a duplicate member is refused outright: one reader could take the first value and another the last.
 */
public final class DecisionSignatures {

    /** The event member that carries the signature; it is the one member left out of the signed payload. */
    public static final String SIGNATURE_FIELD = "signature";
    public static final String ALGORITHM = AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;

    private static final ObjectMapper STRICT = EventJson.mapper().copy()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private DecisionSignatures() {
    }

    /** A new P-256 key pair as a private JWK (JSON), its {@code kid} the key's thumbprint. */
    public static String generatePrivateJwk() {
        try {
            EllipticCurveJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setAlgorithm(ALGORITHM);
            return jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate a P-256 key pair", e);
        }
    }

    /** The public half of a (private or public) JWK, as the JWK to give the publisher and auditors. */
    public static String publicJwk(String jwk) {
        return parse(jwk, false).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** Checks at start-up that {@code privateJwk} can sign; returns its public half. */
    public static String checkSigningKey(String privateJwk) {
        return parse(privateJwk, true).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** Signs the decision with the private JWK; any signature it already carries is replaced. */
    public static PostCleared sign(PostCleared decision, String privateJwk) {
        PublicJsonWebKey key = parse(privateJwk, true);
        return decision.withSignature(signCanonical(canonicalForm(EventJson.write(decision)), key));
    }

    /**
     * Checks the received body of a PostCleared against the public JWK: throws {@link ForgedDecisionException} if
     * the signature is missing, malformed, by another key or over other content.
     */
    public static void verify(String eventJson, String publicJwk) {
        JsonNode tree = readStrict(eventJson);
        JsonNode signature = tree.get(SIGNATURE_FIELD);
        if (signature == null || !signature.isTextual() || signature.asText().isBlank()) {
            throw new ForgedDecisionException("The decision carries no signature");
        }
        if (!verifies(canonical(tree), signature.asText(), parse(publicJwk, false))) {
            throw new ForgedDecisionException("The decision's signature does not verify against clearance's key");
        }
    }

    /** True if {@code detachedJws} is a valid signature of {@code canonicalPayload} by the public JWK. */
    public static boolean verifies(String canonicalPayload, String detachedJws, String publicJwk) {
        return verifies(canonicalPayload, detachedJws, parse(publicJwk, false));
    }

    /** The payload that is signed: see the class comment. */
    public static String canonicalForm(String eventJson) {
        return canonical(readStrict(eventJson));
    }

    private static String signCanonical(String canonicalPayload, PublicJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(ALGORITHM);
        jws.setKeyIdHeaderValue(key.getKeyId() != null ? key.getKeyId() : thumbprint(key));
        jws.setPayload(canonicalPayload);
        jws.setKey(key.getPrivateKey());
        try {
            return jws.getDetachedContentCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign the decision", e);
        }
    }

    private static boolean verifies(String canonicalPayload, String detachedJws, PublicJsonWebKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            // Only ES256: never let the header choose "none" or an HMAC keyed with the public key.
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    ALGORITHM));
            jws.setCompactSerialization(detachedJws);
            jws.setPayload(canonicalPayload);
            jws.setKey(key.getPublicKey());
            return jws.verifySignature();
        } catch (JoseException | RuntimeException e) {
            return false;
        }
    }

    private static String canonical(JsonNode tree) {
        if (!tree.isObject()) {
            throw new MalformedEventException("A decision must be a JSON object");
        }
        ObjectNode withoutSignature = ((ObjectNode) tree).deepCopy();
        withoutSignature.remove(SIGNATURE_FIELD);
        try {
            return EventJson.mapper().writeValueAsString(sorted(withoutSignature));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the canonical form", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (String name : names) {
                JsonNode value = node.get(name);
                if (!value.isNull()) {
                    out.set(name, sorted(value));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                out.add(sorted(it.next()));
            }
            return out;
        }
        return node;
    }

    private static JsonNode readStrict(String json) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("The decision is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static PublicJsonWebKey parse(String jwk, boolean needPrivate) {
        if (jwk == null || jwk.isBlank()) {
            throw new IllegalArgumentException("No decision-signing key configured");
        }
        PublicJsonWebKey key;
        try {
            key = PublicJsonWebKey.Factory.newPublicJwk(jwk.strip());
        } catch (JoseException e) {
            throw new IllegalArgumentException("The decision-signing key is not a JWK: " + e.getMessage(), e);
        }
        if (!(key instanceof EllipticCurveJsonWebKey ec) || !EllipticCurves.P_256.equals(ec.getCurveName())) {
            throw new IllegalArgumentException("The decision-signing key must be an EC P-256 JWK");
        }
        if (needPrivate && key.getPrivateKey() == null) {
            throw new IllegalArgumentException("The decision-signing key has no private part (\"d\")");
        }
        return key;
    }

    private static String thumbprint(PublicJsonWebKey key) {
        return key.calculateBase64urlEncodedThumbprint("SHA-256");
    }

    /** A PostCleared whose signature is missing or does not verify: poison, never published, dead-lettered. */
    public static class ForgedDecisionException extends MalformedEventException {

        public ForgedDecisionException(String message) {
            super(message);
        }
    }
}
