package org.clearpost.console;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The console's layout: the seams ({@code gateway}, {@code web}, {@code session}, {@code preview}, {@code config})
 * are what every screen uses; each feature package holds one role's screens ({@code drafts}, {@code clearance},
 * {@code lead}, {@code inbox}, {@code figures}, {@code admin}) and uses only the seams, never another feature, so a
 * screen can change (or a service's screen grow) without touching the others. Nothing depends on a feature.
 * In the style of the services' {@code ClearpostArchitecture} rules.
 */
class ArchitectureTest {

    private static final String BASE = "org.clearpost.console";
    static final List<String> SEAMS = List.of("gateway", "web", "session", "preview", "config");
    static final List<String> FEATURES = List.of("drafts", "clearance", "lead", "inbox", "figures", "admin");

    private static JavaClasses mainClasses() {
        // The rules match other classes by name only; resolving each from the class path would read every jar.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(BASE);
    }

    private static String pkg(String name) {
        return BASE + "." + name + "..";
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(ArchitectureTest::pkg).toArray(String[]::new);
    }

    static Map<String, ArchRule> rules(List<String> seams, List<String> features) {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("every class sits in a seam or a feature package", classes()
                .should().resideInAnyPackage(packages(Stream.concat(seams.stream(), features.stream()).toList()))
                .because("a package that is neither is bound by none of these rules: add it to SEAMS or FEATURES"));
        for (String feature : features) {
            List<String> allowed = Stream.concat(Stream.of(feature), seams.stream()).toList();
            rules.put(feature + " uses only the seams", classes().that().resideInAPackage(pkg(feature))
                    .should().onlyDependOnClassesThat(resideInAnyPackage(packages(allowed))
                            .or(resideOutsideOfPackage(BASE + "..")))
                    .because("a feature shares nothing with another feature: what two screens need belongs in a "
                            + "seam")
                    .allowEmptyShould(true));
            rules.put("nothing depends on " + feature, noClasses().that().resideOutsideOfPackage(pkg(feature))
                    .should().dependOnClassesThat().resideInAPackage(pkg(feature))
                    .because("a feature is an entry point (its pages and forms); the seams serve every feature"));
        }
        rules.put("no cycles between the console's packages", slices().matching(BASE + ".(*)..")
                .should().beFreeOfCycles());
        rules.put("only the gateway calls the services", noClasses().that().resideOutsideOfPackage(pkg("gateway"))
                .should().dependOnClassesThat().resideInAnyPackage("java.net.http..")
                .because("ServiceClient is the one place that forwards the person's own token: a screen with its "
                        + "own HTTP client could call a service with no token, or the wrong one"));
        return rules;
    }

    @TestFactory
    Stream<DynamicTest> followsTheConsoleLayout() {
        JavaClasses classes = mainClasses();
        assertThat(classes).as("classes in " + BASE).isNotEmpty();
        return rules(SEAMS, FEATURES).entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> rule.getValue().check(classes)));
    }

    /**
     * The rules catch what they are for, shown on the real classes: were web and gateway features, web's use of
     * gateway ({@code Errors} reads a {@code Problem}) would break both "uses only the seams" and "nothing depends on".
     */
    @Test
    void theRulesFindAFeatureThatUsesAnother() {
        JavaClasses classes = mainClasses();
        Map<String, ArchRule> rules = rules(List.of("session", "preview", "config"), List.of("web", "gateway"));

        assertThat(rules.get("web uses only the seams").evaluate(classes).hasViolation()).isTrue();
        assertThat(rules.get("nothing depends on gateway").evaluate(classes).hasViolation()).isTrue();
        assertThat(rules.get("gateway uses only the seams").evaluate(classes).hasViolation()).isFalse();
        assertThat(rules(List.of("session", "config", "web", "gateway"), List.of())
                .get("every class sits in a seam or a feature package").evaluate(classes).hasViolation())
                .as("preview is neither").isTrue();
    }
}
