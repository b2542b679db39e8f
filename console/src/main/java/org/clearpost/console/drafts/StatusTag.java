package org.clearpost.console.drafts;

import java.util.Locale;

/** A post's or target's status as a GOV.UK tag: words people use, and a colour by how far it has gone. */
public final class StatusTag {

    private StatusTag() {
    }

    public static String label(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "IN_CLEARANCE" -> "In clearance";
            case "CHANGES_REQUESTED" -> "Changes requested";
            case "PARTLY_PUBLISHED" -> "Partly published";
            default -> status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    public static String cssClass(String status) {
        if (status == null) {
            return "govuk-tag--grey";
        }
        return switch (status) {
            case "DRAFT", "WITHDRAWN" -> "govuk-tag--grey";
            case "IN_CLEARANCE" -> "govuk-tag--blue";
            case "CHANGES_REQUESTED" -> "govuk-tag--yellow";
            case "CLEARED", "SCHEDULED", "PUBLISHING" -> "govuk-tag--turquoise";
            case "PUBLISHED" -> "govuk-tag--green";
            case "PARTLY_PUBLISHED" -> "govuk-tag--orange";
            case "REJECTED", "FAILED" -> "govuk-tag--red";
            default -> "govuk-tag--grey";
        };
    }
}
