package org.clearpost.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPlatformOptionsTest {

    @Test
    void defaultsMatchTheDocumentedPortsAndDataDirectory() {
        LocalPlatformOptions options = LocalPlatformOptions.defaults();

        assertThat(options.dataDir()).isEqualTo(options.repoRoot().resolve(".local-data"));
        assertThat(options.port(Component.DRAFTING)).isEqualTo(8081);
        assertThat(options.port(Component.ANALYTICS)).isEqualTo(8085);
        assertThat(options.port(Component.SANDBOX)).isEqualTo(8089);
        assertThat(options.port(Component.KEYCLOAK)).isEqualTo(8180);
        assertThat(options.port(Component.KAFKA)).isEqualTo(9092);
        assertThat(options.port(Component.POSTGRES)).isEqualTo(5432);
        assertThat(options.applications()).isEqualTo(Component.APPLICATIONS);
        assertThat(options.quarkusRunJar(Component.SANDBOX))
                .isEqualTo(options.repoRoot().resolve("network-sandbox/target/quarkus-app/quarkus-run.jar"));
    }

    @Test
    void environmentOverridesPortsHeapAndDataDirectory() {
        Map<String, String> settings = Map.of(
                "clearpost.port.drafting", "9081",
                "clearpost.port.kafka", "19092",
                "clearpost.service.heap", "384m",
                "clearpost.data.dir", "/tmp/clearpost-elsewhere");

        LocalPlatformOptions options = LocalPlatformOptions.fromEnvironment(settings::get);

        assertThat(options.port(Component.DRAFTING)).isEqualTo(9081);
        assertThat(options.port(Component.KAFKA)).isEqualTo(19092);
        assertThat(options.port(Component.CLEARANCE)).isEqualTo(8082);
        assertThat(options.serviceHeap()).isEqualTo("384m");
        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/clearpost-elsewhere"));
        assertThat(options.applications()).isEqualTo(Component.APPLICATIONS);
    }

    @Test
    void environmentSelectsApplications() {
        assertThat(LocalPlatformOptions.fromEnvironment(Map.of("clearpost.applications", "sandbox, Drafting")::get).applications())
                .containsExactly(Component.SANDBOX, Component.DRAFTING);
        assertThat(LocalPlatformOptions.fromEnvironment(Map.of("clearpost.applications", "none")::get).applications()).isEmpty();
        assertThatThrownBy(() -> LocalPlatformOptions.fromEnvironment(Map.of("clearpost.applications", "kafka")::get))
                .hasMessageContaining("unknown application 'kafka'");
    }

    @Test
    void testsAddSettingsToOneApplicationsEnvironmentOnly() {
        LocalPlatformOptions options = LocalPlatformOptions.defaults()
                .environment(Component.PUBLISHER, "CLEARPOST_PUBLISHER_METRICS_SAMPLE_AGES", "PT5S,PT6S,PT7S,PT8S,PT9S");

        assertThat(options.environment(Component.PUBLISHER))
                .containsExactly(Map.entry("CLEARPOST_PUBLISHER_METRICS_SAMPLE_AGES", "PT5S,PT6S,PT7S,PT8S,PT9S"));
        assertThat(options.environment(Component.DRAFTING)).isEmpty();
        assertThat(LocalPlatformOptions.defaults().environment(Component.PUBLISHER)).isEmpty();
        assertThatThrownBy(() -> options.environment(Component.KAFKA, "X", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
