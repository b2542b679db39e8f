package org.clearpost.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class FoiExportTest {

    private static final UUID POST = UUID.fromString("3f2b9c1e-0d4a-4b7e-9a61-5c2d8e7f1a30");

    @Test
    void aPostIdIsTheCanonicalUuidWithSpacesAroundForgiven() {
        assertThat(FoiExport.postId("  3f2b9c1e-0d4a-4b7e-9a61-5c2d8e7f1a30 ")).contains(POST);
        assertThat(FoiExport.postId("3F2B9C1E-0D4A-4B7E-9A61-5C2D8E7F1A30")).contains(POST);
        assertThat(FoiExport.postId("1-2-3-4-5")).isEmpty();
        assertThat(FoiExport.postId("../clearances")).isEmpty();
        assertThat(FoiExport.postId("")).isEmpty();
        assertThat(FoiExport.postId(null)).isEmpty();
    }

    @Test
    void theFormatAsksClearanceForItsMediaTypeAndNamesTheDownload() {
        assertThat(FoiExport.of("csv").mediaType()).isEqualTo("text/csv");
        assertThat(FoiExport.of(null)).isEqualTo(FoiExport.JSON);
        assertThat(FoiExport.of("xml")).isEqualTo(FoiExport.JSON);
        assertThat(FoiExport.CSV.contentDisposition(POST))
                .isEqualTo("attachment; filename=\"foi-post-3f2b9c1e-0d4a-4b7e-9a61-5c2d8e7f1a30.csv\"");
        assertThat(FoiExport.JSON.contentDisposition(POST)).endsWith(".json\"");
    }
}
