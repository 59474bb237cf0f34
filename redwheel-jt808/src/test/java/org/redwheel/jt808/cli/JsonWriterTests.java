package org.redwheel.jt808.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonWriterTests {

    @Test
    void separatesMembersAndNestsObjectsAndArrays() {
        String json = new JsonWriter()
                .beginObject()
                .field("a", 1)
                .name("b")
                .beginArray()
                .value(true)
                .beginObject()
                .endObject()
                .value(new BigDecimal("2.50"))
                .endArray()
                .field("c", (String) null)
                .endObject()
                .toString();

        assertThat(json).isEqualTo("{\"a\":1,\"b\":[true,{},2.5],\"c\":null}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String json = new JsonWriter()
                .beginObject()
                .field("text", "say \"hi\"\\\n\t\u0001鲁")
                .endObject()
                .toString();

        assertThat(json).isEqualTo("{\"text\":\"say \\\"hi\\\"\\\\\\n\\t\\u0001鲁\"}");
    }
}
