package org.clearpost.clearance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    @Test
    void anIntactChainIsValidAndCounted() {
        assertThat(check(AuditEntryMother.chainOf(3))).isEqualTo(new ChainVerification(true, 3L, null, null));
    }

    @Test
    void anEmptyLogIsValid() {
        assertThat(check(List.of())).isEqualTo(new ChainVerification(true, 0L, null, null));
    }

    @Test
    void anEditedEntryIsTheFirstBrokenOneByHashMismatch() {
        List<AuditEntry> chain = new ArrayList<>(AuditEntryMother.chainOf(4));
        chain.set(1, AuditEntryMother.withActor(chain.get(1), "mallory"));

        assertThat(check(chain)).isEqualTo(new ChainVerification(false, null, 2L, "hash mismatch"));
    }

    @Test
    void aRemovedEntryBreaksTheLinkOfTheNextOne() {
        List<AuditEntry> chain = new ArrayList<>(AuditEntryMother.chainOf(4));
        chain.remove(1);

        assertThat(check(chain)).isEqualTo(new ChainVerification(false, null, 3L, "broken link"));
    }

    @Test
    void aRemovedFirstEntryIsFoundToo() {
        List<AuditEntry> chain = new ArrayList<>(AuditEntryMother.chainOf(2));
        chain.remove(0);

        assertThat(check(chain)).isEqualTo(new ChainVerification(false, null, 2L, "broken link"));
    }

    private static ChainVerification check(List<AuditEntry> entries) {
        ChainCheck check = new ChainCheck();
        for (AuditEntry entry : entries) {
            if (!check.accept(entry)) {
                break;
            }
        }
        return check.result();
    }
}
