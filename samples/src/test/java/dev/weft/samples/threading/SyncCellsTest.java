package dev.weft.samples.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.Cell;
import dev.weft.samples.CellHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SyncCellsTest {
    private static final Pattern VALUE = Pattern.compile("La valeur est (\\d+)");
    private static final Pattern ADDED = Pattern.compile("[Ee]lement (\\d+) (?:à été )?ajouté .*par (Thread-\\d)\\s*");
    private static final Pattern TAKEN = Pattern.compile("[Ee]lement (\\d+) (?:à été )?extrait de la liste par (Thread-\\d)\\s*");

    static Stream<Cell> criticalZones() {
        return Stream.of(new SemaphoreSample(), new LockSample(), new RLockSample());
    }

    @ParameterizedTest
    @MethodSource("criticalZones")
    void twoThreadsCountToOneHundredOneAtATime(Cell cell) throws Exception {
        var result = CellHarness.run(cell, 0.005);
        List<Integer> values = new ArrayList<>();
        for (String line : result.nonBlank()) {
            Matcher m = VALUE.matcher(line);
            if (m.matches()) {
                values.add(Integer.parseInt(m.group(1)));
            }
        }
        // Every increment happens inside the zone and prints there, so the values come 2, 3, 4...
        // with none lost or repeated; the test outside the zone lets the last one be 101.
        int last = values.getLast();
        assertTrue(last == 100 || last == 101, "last value " + last);
        for (int i = 0; i < values.size(); i++) {
            assertEquals(i + 2, values.get(i));
        }
        for (int thread = 1; thread <= 2; thread++) {
            String id = "Thread: " + thread + " ";
            long tries = result.count(l -> l.equals(id + "essais d'entrée à la zonne critique "));
            long exits = result.count(l -> l.equals(id + "sortie de la zonne critique "));
            assertEquals(tries, exits, cell.id() + " thread " + thread);
            assertTrue(tries > 10, "both threads take turns: " + tries);
        }
        assertEquals(values.size(), result.count(l -> l.contains("sortie de la zonne critique")));
    }

    @Test
    void conditionClientWaitsForEachElementTheServerAdds() throws Exception {
        var result = CellHarness.run(new ConditionSample());
        List<String> added = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (String line : result.nonBlank()) {
            Matcher a = ADDED.matcher(line);
            Matcher t = TAKEN.matcher(line);
            if (a.matches()) {
                assertEquals("Thread-1", a.group(2));
                added.add(a.group(1));
            } else if (t.matches()) {
                assertEquals("Thread-2", t.group(2));
                assertTrue(added.size() > taken.size(), "nothing is taken before it is added");
                taken.add(t.group(1));
            }
        }
        assertEquals(ConditionSample.ELEMENTS, added.size());
        assertEquals(added.stream().sorted().toList(), taken.stream().sorted().toList());
        assertEquals(ConditionSample.ELEMENTS, result.count(l -> l.equals("Passe la main au thread client ")));
        assertEquals(ConditionSample.ELEMENTS, result.count(l -> l.equals("Passe la main au thread serveur ")));
    }

    @Test
    void queueServerAndClientTakeTurns() throws Exception {
        // The client sleeps 1 s (scaled) between get() and printing what it took; only that sleep
        // orders the server's "ajouté" line before it. At 200 ms, not 10, a server descheduled
        // between put() and its print does not reorder them.
        var result = CellHarness.run(new QueueSample(), 0.2);
        List<String> events = new ArrayList<>();
        for (String line : result.nonBlank()) {
            Matcher a = ADDED.matcher(line);
            Matcher t = TAKEN.matcher(line);
            if (a.matches()) {
                events.add("+" + a.group(1));
            } else if (t.matches()) {
                events.add("-" + t.group(1));
            }
        }
        // join() makes the server wait for task_done(): added, taken, added, taken...
        assertEquals(2 * QueueSample.ELEMENTS, events.size(), events.toString());
        for (int i = 0; i < events.size(); i += 2) {
            assertEquals("+", events.get(i).substring(0, 1), events.toString());
            assertEquals("-" + events.get(i).substring(1), events.get(i + 1), events.toString());
        }
        assertEquals("La queue est fermée: fin du client Thread-2", result.nonBlank().getLast());
    }

    @Test
    void eventClientTakesTheElementOnlyOnceItIsThere() throws Exception {
        var result = CellHarness.run(new EventSample());
        List<String> lines = result.nonBlank();
        assertEquals(6, lines.size(), lines.toString());
        int added = -1;
        int taken = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (ADDED.matcher(lines.get(i)).matches()) {
                added = i;
            }
            if (TAKEN.matcher(lines.get(i)).matches()) {
                taken = i;
            }
        }
        assertTrue(added >= 0 && taken > added, lines.toString());
        Matcher a = ADDED.matcher(lines.get(added));
        Matcher t = TAKEN.matcher(lines.get(taken));
        assertTrue(a.matches() && t.matches());
        assertEquals(a.group(1), t.group(1));
        // The server hands over (prints, then sets the event) before the client takes the element.
        assertTrue(lines.indexOf("Passe la main au thread client ") < taken, lines.toString());
        assertEquals("Passe la main au thread serveur ", lines.getLast());
    }
}
