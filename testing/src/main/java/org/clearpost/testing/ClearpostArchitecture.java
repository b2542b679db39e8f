package org.clearpost.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The layout every Clearpost service follows (docs/architecture.md, "Layout inside a service"), as ArchUnit rules,
 * in one place. A service's test applies them to its own main classes:
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; followsTheClearpostLayout() {
 *     return ClearpostArchitecture.tests("drafting");
 * }
 * </pre>
 * Inside {@code org.clearpost.<service>}: the root package holds what every package may use (channel names, the
 * London time rule) and depends on nothing else of the service; {@code rest} and {@code messaging} are the entry
 * points (JAX-RS resources, Kafka consumers) that nothing else depends on; {@code domain} holds entities and
 * transactional services; {@code config} the {@code @ConfigMapping} interfaces and producers built from them;
 * feature packages ({@code campaign}, {@code audit}, {@code preelection}, ...) each hold one feature's entities,
 * services, and its own resources and consumers. No cycles between these packages.
 */
public final class ClearpostArchitecture {

    /** Each service's (and the network sandbox's) base package under {@code org.clearpost}. */
    public static final List<String> SERVICES =
            List.of("drafting", "clearance", "publisher", "monitoring", "analytics", "sandbox");

    /**
     * The one exception to "only the outbox produces to Kafka": packages (under a service's base package) that run
     * Kafka transactions themselves, each for a reason docs/architecture.md gives. Monitoring's {@code intake} writes
     * raw items with the intake's cursor in one Kafka transaction (nothing of it is in PostgreSQL, so an outbox would
     * add a database write per item for nothing), and its {@code pipeline} announces the mentions it stored in a Kafka
     * transaction with the raw offsets it consumed (exactly once over idempotent storage, at the rate the issue asks,
     * which the outbox relay does not reach).
     */
    public static final Map<String, List<String>> KAFKA_TRANSACTION_PACKAGES = Map.of(
            "monitoring", List.of("intake", "pipeline"));

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String INCOMING = "org.eclipse.microprofile.reactive.messaging.Incoming";
    private static final String OUTGOING = "org.eclipse.microprofile.reactive.messaging.Outgoing";
    private static final String CONFIG_MAPPING = "io.smallrye.config.ConfigMapping";

    private ClearpostArchitecture() {
    }

    /** The main classes of {@code org.clearpost.<service>} (no test classes, no jars). */
    public static JavaClasses mainClasses(String service) {
        // The rules match other classes by name only; resolving each from the class path would read every jar.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(base(service));
    }

    /** Every rule, by a name that says what it protects. */
    public static Map<String, ArchRule> rules(String service) {
        return rules(base(service), otherServices(service));
    }

