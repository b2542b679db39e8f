package org.clearpost.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.clearpost.events.DecisionSignatures;

/**
 * Random secrets generated on the first start and kept in {@code <data>/secrets/}, readable by the owner only.
 * Kept, not regenerated: the publisher's stored network tokens are encrypted with the key.
 */
final class Secrets {

    static final String KEYCLOAK_ADMIN_PASSWORD = "keycloak-admin-password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    Secrets(Path dir) {
        this.dir = dir;
    }

    /** AES-256 key for the publisher's token encryption, base64. */
    String tokenEncryptionKey() {
        return getOrCreate("token-encryption.key", Base64.getEncoder().encodeToString(randomBytes(32)));
    }

    /**
     * Clearance's decision-signing key, a private JWK (EC P-256); only clearance gets it. Kept across restarts, so
     * decisions already in the audit trail and on the topics still verify.
     */
    String decisionSigningKey() {
        return getOrCreate("decision-signing.jwk", DecisionSignatures.generatePrivateJwk());
    }

    /** Its public half, for the publisher (which verifies every decision against it) and for auditors. */
    String decisionVerificationKey() {
        return getOrCreate("decision-verification.jwk", DecisionSignatures.publicJwk(decisionSigningKey()));
    }

    /** Shared by the sandbox (signs webhooks) and monitoring (verifies them); hex like a real app secret. */
    /** One of the console's keys: base64 of 32 random bytes, kept across restarts (sessions survive them). */
    String consoleKey(String name) {
        return getOrCreate(name, java.util.Base64.getEncoder().encodeToString(randomBytes(32)));
    }

    String facebookAppSecret() {
        return getOrCreate("facebook-app-secret", HexFormat.of().formatHex(randomBytes(16)));
    }

    String facebookVerifyToken() {
        return getOrCreate("facebook-verify-token", Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24)));
    }

    /** Password of Keycloak's master-realm {@code admin}, for the admin console; set on Keycloak's first start. */
    String keycloakAdminPassword() {
        return getOrCreate(KEYCLOAK_ADMIN_PASSWORD, Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18)));
    }

    /**
     * The Kafka SCRAM password of one principal ({@code drafting-service}, {@code analyst}, {@code admin}, ...).
     * URL-safe base64, so it can go into a JAAS line unquoted by anything else.
     */
    String kafkaPassword(String principal) {
        return getOrCreate(kafkaPasswordFile(principal), Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24)));
    }

    static String kafkaPasswordFile(String principal) {
        return "kafka-" + principal + ".password";
    }

    /**
     * Writes (anew at every start, since the port may change) a Kafka client properties file for {@code principal}
     * that the Kafka command-line tools take with {@code --consumer.config} / {@code --command-config}.
     */
    Path writeKafkaClientProperties(String principal, Map<String, String> clientConfig) {
        Path file = dir.resolve("kafka-" + principal + ".properties");
        StringBuilder text = new StringBuilder("# Kafka client login as '" + principal + "', written by clearpost-local at each start.\n");
        clientConfig.entrySet().stream().sorted(Map.Entry.comparingByKey())
                // Properties syntax: backslashes would be eaten; the values written here have none but the JAAS quotes.
                .forEach(entry -> text.append(entry.getKey()).append('=').append(entry.getValue()).append('\n'));
        write(file, text.toString());
        return file;
    }

    private String getOrCreate(String name, String freshValue) {
        Path file = dir.resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, freshValue, StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create secret " + file, e);
        }
    }

    private void write(Path file, String content) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
