package org.clearpost.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CalendarInUseTest {

    @Test
    void theShippedCopyAndAnUploadAreToldApart() throws Exception {
        var mapper = new ObjectMapper();
        CalendarInUse shipped = CalendarInUse.of(mapper.readTree("""
                {"division":"england-and-wales","uploadId":null,"uploadedBy":null,"uploadedAt":null,
                 "firstYear":2018,"lastYear":2028}"""));
        CalendarInUse uploaded = CalendarInUse.of(mapper.readTree("""
                {"division":"scotland","uploadId":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","uploadedBy":"ada",
                 "uploadedAt":"2026-07-01T09:05:00Z","firstYear":2026,"lastYear":2026}"""));

        assertThat(shipped.isUploaded()).isFalse();
        assertThat(shipped.getDivisionName()).isEqualTo("England and Wales");
        assertThat(shipped.getYears()).isEqualTo("2018 to 2028");
        assertThat(uploaded.isUploaded()).isTrue();
        assertThat(uploaded.getYears()).isEqualTo("2026");
        assertThat(uploaded.getUploaded()).isEqualTo("1 July 2026 at 10:05am by ada");
    }
}
