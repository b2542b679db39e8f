package org.clearpost.clearance.impartiality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.clearpost.clearance.DraftedPostMother;
import org.clearpost.events.Network;
import org.clearpost.events.PostDrafted;
import org.clearpost.events.Target;
import org.junit.jupiter.api.Test;

class ImpartialityCheckTest {

    private static final PolicyTerms TERMS = new PolicyTerms(List.of("Labour", "Green Party", "SNP"),
            List.of("Jane Example MP"), List.of("Widgetly"), List.of("Alex Candidate"),
            Map.of("x", Set.of("@UKLabour", "theSNP")));
    private static final ImpartialityCheck CHECK = new ImpartialityCheck(TERMS);

    @Test
    void namingAPartyIsFlaggedUnderClause31WithTheTermAsConfigured() {
        List<Flag> flags = CHECK.flags(DraftedPostMother.saying("Labour and the green party both replied"), false);

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo("party");
            assertThat(flag.clause()).isEqualTo("3.1");
            assertThat(flag.terms()).containsExactly("Labour", "Green Party");
        });
    }

    @Test
    void termsMatchWholeWordsOnlyIgnoringCase() {
        assertThat(CHECK.flags(DraftedPostMother.saying("Labourers and SNPs; widgetlyish"), false)).isEmpty();
        assertThat(CHECK.flags(DraftedPostMother.saying("#labour (snp) WIDGETLY."), false))
                .extracting(Flag::kind).containsExactly("party", "commercial-product");
    }

    @Test
    void politiciansAndProductsAreFlaggedUnderTheirClauses() {
        List<Flag> flags = CHECK.flags(DraftedPostMother.saying("Jane Example MP uses Widgetly"), false);

        assertThat(flags).extracting(Flag::kind, Flag::clause).containsExactly(
                tuple("politician", "3.1"),
                tuple("commercial-product", "3.3"));
        assertThat(flags.get(1).terms()).containsExactly("Widgetly");
    }

    @Test
    void everyRenderedTextThreadPartTitleAndFirstCommentIsChecked() {
        PostDrafted base = DraftedPostMother.saying("Nothing political here");
        PostDrafted drafted = new PostDrafted(base.postId(), 1, base.contentHash(), "dana", base.text(),
                List.of(new Target(UUID.randomUUID(), Network.X, "a", "Plain", List.of("then SNP"), null, null,
                                List.of(), null),
                        new Target(UUID.randomUUID(), Network.LINKEDIN, "b", "Also Widgetly", List.of(), null,
                                "Jane Example MP spoke", List.of(), null)),
                null, null, null, null, null, null, List.of(), base.submittedAt());

        assertThat(CHECK.flags(drafted, false)).extracting(Flag::kind)
                .containsExactly("party", "politician", "commercial-product");
    }

    @Test
    void aRepostOfAPartyPoliticalAccountIsFlaggedUnderClause32() {
        assertThat(CHECK.flags(DraftedPostMother.repostOf("ukLabour"), false)).singleElement()
                .satisfies(flag -> {
                    assertThat(flag.kind()).isEqualTo("party-political-repost");
                    assertThat(flag.clause()).isEqualTo("3.2");
                    assertThat(flag.terms()).containsExactly("ukLabour");
                });
        assertThat(CHECK.flags(DraftedPostMother.repostOf("ICOnews"), false)).isEmpty();
    }

    @Test
    void duringAPreElectionPeriodPartiesAndCandidatesAreAlsoFlaggedUnderClause34() {
        PostDrafted drafted = DraftedPostMother.saying("Alex Candidate visited; so did Labour");

        assertThat(CHECK.flags(drafted, false)).extracting(Flag::kind).containsExactly("party");
        assertThat(CHECK.flags(drafted, true)).filteredOn(flag -> flag.kind().equals("pre-election-names"))
                .singleElement().satisfies(flag -> {
                    assertThat(flag.clause()).isEqualTo("3.4");
                    assertThat(flag.terms()).containsExactly("Labour", "Alex Candidate");
                });
    }

    @Test
    void aPlainPostRaisesNoFlag() {
        assertThat(CHECK.flags(DraftedPostMother.byDana(), true)).isEmpty();
    }
}
