package org.clearpost.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.clearpost.events.KafkaAccess;
import org.clearpost.events.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Keeps the Kubernetes manifests in step with the event contract and with what each service reads. */
class ManifestsTest {

    private static final Path MANIFESTS = Path.of("src/main/kubernetes");
    private static final Path REPOSITORY = Path.of("../..");
    private static final List<String> SERVICES = List.of("drafting-service", "clearance-service",
            "publisher-service", "monitoring-service", "analytics-service");

    @Test
    void kustomizationListsEveryManifestAndEveryServiceHasOne() throws IOException {
        List<String> resources = list(single("kustomization.yaml").get("resources"));
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(resources);
        }
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            assertThat(modules.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-service")))
                    .containsExactlyInAnyOrderElementsOf(SERVICES);
        }
        assertThat(resources).containsAll(SERVICES.stream().map(s -> s + ".yaml").toList());
    }

    @Test
    void everyTopicOfTheContractAndEveryDeadLetterTopicIsDeclaredWithARetentionPolicy() throws IOException {
        List<String> declared = new ArrayList<>();
        for (Map<String, Object> topic : documents("topics.yaml")) {
            assertThat(topic.get("kind")).isEqualTo("KafkaTopic");
            Map<String, Object> spec = map(topic.get("spec"));
            Map<String, Object> config = map(spec.get("config"));
            String policy = String.valueOf(config.get("cleanup.policy"));
            assertThat(policy).as(spec.get("topicName") + " cleanup.policy").isIn("delete", "compact",
                    "compact,delete");
            if (policy.contains("delete")) {
                assertThat(config).as(spec.get("topicName") + " deletes, so must say when").containsKey(
                        "retention.ms");
            }
            assertThat((Integer) spec.get("replicas")).isGreaterThan((Integer) config.get("min.insync.replicas"));
            String name = (String) spec.get("topicName");
            Topics.partitions(name).ifPresent(partitions -> assertThat(spec.get("partitions")).as(name).isEqualTo(partitions));
            if (Topics.compacted(name)) {
                assertThat(policy).as(name + " must keep every key's latest record").isEqualTo("compact");
            }
            // And the other way round: the contract (so the local broker and the AsyncAPI document) knows every
            // compacted topic of production.
            if (policy.equals("compact")) {
                assertThat(Topics.compacted(name)).as(name + " is compacted in production, so in the contract").isTrue();
            }
            declared.add(name);
        }
        assertThat(declared).containsAll(Topics.ALL).containsAll(Topics.INTERNAL).containsAll(
                java.util.Arrays.stream(org.clearpost.events.figures.FigureType.values())
                        .map(org.clearpost.events.figures.FigureType::topic).toList());
        for (String service : SERVICES) {
            String deadLetter = applicationProperties(service)
                    .getProperty("mp.messaging.connector.smallrye-kafka.dead-letter-queue.topic");
            if (deadLetter != null) {
                assertThat(declared).as(service + "'s dead-letter topic").contains(deadLetter);
            }
        }
    }

    @Test
    void everyServiceIsProbedLimitedAndTakesItsSecretsFromSecrets() throws IOException {
        for (String service : SERVICES) {
            Map<String, Object> deployment = documents(service + ".yaml").stream()
                    .filter(d -> "Deployment".equals(d.get("kind"))).findFirst().orElseThrow();
            Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
            Map<String, Object> container = map(list(pod.get("containers")).get(0));

            assertThat(path(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            assertThat(path(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
            assertThat(path(container, "startupProbe", "httpGet", "path")).isEqualTo("/q/health/started");
            assertThat(path(container, "resources", "limits", "memory")).as(service).isNotNull();
            for (Object entry : list(container.get("env"))) {
                Map<String, Object> env = map(entry);
                String name = (String) env.get("name");
                if (name.matches(".*(PASSWORD|SECRET|KEY|TOKEN).*")) {
                    assertThat(env).as(service + " " + name + " must come from a Secret").doesNotContainKey("value");
                    assertThat(path(env, "valueFrom", "secretKeyRef", "name")).isNotNull();
                }
            }
            assertThat(list(container.get("env")).stream().map(e -> map(e).get("name")))
                    .contains("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                            "QUARKUS_DATASOURCE_PASSWORD");
        }
    }

    @Test
    void theSettingsThatHaveNoDefaultAreGivenToTheirService() throws IOException {
        // The publisher refuses to start without its token key; monitoring without its webhook secrets.
        assertThat(envNames("publisher-service")).contains("CLEARPOST_TOKENS_ENCRYPTION_KEY",
                "CLEARPOST_PUBLISHER_CLEARANCE_PUBLIC_KEY");
        // Clearance refuses to start without its decision-signing key.
        assertThat(envNames("clearance-service")).contains("CLEARPOST_CLEARANCE_SIGNING_KEY");
        assertThat(envNames("monitoring-service")).contains("CLEARPOST_WEBHOOKS_FACEBOOK_APP_SECRET",
                "CLEARPOST_WEBHOOKS_FACEBOOK_VERIFY_TOKEN");
        Map<String, Object> common = documents("common.yaml").stream()
                .filter(d -> "ConfigMap".equals(d.get("kind"))).findFirst().orElseThrow();
        assertThat(map(common.get("data"))).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL");
    }

    /** The broker enforces what the KafkaUsers say: they must grant exactly the contract's table, no more, no less. */
    @Test
    void theKafkaUsersGrantExactlyTheContractsAccessTable() throws IOException {
        Set<KafkaAccess.Grant> declared = new HashSet<>();
        List<String> users = new ArrayList<>();
        for (Map<String, Object> user : documents("kafka-users.yaml")) {
            assertThat(user.get("kind")).isEqualTo("KafkaUser");
            String name = (String) path(user, "metadata", "name");
            users.add(name);
            assertThat(path(user, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("clearpost");
            assertThat(path(user, "spec", "authentication", "type")).as(name).isEqualTo("scram-sha-512");
            assertThat(path(user, "spec", "authorization", "type")).as(name).isEqualTo("simple");
            for (Object entry : list(path(user, "spec", "authorization", "acls"))) {
                Map<String, Object> acl = map(entry);
                assertThat(acl.getOrDefault("type", "allow")).isEqualTo("allow");
                assertThat(acl.getOrDefault("host", "*")).isEqualTo("*");
                Map<String, Object> resource = map(acl.get("resource"));
                KafkaAccess.Pattern pattern = switch ((String) resource.get("patternType")) {
                    case "literal" -> KafkaAccess.Pattern.LITERAL;
                    case "prefix" -> KafkaAccess.Pattern.PREFIXED;
                    default -> throw new AssertionError("unknown patternType in " + acl);
                };
                for (Object operation : list(acl.get("operations"))) {
                    declared.add(new KafkaAccess.Grant(name,
                            resourceType((String) resource.get("type")),
                            (String) resource.get("name"), pattern,
                            operation((String) operation)));
                }
            }
        }
        assertThat(users).containsExactlyInAnyOrderElementsOf(
                KafkaAccess.principals().stream().filter(p -> !p.equals(KafkaAccess.ADMIN)).toList());
        assertThat(declared).containsExactlyInAnyOrderElementsOf(KafkaAccess.grants());
    }

    @Test
    void everyServiceLogsInToKafkaWithItsOwnUsersStrimziSecret() throws IOException {
        for (String service : SERVICES) {
            Map<String, Object> deployment = documents(service + ".yaml").get(0);
            Map<String, Object> container = map(list(map(map(map(deployment.get("spec")).get("template")).get("spec"))
                    .get("containers")).get(0));
            Map<String, Object> password = list(container.get("env")).stream().map(ManifestsTest::map)
                    .filter(env -> "CLEARPOST_KAFKA_PASSWORD".equals(env.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " has no CLEARPOST_KAFKA_PASSWORD"));
            assertThat(path(password, "valueFrom", "secretKeyRef", "name")).as(service).isEqualTo(service);
            assertThat(path(password, "valueFrom", "secretKeyRef", "key")).isEqualTo("password");
        }
        // Nobody may create topics in the cluster, so every topic somebody writes must be declared.
        List<Object> declared = documents("topics.yaml").stream().map(topic -> path(topic, "spec", "topicName")).toList();
        assertThat(declared).containsAll(KafkaAccess.topics());
    }

    /** Strimzi's operations (Read, Write, DescribeConfigs...) in the contract's (Kafka's) names. */
    private static KafkaAccess.Operation operation(String strimzi) {
        return KafkaAccess.Operation.valueOf(strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    /** Strimzi's resource types (topic, group, transactionalId) in the contract's (Kafka's) names. */
    private static KafkaAccess.Resource resourceType(String strimzi) {
        return KafkaAccess.Resource.valueOf(strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    private static List<Object> envNames(String service) throws IOException {
        Map<String, Object> deployment = documents(service + ".yaml").get(0);
        Map<String, Object> container = map(list(map(map(map(deployment.get("spec")).get("template")).get("spec"))
                .get("containers")).get(0));
        return list(container.get("env")).stream().map(e -> map(e).get("name")).toList();
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                REPOSITORY.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static Map<String, Object> single(String file) throws IOException {
        return documents(file).get(0);
    }

    private static List<Map<String, Object>> documents(String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(MANIFESTS.resolve(file))) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        }
        return documents;
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object o) {
        return (List<T>) o;
    }
}
