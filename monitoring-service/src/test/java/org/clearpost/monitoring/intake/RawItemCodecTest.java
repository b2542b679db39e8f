package org.clearpost.monitoring.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.clearpost.events.Network;
import org.junit.jupiter.api.Test;

/** The raw item's record value, written and read by the streaming codec. */
class RawItemCodecTest {

    @Test
    void anItemReadsBackAsWritten() throws Exception {
        RawItem item = new RawItem(Network.FACEBOOK, "page-1", "feed", "clearpost", Instant.parse(
                "2026-12-02T01:02:03.456Z"), "{\"text\":\"a \\\"quoted\\\" \\u00e9 line\\nand more\"}");
        assertThat(RawItemCodec.read(RawItemCodec.write(item))).isEqualTo(item);
        RawItem bare = new RawItem(Network.X, null, null, null, null, "not even JSON {");
        assertThat(RawItemCodec.read(RawItemCodec.write(bare))).isEqualTo(bare);
    }

    @Test
    void fieldsOfAnotherWriterAreIgnoredAndScalarsReadAsText() throws Exception {
        RawItem read = RawItemCodec.read("{\"extra\":{\"nested\":[1,2]},\"network\":\"X\",\"key\":42,"
                + "\"account\":null,\"payload\":\"p\"}");
        assertThat(read).isEqualTo(new RawItem(Network.X, "42", null, null, null, "p"));
    }

    @Test
    void whatIsNotARawItemIsUnparseableWithItsReason() {
        assertThatThrownBy(() -> RawItemCodec.read("{\"network\":\"X\""))
                .isInstanceOf(UnparseableItemException.class).hasMessageStartingWith("the raw record is not JSON");
        assertThatThrownBy(() -> RawItemCodec.read("[1]"))
                .isInstanceOf(UnparseableItemException.class).hasMessage("the raw record is not a JSON object");
        assertThatThrownBy(() -> RawItemCodec.read(""))
                .isInstanceOf(UnparseableItemException.class).hasMessage("the raw record is not a JSON object");
        assertThatThrownBy(() -> RawItemCodec.read(null))
                .isInstanceOf(UnparseableItemException.class).hasMessage("the raw record is not a JSON object");
        assertThatThrownBy(() -> RawItemCodec.read("{\"network\":\"MYSPACE\",\"payload\":\"p\"}"))
                .isInstanceOf(UnparseableItemException.class).hasMessageStartingWith("the raw record is not a raw item");
        assertThatThrownBy(() -> RawItemCodec.read("{\"network\":\"X\"}"))
                .isInstanceOf(UnparseableItemException.class).hasMessageContaining("'payload' is missing");
        assertThatThrownBy(() -> RawItemCodec.read("{\"network\":\"X\",\"payload\":\"p\",\"deliveredAt\":\"soon\"}"))
                .isInstanceOf(UnparseableItemException.class).hasMessageStartingWith("the raw record is not a raw item");
    }
}
