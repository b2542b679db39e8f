package org.clearpost.infra;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak (the keycloak-quarkus-dist tarball) in dev mode as a child process. Its H2 database lives in
 * {@code <home>/data}, so users, sessions and realm changes survive restarts; the realm file is imported only
 * when the realm does not exist yet.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The first start runs Keycloak's build step (~30 s on two cores) before booting. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(4);
    private static final String UNPACKED_MARKER_PREFIX = ".unpacked-";

    private final ChildProcess process;
    private final int httpPort;
    private final String realm;

    private KeycloakServer(ChildProcess process, int httpPort, String realm) {
        this.process = process;
        this.httpPort = httpPort;
        this.realm = realm;
    }

    /**
     * Unpacks {@code distTarGz} into {@code homeDir} (once per tarball), imports {@code realmFile} and starts
     * {@code kc.sh start-dev}, returning when the realm's OpenID configuration is served.
     *
     * @param httpPort 0 for any free port
     * @param adminPassword password of the master realm's {@code admin}, set on the very first start only
     */
    public static KeycloakServer start(Path distTarGz, Path homeDir, int httpPort, Path realmFile,
            String adminPassword, Path logFile) {
        int port = FreePort.orPick(httpPort);
        String realm = realmName(realmFile);
        unpackOnce(distTarGz, homeDir);
        copyRealm(realmFile, homeDir);
        List<String> command = List.of(
                homeDir.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port,
                // Management (health/metrics) would otherwise claim port 9000, which the developer may be using.
                "--http-management-port=" + FreePort.pick(),
                "--import-realm");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                // A master-realm admin for the admin console, created only on the very first start.
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        ChildProcess process = ChildProcess.start("keycloak", command, env, homeDir, logFile);
        KeycloakServer server = new KeycloakServer(process, port, realm);
        try {
            process.awaitHttpOk(URI.create(server.issuerUrl() + "/.well-known/openid-configuration"), STARTUP_TIMEOUT);
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        return server;
    }

    private static String realmName(Path realmFile) {
        try {
            return new ObjectMapper().readTree(realmFile.toFile()).path("realm").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read realm file " + realmFile, e);
        }
    }

    private static void unpackOnce(Path distTarGz, Path homeDir) {
        Path marker = homeDir.resolve(UNPACKED_MARKER_PREFIX + distTarGz.getFileName());
        if (Files.exists(marker)) {
            return;
        }
        try {
            Files.createDirectories(homeDir);
            // The system tar keeps the executable bits of bin/*.sh; the top-level keycloak-x.y.z/ folder is dropped.
            Process tar = new ProcessBuilder("tar", "-xzf", distTarGz.toAbsolutePath().toString(),
                    "--strip-components=1", "-C", homeDir.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new IllegalStateException("cannot unpack " + distTarGz + ": " + output);
            }
            // Written last, so an interrupted unpack is redone next time.
            Files.createFile(marker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + distTarGz + " into " + homeDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unpacking Keycloak", e);
        }
    }

    private static void copyRealm(Path realmFile, Path homeDir) {
        try {
            Path importDir = Files.createDirectories(homeDir.resolve("data/import"));
            Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy realm file " + realmFile, e);
        }
    }

    /** For example {@code http://localhost:8180/realms/clearpost}. */
    public String issuerUrl() {
        return "http://localhost:" + httpPort + "/realms/" + realm;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The pid of kc.sh, which runs the Keycloak JVM as its child (or, after a build step, has become it). */
    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Stops kc.sh and the Keycloak JVM under it. */
    @Override
    public void close() {
        process.stop();
    }
}
