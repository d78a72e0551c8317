package dev.weft.samples.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Timeline;
import dev.weft.samples.CellHarness;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadsCellsTest {
    private static final String O = "oooooooooooo";
    private static final String X = "xxxxxxxxxxxx";

    @Test
    void sequentialRunsProcessOneThenProcessTwo() throws Exception {
        var result = CellHarness.run(new SequentialSample());
        assertEquals(List.of(O, O, O, X, X, X), result.lines());
        assertFalse(CellHarness.overlapped(result, "séquentiel: "), "one after the other, the spans never overlap");
    }

    @Test
    void threadsPrintBothMarksAndEndWithFinDeProgramme() throws Exception {
        // Two threads only, so a single stall can keep them apart: with sleeps of 1.05 s, the
        // second thread may start up to 2.1 s after the first and the marks still interleave and
        // the spans still overlap (at 15 ms, 30 ms of delay sufficed to fail on a loaded machine;
        // at 150 ms, 300 ms would have).
        var result = CellHarness.run(new ThreadSample(), 3.5);
        List<String> lines = result.lines();
        assertEquals(7, lines.size());
        assertEquals(3, Collections.frequency(lines, O));
        assertEquals(3, Collections.frequency(lines, X));
        assertEquals("Fin de Programme !", lines.getLast());
        // Both threads print their first mark before either prints its third: the first three
        // lines hold both marks (any four lines of three O and three X would).
        assertTrue(lines.subList(0, 3).containsAll(List.of(O, X)), lines.toString());
        assertTrue(CellHarness.overlapped(result, "th"), result.timeline().renderAscii(40));
    }

    @Test
    void myProcessPrintsItsThreadNameThreeTimes() throws Exception {
        List<String> lines = CellHarness.run(new SubclassSample()).lines();
        assertEquals(7, lines.size());
        assertEquals(3, lines.stream().filter(l -> l.matches("<MyProcess\\(thread1, started \\d+\\)>")).count());
        assertEquals(3, lines.stream().filter(l -> l.matches("<MyProcess\\(thread2, started \\d+\\)>")).count());
        assertEquals("Fin de Programme !", lines.getLast());
    }

    @Test
    void withoutTheLockTheRoundsOverlap() throws Exception {
        // Rounds of 180 ms: the threads' rounds overlap unless one starts over half a second late.
        var result = CellHarness.run(new LettersUnlockedSample(), 0.2);
        List<String> letters = result.lines().subList(0, 18);
        for (String letter : List.of("A", "B", "C")) {
            assertEquals(6, Collections.frequency(letters, letter));
        }
        assertEquals("Fin de Programme !", result.lines().getLast());
        List<Timeline.Span> rounds = rounds(result.timeline());
        assertTrue(rounds.stream().anyMatch(a -> rounds.stream().anyMatch(b -> a != b && a.overlaps(b))),
                result.timeline().renderAscii(40));
    }

    @Test
    void withTheLockEachRoundIsUnbroken() throws Exception {
        var result = CellHarness.run(new LettersLockedSample());
        List<String> lines = result.lines();
        assertEquals(19, lines.size());
        for (int i = 0; i < 18; i++) {
            assertEquals(String.valueOf("ABC".charAt(i % 3)), lines.get(i), "line " + i + " of " + lines);
        }
        assertEquals("Fin de Programme !", lines.getLast());
        List<Timeline.Span> rounds = rounds(result.timeline());
        assertEquals(6, rounds.size());
        for (Timeline.Span a : rounds) {
            for (Timeline.Span b : rounds) {
                assertFalse(a != b && a.overlaps(b), a + " overlaps " + b);
            }
        }
    }

    private static List<Timeline.Span> rounds(Timeline timeline) {
        return timeline.spans().stream().filter(s -> s.name().contains(": ABC ")).toList();
    }
}
