package org.clearpost.clearance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBeWithQuotesDoubled() {
        assertThat(AuditCsv.field("plain")).isEqualTo("plain");
        assertThat(AuditCsv.field(null)).isEmpty();
        assertThat(AuditCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.field("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(AuditCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
    }

    @Test
    void aHeaderRowThenOneCrlfTerminatedRowPerEntryWithDetailsAsJson() {
        AuditEntry entry = AuditEntryMother.chainOf(1).get(0);

        String csv = AuditCsv.of(List.of(entry));

        assertThat(csv).startsWith("seq,id,occurred_at,actor,action,post_id,version,details,prev_hash,hash\r\n");
        assertThat(csv).endsWith("," + entry.prevHash() + "," + entry.hash() + "\r\n");
        assertThat(csv).contains("1," + entry.id() + ",2026-11-29T10:00:01Z,dana,POST_VERSION_SUBMITTED,"
                + entry.postId() + ",1,\"{\"\"text\"\":\"\"Entry 1, with \\\"\"quotes\\\"\"\\nand a line\"\"}\",");
    }
}
