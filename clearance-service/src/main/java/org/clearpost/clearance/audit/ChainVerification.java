package org.clearpost.clearance.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome of checking the whole chain: how many entries hold, or the first one that does not and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean valid, Long entries, Long firstBrokenSeq, String reason) {

    /** The entry's stored hash is not the hash of its content: the entry itself was edited. */
    public static final String HASH_MISMATCH = "hash mismatch";
    /** The entry does not point at the hash of the entry before it: something before it was removed or replaced. */
    public static final String BROKEN_LINK = "broken link";

    static ChainVerification valid(long entries) {
        return new ChainVerification(true, entries, null, null);
    }

    static ChainVerification broken(long seq, String reason) {
        return new ChainVerification(false, null, seq, reason);
    }
}
