package dev.weft.core.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void everyCharacterThatMustBeEscapedIsAndParsesBack() {
        String nasty = "quote \" backslash \\ slash / newline \n tab \t cr \r bell \u0007 nul \u0000 del \u007f"
                + " ls \u2028 é 😀";
        String json = new JsonWriter().beginObject().name(nasty).value(nasty).name("n").value(-42L)
                .name("list").beginArray().value("a").beginObject().endObject().beginArray().endArray().endArray()
                .endObject().toString();
        assertEquals(Map.of(nasty, nasty, "n", -42L, "list", List.of("a", Map.of(), List.of())), MiniJson.parse(json));
    }

    @Test
    void theTestParserRefusesWhatIsNotJson() {
        for (String bad : List.of("{", "{\"a\":1,}", "[1 2]", "\"raw \n\"", "{\"a\":1}x", "\"\\q\"", "-")) {
            assertThrows(IllegalArgumentException.class, () -> MiniJson.parse(bad), bad);
        }
    }
}
