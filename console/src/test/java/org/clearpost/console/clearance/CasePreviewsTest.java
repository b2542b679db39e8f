package org.clearpost.console.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearpost.console.preview.TargetPreview;
import org.junit.jupiter.api.Test;

class CasePreviewsTest {

    private static final UUID X = UUID.randomUUID();
    private static final UUID FACEBOOK = UUID.randomUUID();
    private static final String TEXT = "Guidance updated https://example.org";

    @Test
    void drafingsIssuesForTheSameVersionArePlacedInTheCasesText() {
        DraftedPost post = new DraftedPost(UUID.randomUUID(), 2, "IN_CLEARANCE",
                List.of(drafted(FACEBOOK, "FACEBOOK", "PUBLISHED", "https://www.facebook.com/1_2"),
                        drafted(X, "X", "IN_CLEARANCE", null)),
                List.of(issue(X, "targets[1].text", "ERROR", 0, 8), issue(X, "targets[1].text", "INFO", 0, 3)),
                List.of(issue(FACEBOOK, "targets[0].text", "WARNING", 9, 16)));

        List<TargetPreview> previews = CasePreviews.of(caseOf(2, List.of()), post);

        TargetPreview x = previews.get(0);
        assertThat(x.network()).isEqualTo("X");
        assertThat(x.index()).as("drafting's own position of the target, which its field paths count").isEqualTo(1);
        assertThat(x.issues()).extracting(TargetPreview.Issue::severity).containsExactly("ERROR");
        assertThat(x.segments(x.textField(), x.text()).get(0).text()).isEqualTo("Guidance");
        assertThat(x.segments(x.textField(), x.text()).get(0).isMarked()).isTrue();
        TargetPreview facebook = previews.get(1);
        assertThat(facebook.issues()).extracting(TargetPreview.Issue::severity).containsExactly("WARNING");
        assertThat(facebook.status()).isEqualTo("PUBLISHED");
        assertThat(facebook.url()).isEqualTo("https://www.facebook.com/1_2");
        assertThat(facebook.getNetworkName()).isEqualTo("Facebook");
    }

    @Test
    void whenDraftingHasMovedOnOnlyClearancesOwnWarningsAreShownUnplaced() {
        DraftedPost newer = new DraftedPost(UUID.randomUUID(), 3, "DRAFT",
                List.of(drafted(FACEBOOK, "FACEBOOK", "DRAFT", null), drafted(X, "X", "DRAFT", null)),
                List.of(issue(X, "targets[1].text", "ERROR", 0, 8)), List.of());
        ClearanceCase c = caseOf(2, List.of(new ClearanceCase.Warning(X, "own-site-link", "Link to our site"),
                new ClearanceCase.Warning(null, "reading-age", "Hard to read")));

        for (DraftedPost post : new DraftedPost[] {newer, null}) {
            TargetPreview x = CasePreviews.of(c, post).get(0);
            assertThat(x.text()).isEqualTo(TEXT);
            assertThat(x.issues()).extracting(TargetPreview.Issue::message).containsExactly("Link to our site");
            assertThat(x.segments(x.textField(), x.text())).extracting(TargetPreview.Segment::isMarked)
                    .containsExactly(false);
        }
    }

    @Test
    void mediaIsFetchedThroughTheConsolesOwnOrigin() {
        UUID mediaId = UUID.randomUUID();
        ClearanceCase.Target withPicture = new ClearanceCase.Target(X, "X", "clearpost_demo", TEXT, List.of(), null,
                null, List.of(new ClearanceCase.Media(mediaId, "IMAGE", "image/png", "A chart", null)), null);
        ClearanceCase c = new ClearanceCase(UUID.randomUUID(), UUID.randomUUID(), 1, "dana", TEXT,
                List.of(withPicture), null, Instant.now(), "PENDING", null, null, null, null, null, null, null, null,
                null, null, null, null, false, null);

        TargetPreview.MediaPreview media = CasePreviews.of(c, null).get(0).media().get(0);

        assertThat(media.url()).isEqualTo("/api/drafting/media/" + mediaId + "/content");
        assertThat(media.altText()).isEqualTo("A chart");
        assertThat(media.isImage()).isTrue();
    }

    private static ClearanceCase caseOf(int version, List<ClearanceCase.Warning> warnings) {
        return new ClearanceCase(UUID.randomUUID(), UUID.randomUUID(), version, "dana", TEXT,
                List.of(target(X, "X", "clearpost_demo"), target(FACEBOOK, "FACEBOOK", "100200300400")), null,
                Instant.now(), "PENDING", null, null, null, null, null, null, null, null, warnings, null, null, null,
                false, null);
    }

    private static ClearanceCase.Target target(UUID id, String network, String account) {
        return new ClearanceCase.Target(id, network, account, TEXT, List.of(), null, null, List.of(), null);
    }

    private static DraftedPost.Target drafted(UUID id, String network, String status, String url) {
        return new DraftedPost.Target(id, network, "acct", status, url, null);
    }

    private static DraftedPost.Issue issue(UUID target, String field, String severity, int start, int end) {
        return new DraftedPost.Issue(target, field, "code", severity, start, end, severity + " here");
    }
}
