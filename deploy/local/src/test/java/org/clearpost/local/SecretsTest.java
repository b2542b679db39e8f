package org.clearpost.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.List;
import java.util.UUID;
import org.clearpost.events.DecisionSignatures;
import org.clearpost.events.EventJson;
import org.clearpost.events.Network;
import org.clearpost.events.PostCleared;
import org.clearpost.events.Target;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @TempDir
    Path dataDir;

    @Test
    void secretsAreGeneratedOnceAndKeptPrivate() throws Exception {
        Path dir = dataDir.resolve("secrets");
        Secrets first = new Secrets(dir);
        String key = first.tokenEncryptionKey();
        String appSecret = first.facebookAppSecret();
        String verifyToken = first.facebookVerifyToken();

        Secrets afterRestart = new Secrets(dir);

        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(appSecret).matches("[0-9a-f]{32}");
        assertThat(verifyToken).isNotBlank().isNotEqualTo(appSecret);
        assertThat(afterRestart.tokenEncryptionKey()).isEqualTo(key);
        assertThat(afterRestart.facebookAppSecret()).isEqualTo(appSecret);
        assertThat(afterRestart.facebookVerifyToken()).isEqualTo(verifyToken);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("token-encryption.key")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void eachKafkaPrincipalHasItsOwnKeptPasswordAndTheClientFileIsPrivate() throws Exception {
        Path dir = dataDir.resolve("secrets");
        Secrets secrets = new Secrets(dir);
        String drafting = secrets.kafkaPassword("drafting-service");

        assertThat(drafting).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(secrets.kafkaPassword("analyst"));
        assertThat(new Secrets(dir).kafkaPassword("drafting-service")).isEqualTo(drafting);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("kafka-drafting-service.password"))))
                .isEqualTo("rw-------");

        Path file = secrets.writeKafkaClientProperties("analyst", Map.of("bootstrap.servers", "localhost:1",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"analyst\" password=\"p\";"));
        Properties read = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            read.load(in);
        }
        assertThat(read).containsEntry("bootstrap.servers", "localhost:1")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"analyst\" password=\"p\";");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theDecisionKeysAreAPairKeptAcrossRestartsAndOnlyTheSigningKeyIsPrivate() {
        Path dir = dataDir.resolve("secrets");
        Secrets first = new Secrets(dir);
        String signing = first.decisionSigningKey();
        String verification = first.decisionVerificationKey();
        Secrets afterRestart = new Secrets(dir);

        assertThat(afterRestart.decisionSigningKey()).isEqualTo(signing);
        assertThat(afterRestart.decisionVerificationKey()).isEqualTo(verification);
        assertThat(signing).contains("\"d\"");
        assertThat(verification).doesNotContain("\"d\"");
        PostCleared signed = DecisionSignatures.sign(new PostCleared(UUID.randomUUID(), 1, "sha256:" + "ab".repeat(32),
                "dana", "normal", "colin", null, "Text", List.of(new Target(UUID.randomUUID(), Network.X, "acct")),
                null, null, null, null, null, Instant.now()), signing);
        DecisionSignatures.verify(EventJson.write(signed), verification);
    }
}