    /** The rules for the packages under {@code base}; {@code others} are the packages it must not use. */
    static Map<String, ArchRule> rules(String base, String... others) {
        String rest = base + ".rest..";
        String messaging = base + ".messaging..";
        String domain = base + ".domain..";
        String config = base + ".config..";
        Map<String, ArchRule> rules = new java.util.LinkedHashMap<>();

        rules.put("no cycles between the service's packages", slices().matching(base + ".(*)..")
                .should().beFreeOfCycles()
                .because("a cycle makes the packages one tangle that can only change together"));
        rules.put("nothing depends on rest", noClasses().that().resideOutsideOfPackage(rest)
                .should().dependOnClassesThat().resideInAPackage(rest)
                .because("rest is an entry point: the REST shapes may change without touching the domain"));
        rules.put("nothing depends on messaging", noClasses().that().resideOutsideOfPackage(messaging)
                .should().dependOnClassesThat().resideInAPackage(messaging)
                .because("messaging is an entry point: business code is never called back from a consumer's "
                        + "package; channel names every package needs sit in the root package"));
        rules.put("the root package depends on nothing else of the service", noClasses()
                .that().resideInAPackage(base)
                .should().dependOnClassesThat(resideInAPackage(base + "..").and(not(resideInAPackage(base))))
                .because("the root package is what every package may use; it would otherwise close cycles")
                .allowEmptyShould(true));
        rules.put("JAX-RS resources sit in rest or a feature package", classes().that().areAnnotatedWith(PATH)
                .should().resideOutsideOfPackages(domain, messaging, config)
                .allowEmptyShould(true));
        rules.put("Kafka consumers sit in messaging or a feature package", methods().that()
                .areAnnotatedWith(INCOMING).should().beDeclaredInClassesThat()
                .resideOutsideOfPackages(domain, rest, config)
                .allowEmptyShould(true));
        rules.put("configuration mappings sit in config or a feature package", classes().that()
                .areAnnotatedWith(CONFIG_MAPPING).should().resideOutsideOfPackages(domain, rest, messaging)
                .allowEmptyShould(true));
        String[] transactionPackages = KAFKA_TRANSACTION_PACKAGES
                .getOrDefault(base.substring(base.lastIndexOf('.') + 1), List.of()).stream()
                .map(name -> base + "." + name + "..").toArray(String[]::new);
        rules.put("only the outbox produces to Kafka", noClasses()
                .that().resideOutsideOfPackages(transactionPackages)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.clients.producer..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "org.eclipse.microprofile.reactive.messaging.Emitter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "io.smallrye.reactive.messaging.MutinyEmitter")
                .because("an event sent outside the state change's transaction can be lost or sent for a change "
                        + "that rolled back: Outbox.append, shipped by the OutboxRelay (the one exception: packages "
                        + "listed in KAFKA_TRANSACTION_PACKAGES, whose state change is itself a Kafka transaction, "
                        + "such as monitoring's intake and pipeline; see docs/architecture.md)"));
        rules.put("no @Outgoing channels", noMethods().should().beAnnotatedWith(OUTGOING)
                .because("only the outbox produces to Kafka"));
        rules.put("no service depends on another service's classes", noClasses()
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only the events contract and the support libraries"));
        rules.put("main code does not depend on test infrastructure", noClasses()
                .should().dependOnClassesThat().resideInAnyPackage("org.clearpost.infra..", "org.clearpost.testing..")
                .because("the embedded servers are for tests and the local launcher, never inside a service"));
        return rules;
    }

    /**
     * One JUnit dynamic test per rule, each checking the service's main classes, and the cycle rule once more on
     * the sources in {@code src/main/java} (the module's directory is the working directory of its tests).
     */
    public static Stream<DynamicTest> tests(String service) {
        JavaClasses classes = mainClasses(service);
        if (classes.isEmpty()) {
            throw new IllegalStateException("no classes found in " + base(service));
        }
        Stream<DynamicTest> rules = rules(service).entrySet().stream().map(rule -> DynamicTest.dynamicTest(
                rule.getKey(), () -> rule.getValue().check(classes)));
        DynamicTest sources = DynamicTest.dynamicTest("no cycles between the service's packages in the source",
                () -> {
                    List<String> cycles = sourceCycles(Path.of("src/main/java"), base(service));
                    if (!cycles.isEmpty()) {
                        throw new AssertionError("Package cycles in the source of " + base(service) + ":\n"
                                + String.join("\n", cycles));
                    }
                });
        return Stream.concat(rules, Stream.of(sources));
    }

    /**
     * The package cycles the source shows, one line per cycle naming the files that close it. Bytecode cannot show
     * them all: javac copies constants into the classes that use them (channel names in {@code @Incoming}, the
     * inbox's consumer name), so a package that only uses another's constants depends on it in the source but not
     * in the class files ArchUnit reads. Imports and fully qualified names count; comments do not.
     */
    public static List<String> sourceCycles(Path sourceRoot, String base) throws IOException {
        Path root = sourceRoot.resolve(base.replace('.', '/'));
        Pattern reference = Pattern.compile(Pattern.quote(base) + "\\.([a-z][a-z0-9_]*)\\.");
        // slice -> slice it uses -> the files that use it
        Map<String, Map<String, java.util.SortedSet<String>>> uses = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            Path relative = root.relativize(file);
            if (relative.getNameCount() < 2) {
                continue; // the root package is in no slice
            }
            String slice = relative.getName(0).toString();
            String code = Files.readString(file)
                    .replaceAll("(?s)/\\*.*?\\*/", "")
                    .replaceAll("//[^\\n]*", "")
                    .replaceAll("(?m)^\\s*package\\s[^;]*;", "");
            Matcher m = reference.matcher(code);
            while (m.find()) {
                String target = m.group(1);
                if (!target.equals(slice) && Files.isDirectory(root.resolve(target))) {
                    uses.computeIfAbsent(slice, k -> new TreeMap<>())
                            .computeIfAbsent(target, k -> new java.util.TreeSet<>())
                            .add(relative.getFileName().toString());
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        java.util.Set<java.util.Set<String>> seen = new java.util.HashSet<>();
        for (String start : uses.keySet()) {
            List<String> path = pathBack(uses, start, start, new ArrayList<>(List.of(start)),
                    new java.util.HashSet<>());
            if (path != null && seen.add(new java.util.TreeSet<>(path))) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i + 1 < path.size(); i++) {
                    line.append(i == 0 ? "" : ", ").append(path.get(i)).append(" -> ").append(path.get(i + 1))
                            .append(" ").append(uses.get(path.get(i)).get(path.get(i + 1)));
                }
                cycles.add(line.toString());
            }
        }
        return cycles;
    }

    /** A path from {@code from} back to {@code start}, or null. */
    private static List<String> pathBack(Map<String, Map<String, java.util.SortedSet<String>>> uses, String start,
            String from, List<String> path, java.util.Set<String> visited) {
        for (String next : uses.getOrDefault(from, Map.of()).keySet()) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (visited.add(next)) {
                path.add(next);
                List<String> found = pathBack(uses, start, next, path, visited);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private static String base(String service) {
        if (!SERVICES.contains(Objects.requireNonNull(service, "service"))) {
            throw new IllegalArgumentException(service + " is not one of " + SERVICES);
        }
        return "org.clearpost." + service;
    }

    private static String[] otherServices(String service) {
        return SERVICES.stream().filter(s -> !s.equals(service)).map(s -> "org.clearpost." + s + "..")
                .collect(Collectors.toList()).toArray(String[]::new);
    }
}
