package org.clearpost.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clearpost.events.KafkaAccess;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** {@code ./clearpost-local}: starts the platform, prints where everything is, and stops it all on Ctrl-C. */
public final class LocalPlatformMain {

    private static final PrintStream OUT = System.out;

    private LocalPlatformMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalPlatformOptions options = LocalPlatformOptions.fromEnvironment();
        parseArguments(args, options);
        LauncherLogging.toFiles(options.dataDir().resolve("logs"));

        LocalPlatform platform = new LocalPlatform(options);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            OUT.println("Stopping Clearpost...");
            platform.close();
            OUT.println("Stopped.");
        }, "clearpost-local-stop"));

        long started = System.nanoTime();
        OUT.println("Starting Clearpost; data in " + options.dataDir());
        try {
            platform.start(line -> OUT.println("  " + line));
        } catch (RuntimeException e) {
            System.err.println("Clearpost did not start: " + e.getMessage());
            System.exit(1);
        }
        platform.applications().forEach((application, process) -> process.onExit(() -> {
            if (!stopping.get()) {
                System.err.printf("%s stopped unexpectedly; see %s%n", application.id(), process.logFile());
            }
        }));
        printSummary(platform, options, (System.nanoTime() - started) / 1e9);
        // Everything runs in other threads and processes; this thread just keeps the JVM up until Ctrl-C.
        Thread.currentThread().join();
    }

    private static void parseArguments(String[] args, LocalPlatformOptions options) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--data-dir") && i + 1 < args.length) {
                options.dataDir(Path.of(args[++i]));
            } else if (arg.startsWith("--data-dir=")) {
                options.dataDir(Path.of(arg.substring("--data-dir=".length())));
            } else {
                System.err.println("unknown option " + arg + "; see ./clearpost-local --help");
                System.exit(2);
            }
        }
    }

    private static void printSummary(LocalPlatform platform, LocalPlatformOptions options, double seconds) {
        OUT.printf("%nClearpost is up (%.1f s). Ctrl-C stops everything.%n%n", seconds);
        if (platform.applications().containsKey(Component.CONSOLE)) {
            OUT.printf("  Open %s in a browser and sign in as dana (password dana).%n%n", platform.url(Component.CONSOLE));
        }
        for (Component application : platform.applications().keySet()) {
            OUT.printf("  %-11s %-24s Swagger UI %s%n", application.id(), platform.url(application),
                    platform.url(application).resolve("/q/swagger-ui"));
        }
        OUT.printf("  %-11s %-24s admin console %s (admin, password in %s)%n", "keycloak",
                platform.url(Component.KEYCLOAK), platform.url(Component.KEYCLOAK).resolve("/admin"),
                options.dataDir().resolve("secrets").resolve(Secrets.KEYCLOAK_ADMIN_PASSWORD));
        OUT.printf("  %-11s %s (SASL SCRAM-SHA-512; read-only analyst login in %s)%n", "kafka",
                platform.kafkaBootstrapServers(), platform.kafkaAnalystProperties());
        OUT.printf("  %-11s %s (%s / %s)%n", "postgresql",
                platform.jdbcUrl(Component.DRAFTING).replace("/" + Component.DRAFTING.database(), "/<service>"),
                platform.databaseUsername(), platform.databasePassword());

        OUT.printf("%nData: %s%nLogs:%n", platform.dataDir());
        List<String> logged = new ArrayList<>();
        platform.applications().keySet().forEach(application -> logged.add(application.id()));
        logged.addAll(List.of("keycloak", "kafka", "postgres", "launcher"));
        logged.forEach(name -> OUT.printf("  %-11s %s%n", name, platform.logsDir().resolve(name + ".log")));

        OUT.printf("%nRead events (analyst: read-only, consumer groups must start with %s):%n"
                        + "  kafka-console-consumer.sh --bootstrap-server %s --consumer.config %s --group %sconsole "
                        + "--topic clearpost.drafting.posts --from-beginning --property print.headers=true%n",
                KafkaAccess.ANALYST_GROUP_PREFIX, platform.kafkaBootstrapServers(), platform.kafkaAnalystProperties(),
                KafkaAccess.ANALYST_GROUP_PREFIX);
        OUT.printf("%nUsers (password = user name): %s%n", realmUsers(options.realmFile()));
        OUT.printf("Get a token:%n  curl -s -d client_id=clearpost-cli -d username=dana -d password=dana "
                + "-d grant_type=password %s | jq -r .access_token%n", platform.tokenUrl());
    }

    /** "dana (drafter), ..." straight from the realm file, so the list cannot drift from what Keycloak knows. */
    private static String realmUsers(Path realmFile) {
        try {
            JsonNode users = new ObjectMapper().readTree(realmFile.toFile()).path("users");
            return StreamSupport.stream(users.spliterator(), false)
                    .map(user -> user.path("username").asText() + " (" + StreamSupport.stream(user.path("realmRoles").spliterator(), false)
                            .map(JsonNode::asText).collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining(", "));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + realmFile, e);
        }
    }
}
