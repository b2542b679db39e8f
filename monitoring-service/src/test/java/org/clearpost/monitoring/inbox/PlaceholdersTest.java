package org.clearpost.monitoring.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void fillsTheAuthorsNameAndHandle() {
        assertThat(Placeholders.fill("Hi {author} ({handle}), thanks!", "Ruth Resident", "ruthr"))
                .isEqualTo("Hi Ruth Resident (@ruthr), thanks!");
    }

    @Test
    void eachStandsInForTheOtherWhenTheNetworkGivesOnlyOne() {
        assertThat(Placeholders.fill("Hi {author}", null, "@ruthr")).isEqualTo("Hi @ruthr");
        assertThat(Placeholders.fill("Hi {handle}", "Ruth", " ")).isEqualTo("Hi Ruth");
        assertThat(Placeholders.fill("Hi {author}{handle}", null, null)).isEqualTo("Hi ");
    }

    @Test
    void replacementTextIsTakenLiterally() {
        assertThat(Placeholders.fill("Hi {author}", "$1 \\ Ltd", null)).isEqualTo("Hi $1 \\ Ltd");
    }

    @Test
    void unknownPlaceholdersAreNamedOnceAndLeftAlone() {
        assertThat(Placeholders.unknown("Dear {autor}, {author} {autor} {date}")).containsExactly("{autor}",
                "{date}");
        assertThat(Placeholders.unknown("Braces {} and { author } are text")).isEmpty();
        assertThat(Placeholders.fill("Dear {autor}", "Ruth", null)).isEqualTo("Dear {autor}");
    }
}
