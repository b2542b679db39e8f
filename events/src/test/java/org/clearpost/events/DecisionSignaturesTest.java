package org.clearpost.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.DecisionSignatures.ForgedDecisionException;
import org.junit.jupiter.api.Test;

class DecisionSignaturesTest {

    static final String KEY = DecisionSignatures.generatePrivateJwk();
    static final String PUBLIC_KEY = DecisionSignatures.publicJwk(KEY);

    static PostCleared decision() {
        Target target = new Target(UUID.randomUUID(), Network.X, "clearpost_demo", "Our guide £ 🎉 漢字",
                List.of("Part 2"), null, null, List.of(), null);
        return new PostCleared(UUID.randomUUID(), 1, "sha256:" + "ab".repeat(32), "dana", "normal", "colin", null,
                "Our new guidance is out", List.of(target), null, null, null, null, null,
                Instant.parse("2026-03-29T00:30:00.123456Z"));
    }

    @Test
    void aSignedDecisionVerifiesAgainstThePublicKey() {
        PostCleared signed = DecisionSignatures.sign(decision(), KEY);

        assertThat(signed.signature()).matches("^[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+$");
        DecisionSignatures.verify(EventJson.write(signed), PUBLIC_KEY);
    }

    @Test
    void theSignatureSurvivesReorderedMembersAndWhitespaceAsJsonbMakesThem() throws Exception {
        PostCleared signed = DecisionSignatures.sign(decision().withHeldBySuspension(UUID.randomUUID()), KEY);
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(signed));
        // Rebuild with the members in reverse order, pretty-printed and without the null members.
        ObjectNode reversed = EventJson.mapper().createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.stream().filter(n -> !tree.get(n).isNull()).forEach(n -> reversed.set(n, tree.get(n)));
        String rewritten = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reversed);

        DecisionSignatures.verify(rewritten, PUBLIC_KEY);
        assertThat(DecisionSignatures.canonicalForm(rewritten))
                .isEqualTo(DecisionSignatures.canonicalForm(EventJson.write(signed)))
                .doesNotContain("signature").doesNotContain(" \"");
    }

    @Test
    void anAlteredFieldFails() throws Exception {
        PostCleared signed = DecisionSignatures.sign(decision(), KEY);
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(signed));
        ((ObjectNode) tree.get("targets").get(0)).put("text", "Something the clearer never saw");

        assertThatThrownBy(() -> DecisionSignatures.verify(tree.toString(), PUBLIC_KEY))
                .isInstanceOf(ForgedDecisionException.class).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void liftingTheSuspensionFromTheDecisionFails() {
        PostCleared signed = DecisionSignatures.sign(decision().withHeldBySuspension(UUID.randomUUID()), KEY);

        assertThatThrownBy(() -> DecisionSignatures.verify(EventJson.write(signed.withHeldBySuspension(null)),
                PUBLIC_KEY)).isInstanceOf(ForgedDecisionException.class);
    }

    @Test
    void anAddedUnknownFieldFails() throws Exception {
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(
                DecisionSignatures.sign(decision(), KEY)));
        tree.put("publishAlsoTo", "another account");

        assertThatThrownBy(() -> DecisionSignatures.verify(tree.toString(), PUBLIC_KEY))
                .isInstanceOf(ForgedDecisionException.class);
    }

    @Test
    void anotherKeyFails() {
        String attackersKey = DecisionSignatures.generatePrivateJwk();
        PostCleared signed = DecisionSignatures.sign(decision(), attackersKey);

        assertThatThrownBy(() -> DecisionSignatures.verify(EventJson.write(signed), PUBLIC_KEY))
                .isInstanceOf(ForgedDecisionException.class);
        DecisionSignatures.verify(EventJson.write(signed), DecisionSignatures.publicJwk(attackersKey));
    }

    @Test
    void aMissingOrMalformedSignatureFails() {
        PostCleared unsigned = decision();

        assertThatThrownBy(() -> DecisionSignatures.verify(EventJson.write(unsigned), PUBLIC_KEY))
                .isInstanceOf(ForgedDecisionException.class).hasMessageContaining("no signature");
        assertThatThrownBy(() -> DecisionSignatures.verify(EventJson.write(unsigned.withSignature("e30..AAAA")),
                PUBLIC_KEY)).isInstanceOf(ForgedDecisionException.class);
    }

    @Test
    void anUnsignedAlgorithmNoneSignatureFails() {
        // {"alg":"none"} with an empty signature: the oldest JWS forgery.
        String none = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "..";

        assertThatThrownBy(() -> DecisionSignatures.verify(EventJson.write(decision().withSignature(none)),
                PUBLIC_KEY)).isInstanceOf(ForgedDecisionException.class);
    }

    @Test
    void aDuplicateMemberIsRefused() {
        String json = EventJson.write(DecisionSignatures.sign(decision(), KEY));
        String duplicated = "{\"text\":\"Something else\"," + json.substring(1);

        assertThatThrownBy(() -> DecisionSignatures.verify(duplicated, PUBLIC_KEY))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void thePublicKeyHasNoPrivatePartAndCannotSign() {
        assertThat(PUBLIC_KEY).contains("\"kid\"").doesNotContain("\"d\"");
        assertThatThrownBy(() -> DecisionSignatures.sign(decision(), PUBLIC_KEY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
