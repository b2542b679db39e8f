package org.clearpost.clearance.audit;

/** Walks entries in chain order and stops at the first one that does not hold. */
final class ChainCheck {

    private String previousHash = AuditHash.GENESIS;
    private long entries;
    private ChainVerification broken;

    /** Returns false once the chain is broken: nothing after that point can be trusted to check further. */
    boolean accept(AuditEntry entry) {
        if (!entry.hash().equals(entry.expectedHash())) {
            broken = ChainVerification.broken(entry.seq(), ChainVerification.HASH_MISMATCH);
        } else if (!entry.prevHash().equals(previousHash)) {
            broken = ChainVerification.broken(entry.seq(), ChainVerification.BROKEN_LINK);
        } else {
            previousHash = entry.hash();
            entries++;
        }
        return broken == null;
    }

    ChainVerification result() {
        return broken == null ? ChainVerification.valid(entries) : broken;
    }
}
