package dev.weft.samples.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.CellHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramCellsTest {

    @Test
    void sequentialProgramCountsToFourInOrder() throws Exception {
        var result = CellHarness.run(new ProgramSequentialSample());
        List<String> lines = result.nonBlank();
        assertEquals(List.of("La valeur est 2", "La valeur est 3", "La valeur est 4"), lines.subList(0, 3));
        assertTrue(lines.get(3).matches("Ecart en secondes \\d+\\.\\d\\d s"), lines.get(3));
        assertEquals(4, lines.size());
        assertEquals(3, result.timeline().spans().size());
    }

    @Test
    void fourThreadsPrintTheSameThreeValuesAndOverlap() throws Exception {
        // Sleeps of 3, 3, 3 and 1 notebook seconds (seed 7), 300 ms at 0.1: two of the four spans
        // overlap unless stalls keep every pair apart, which one stall cannot.
        var result = CellHarness.run(new ProgramThreadSample(), 0.1);
        List<String> values = result.nonBlank().stream().filter(l -> l.startsWith("La valeur est ")).sorted().toList();
        // The fourth thread finds the value at 4 and prints nothing, as in the notebook.
        assertEquals(List.of("La valeur est 2", "La valeur est 3", "La valeur est 4"), values);
        assertTrue(result.nonBlank().getLast().startsWith("Ecart en secondes "));
        assertEquals(4, result.timeline().spans().size());
        assertTrue(CellHarness.overlapped(result, "tache"), result.timeline().renderAscii(40));
    }
}
