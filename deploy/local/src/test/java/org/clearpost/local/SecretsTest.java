package org.clearpost.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

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
}
