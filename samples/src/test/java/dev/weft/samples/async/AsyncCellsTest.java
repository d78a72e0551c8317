package dev.weft.samples.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.CellHarness;
import dev.weft.samples.multi.NameCalcul;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncCellsTest {
    private static final String DUREE = "Durée totale d'exécution: \\d+\\.\\d\\d secondes";

    @Test
    void theCoroutineRunsOnlyWhenAwaited() throws Exception {
        List<String> lines = CellHarness.run(new CoroutineSample()).lines();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).matches("<coroutine object exemple at 0x[0-9a-f]+>"), lines.get(0));
        assertEquals("Nous essayons les coroutines.", lines.get(1));
    }

    @Test
    void nomInSequencePrintsTheNamesInOrder() throws Exception {
        var result = CellHarness.run(new NomSequentialSample());
        List<String> lines = result.lines();
        assertEquals(List.of("Subroutine :", "Daniel", "Donna", "Diane"), lines.subList(0, 4));
        assertTrue(lines.get(4).matches(DUREE), lines.get(4));
    }

    @Test
    void nomAsyncWithGatherOverlapsTheThreeWaits() throws Exception {
        // Three waits of 500 ms: two of them overlap unless stalls keep every pair apart, which
        // one stall cannot.
        var result = CellHarness.run(new NomGatherSample(), 0.05);
        List<String> lines = result.nonBlank();
        assertEquals("Coroutine :", lines.getFirst());
        assertEquals(List.of("Daniel", "Diane", "Donna"), lines.subList(1, 4).stream().sorted().toList());
        assertTrue(lines.get(4).matches(DUREE), lines.get(4));
        assertTrue(CellHarness.overlapped(result, "gather: "), result.timeline().renderAscii(40));
    }

    @Test
    void nameAndCalculationsInSequence() throws Exception {
        var result = CellHarness.run(new NameCalculationSequentialSample());
        int exponent = (int) Math.round(NameCalcul.EXPONENT * CellHarness.SCALE);
        assertEquals(List.of("Subroutine :", "Daniel", String.valueOf(NameCalcul.firstTwoDigits(5, exponent)),
                String.valueOf(NameCalcul.firstTwoDigits(3, exponent))), result.lines().subList(0, 4));
        assertTrue(result.lines().get(4).matches(DUREE));
    }

    @Test
    void withTasksTheCalculationsEndWhileTheNameSleeps() throws Exception {
        var result = CellHarness.run(new NameCalculationTasksSample(), 0.05);
        int exponent = (int) Math.round(NameCalcul.EXPONENT * 0.05);
        List<String> lines = result.nonBlank();
        assertEquals("Coroutine :", lines.getFirst());
        assertEquals(List.of(String.valueOf(NameCalcul.firstTwoDigits(5, exponent)),
                        String.valueOf(NameCalcul.firstTwoDigits(3, exponent))).stream().sorted().toList(),
                lines.subList(1, 3).stream().sorted().toList());
        assertEquals("Daniel", lines.get(3));
        assertTrue(lines.get(4).matches(DUREE));
    }

    @Test
    void wikiInSequenceAndWithGather() throws Exception {
        var sequential = CellHarness.run(new WikiSequentialSample(), 0.02);
        List<String> lines = sequential.nonBlank();
        assertEquals("Subroutine :", lines.getFirst());
        List<String> summaries = lines.stream().filter(l -> l.startsWith(" ")).toList();
        assertEquals(3, summaries.size());
        assertTrue(summaries.get(0).startsWith(" Dans un programme, une coroutine est une unité de traitement"));
        assertTrue(summaries.get(1).startsWith(" Hyper-threading (officiellement appelée"));
        assertTrue(summaries.get(2).startsWith(" La programmation concurrente est un paradigme"));
        assertTrue(lines.getLast().matches(DUREE));

        // Three waits of 670 ms (sleep and server latency): two of them overlap unless stalls
        // keep every pair apart, which one stall cannot.
        var gathered = CellHarness.run(new WikiGatherSample(), 0.1);
        List<String> gatheredSummaries = gathered.nonBlank().stream().filter(l -> l.startsWith(" ")).toList();
        assertEquals(summaries.stream().sorted().toList(), gatheredSummaries.stream().sorted().toList());
        assertTrue(CellHarness.overlapped(gathered, "gather: "), gathered.timeline().renderAscii(40));
    }
}
