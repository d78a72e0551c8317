package dev.weft.samples.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Timeline;
import dev.weft.samples.CellHarness;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MultiCellsTest {
    private static final List<String> FIRST_SENTENCES = List.of(
            " Multithreading  :  Un processeur est dit multithread s'il est capable d'exécuter efficacement "
                    + "plusieurs threads simultanément ",
            " Threading  :  Hyper-threading (officiellement appelée Hyper-Threading Technology (HTT) ou  HT "
                    + "Technology (HT)) est la mise en œuvre par l'entreprise Intel du simultaneous multithreading "
                    + "(SMT) à deux voies dans ses microprocesseurs ",
            " Programmation_concurrente  :  La programmation concurrente est un paradigme de programmation "
                    + "tenant compte, dans un programme, de l'existence de plusieurs piles sémantiques qui peuvent "
                    + "être appelées threads, processus ou tâches ");

    @Test
    void nameAndCalculRunInSequenceThenTogether() throws Exception {
        var result = CellHarness.run(new NameCalculSample(), 0.05, "donna");
        String digits = String.valueOf(NameCalcul.firstTwoDigits(5, (int) Math.round(NameCalcul.EXPONENT * 0.05)));
        List<String> lines = result.nonBlank();
        assertEquals(List.of("Ecrivez le prénom Donna:  donna", "Daniel & donna", digits), lines.subList(0, 3));
        assertTrue(lines.get(3).startsWith("La complétion du programme en séquentiel prend :  "));
        // In threads, calcul(5) prints while name() still sleeps; the second answer falls back to Donna.
        assertEquals(List.of(digits, "Ecrivez le prénom Donna:  Donna", "Daniel & Donna"), lines.subList(4, 7));
        assertTrue(lines.get(7).startsWith("La complétion du programme divisé en threads prend :  "));
        Timeline.Span name = span(result.timeline(), "threads: name()");
        Timeline.Span calcul = span(result.timeline(), "threads: calcul(5)");
        assertTrue(name.overlaps(calcul), result.timeline().renderAscii(40));
    }

    @Test
    void firstTwoDigitsAtTheNotebooksExponentAreTheNotebooks() {
        assertEquals(10, NameCalcul.firstTwoDigits(5, 1_000_000));
        assertEquals(17, NameCalcul.firstTwoDigits(3, 1_000_000));
    }

    @Test
    void wikipediaPagesInSequenceComeInListOrder() throws Exception {
        var result = CellHarness.run(new WikipediaSequentialSample(), 0.1);
        List<String> lines = result.nonBlank();
        assertEquals(FIRST_SENTENCES, lines.subList(0, 3));
        assertTrue(lines.get(3).startsWith(" Durée:  "));
    }

    @Test
    void wikipediaPagesInThreadsOverlap() throws Exception {
        // Three fetches of 350 ms of server latency each: two of them overlap unless stalls keep
        // every pair apart, which one stall cannot.
        var result = CellHarness.run(new WikipediaThreadsSample(), 0.5);
        List<String> lines = result.nonBlank();
        assertEquals(FIRST_SENTENCES.stream().sorted().toList(), lines.subList(0, 3).stream().sorted().toList());
        assertTrue(lines.get(3).startsWith(" Durée: "));
        assertTrue(CellHarness.overlapped(result, "thread: "), result.timeline().renderAscii(40));
    }

    @Test
    void calculLourdComputesXTimesXPowerSqrtK() {
        double[] r = CalculLourd.calculLourd(3);
        assertEquals(0.0, r[0]);
        assertEquals(49.0, r[1]);
        double expected = 0;
        for (int k = 1; k < 50; k++) {
            expected += 2 * Math.pow(2, Math.sqrt(k));
        }
        assertEquals(expected, r[2], expected * 1e-12);
    }

    @Test
    void calculLourdSequentialRunsTheFourScaledRanges() throws Exception {
        var result = CellHarness.run(new CalculLourdSequentialSample());
        assertTrue(result.nonBlank().getFirst().startsWith("La complétion du programme en séquentiel prend :  "));
        assertEquals(List.of("10000", "50000", "40000", "70000"), result.timeline().spans().stream()
                .map(s -> s.name().replaceAll("\\D", "")).toList());
    }

    @Test
    void calculLourdPoolShowsProgressAndReturnsEveryRange() throws Exception {
        var result = CellHarness.run(new CalculLourdPoolSample(), 0.1);
        List<String> lines = result.nonBlank();
        assertEquals("pool.map(calcul_lourd) [####################] 4/4", lines.get(3));
        assertEquals(4, lines.stream().filter(l -> l.startsWith("pool.map(calcul_lourd) [")).count());
        assertTrue(lines.get(4).startsWith("La complétion du programme en parallèle prend :  "));
        assertEquals("# 4 résultats, de longueurs [100, 500, 400, 700]", lines.get(5));
    }

    @Test
    void calculWhileCountsDownEveryStep() {
        assertEquals(0, CalculWhile.calculWhile(0));
        assertEquals(0, CalculWhile.calculWhile(1));
        assertEquals(31 + 0, CalculWhile.calculWhile(2) - 0);
        assertEquals((2L * 31 + 1) * 31, CalculWhile.calculWhile(3));
    }

    @Test
    void calculWhileSequentialPoolAndProcessesAllFinish() throws Exception {
        var sequential = CellHarness.run(new CalculWhileSequentialSample());
        assertTrue(sequential.nonBlank().getFirst().startsWith("Durée en séquentiel :  "));
        assertEquals(4, sequential.timeline().spans().size());

        List<String> pool = CellHarness.run(new CalculWhilePoolSample()).nonBlank();
        assertEquals(List.of("pool.map(calcul_while) [#####...............] 1/4",
                "pool.map(calcul_while) [##########..........] 2/4",
                "pool.map(calcul_while) [###############.....] 3/4",
                "pool.map(calcul_while) [####################] 4/4"), pool.subList(0, 4));
        assertTrue(pool.get(4).startsWith("Durée de la solution 1 :  "));
        assertEquals("# 4 résultats", pool.get(5));

        var processes = CellHarness.run(new CalculWhileProcessesSample());
        assertTrue(processes.nonBlank().getFirst().startsWith("Durée de la solution 2 :  "));
        assertEquals("# 4 processus terminés", processes.nonBlank().get(1));
        assertEquals(4, processes.timeline().spans().stream().map(Timeline.Span::name)
                .filter(n -> n.startsWith("process: ")).collect(Collectors.toSet()).size());
    }

    private static Timeline.Span span(Timeline timeline, String name) {
        return timeline.spans().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
