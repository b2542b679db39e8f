package org.clearpost.drafting;

import java.util.stream.Stream;
import org.clearpost.testing.ClearpostArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The layout of docs/architecture.md, checked on this service's classes (plain JUnit, no Quarkus start). */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> followsTheClearpostLayout() {
        return ClearpostArchitecture.tests("drafting");
    }
}
