package dev.weft.samples.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.CellHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatherCounterTest {

    @Test
    void fourIncrementsPrintOneToFourInOrder() throws Exception {
        List<String> lines = CellHarness.run(new GatherCounterSample()).lines();
        assertEquals(List.of("[1]", "[2]", "[3]", "[4]"), lines.subList(0, 4));
        assertTrue(lines.get(4).startsWith("Ecart en segondes "));
        assertEquals(5, lines.size());
    }
}
