package org.clearpost.console.admin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Clearance's check of its audit chain ({@code GET /audit/verify}: every hash recomputed from the first entry), in
 * words: intact with so many entries, or the first entry that does not hold and what that means.
 */
public record ChainCheck(boolean intact, long entries, Long firstBrokenSeq, String reason) {

    public static ChainCheck of(JsonNode verification) {
        JsonNode broken = verification.path("firstBrokenSeq");
        return new ChainCheck(verification.path("valid").asBoolean(false), verification.path("entries").asLong(0),
                broken.isNumber() ? broken.asLong() : null, verification.path("reason").asText(null));
    }

    public String getHeadline() {
        return intact ? "The audit chain is intact"
                : "The audit chain is broken at entry " + (firstBrokenSeq == null ? "?" : firstBrokenSeq);
    }

    /** What the break means, for the person who has to report it (reasons as clearance's ChainVerification names them). */
    public String getExplanation() {
        if (intact) {
            return entries == 1 ? "1 entry checked: its hash holds." : entries + " entries checked: every hash holds "
                    + "and each entry points at the one before it.";
        }
        String at = "Entry " + (firstBrokenSeq == null ? "?" : firstBrokenSeq);
        if ("hash mismatch".equals(reason)) {
            return at + " was changed after it was written: its stored hash is not the hash of what it now says.";
        }
        if ("broken link".equals(reason)) {
            return at + " does not point at the entry before it: an entry before it was removed or replaced.";
        }
        return at + " does not hold" + (reason == null ? "." : ": " + reason + ".");
    }
}
