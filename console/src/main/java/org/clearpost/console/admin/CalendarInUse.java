package org.clearpost.console.admin;

import org.clearpost.console.web.LondonTime;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * Clearance's {@code CalendarSource.Source}: which bank holidays deadlines are counted with, the copy shipped with
 * Clearpost or an admin's upload.
 */
public record CalendarInUse(String division, UUID uploadId, String uploadedBy, Instant uploadedAt, int firstYear,
        int lastYear) {

    public static CalendarInUse of(JsonNode source) {
        String upload = source.path("uploadId").asText(null);
        return new CalendarInUse(source.path("division").asText(), upload == null ? null : UUID.fromString(upload),
                source.path("uploadedBy").asText(null), LondonTime.instant(source.path("uploadedAt").asText(null)),
                source.path("firstYear").asInt(), source.path("lastYear").asInt());
    }

    public boolean isUploaded() {
        return uploadId != null;
    }

    /** {@code england-and-wales} as people write it: "England and Wales". */
    public String getDivisionName() {
        return switch (division) {
            case "england-and-wales" -> "England and Wales";
            case "scotland" -> "Scotland";
            case "northern-ireland" -> "Northern Ireland";
            default -> division;
        };
    }

    public String getYears() {
        return firstYear == lastYear ? String.valueOf(firstYear) : firstYear + " to " + lastYear;
    }

    public String getUploaded() {
        return LondonTime.shown(uploadedAt) + (uploadedBy == null ? "" : " by " + uploadedBy);
    }
}
