package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private static final InputStream NO_INPUT = InputStream.nullInputStream();

    private static final Cell HELLO = new Cell() {
        @Override
        public String id() {
            return "demo.hello";
        }

        @Override
        public String title() {
            return "Bonjour";
        }

        @Override
        public void run(CellContext context) throws Exception {
            context.record("séquentiel: hello", () -> context.print("hello world"));
        }
    };

    private static final Cell BROKEN = new Cell() {
        @Override
        public String id() {
            return "demo.broken";
        }

        @Override
        public String title() {
            return "Cassée";
        }

        @Override
        public void run(CellContext context) {
            throw new IllegalStateException("boom");
        }
    };

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everySequentialCounterpartRunsBeforeItsConcurrentCell() {
        List<String> ids = Catalogue.cells().stream().map(Cell::id).toList();
        for (Cell cell : Catalogue.cells()) {
            cell.sequentialCounterpart().ifPresent(sequential -> {
                assertTrue(ids.contains(sequential), sequential);
                assertTrue(ids.indexOf(sequential) < ids.indexOf(cell.id()), cell.id());
            });
        }
    }

    @Test
    void catalogueIdsAreUniqueAndSectioned() {
        List<Cell> cells = Catalogue.cells();
        Set<String> ids = new HashSet<>();
        for (Cell cell : cells) {
            assertTrue(ids.add(cell.id()), "duplicate id " + cell.id());
            assertTrue(cell.id().matches("[a-z]+\\.[a-z0-9-]+"), cell.id());
            assertTrue(!cell.title().isBlank(), cell.id());
        }
    }

    @Test
    void noArgumentsListsEveryCellWithItsTitle() {
        assertEquals(0, Samples.run(Catalogue.cells(), new String[0], out, err, NO_INPUT));
        for (Cell cell : Catalogue.cells()) {
            assertTrue(out().lines().anyMatch(l -> l.contains(cell.id()) && l.contains(cell.title())), cell.id());
        }
    }

    @Test
    void runAllShowsProgressAndKeepsGoingAfterAFailure() {
        int status = Samples.run(List.of(BROKEN, HELLO), new String[] {"run", "all"}, out, err, NO_INPUT);
        assertEquals(1, status);
        assertTrue(out().contains("=== [1/2] demo.broken — Cassée (écoulé "), out());
        assertTrue(out().contains("=== [2/2] demo.hello — Bonjour (écoulé "), out());
        assertTrue(out().contains("hello world"));
        assertTrue(out().contains("en échec: demo.broken"));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("boom"));
    }

    @Test
    void runBySectionAndById() {
        assertEquals(0, Samples.run(List.of(BROKEN, HELLO), new String[] {"run", "demo.hello"}, out, err, NO_INPUT));
        assertEquals(1, out().lines().filter(l -> l.equals("hello world")).count());
        assertTrue(!out().contains("demo.broken"));
        assertEquals(List.of(BROKEN, HELLO), Samples.select(List.of(BROKEN, HELLO), List.of("demo")));
    }

    @Test
    void runAllRunsEveryCellAndWritesEveryTimeline(@TempDir Path dir) throws Exception {
        int status = Samples.run(Catalogue.cells(),
                new String[] {"run", "all", "--scale", "0.005", "--seed", "3", "--timeline", dir.toString()},
                out, err, NO_INPUT);
        assertEquals(0, status, errBytes.toString(StandardCharsets.UTF_8));
        int n = Catalogue.cells().size();
        for (int i = 1; i <= n; i++) {
            String header = "=== [" + i + "/" + n + "] " + Catalogue.cells().get(i - 1).id() + " — ";
            assertTrue(out().contains(header), header);
        }
        assertTrue(out().contains(n + " cellule(s) en "));
        long pairs = Catalogue.cells().stream().filter(c -> c.sequentialCounterpart().isPresent()).count();
        try (var svgs = Files.list(dir)) {
            assertEquals(n + pairs, svgs.filter(p -> p.toString().endsWith(".svg")).count());
        }
        // The comparison chart holds the sequential run, then the concurrent one after it.
        String nom = Files.readString(dir.resolve("async.nom-gather.comparison.svg"));
        assertTrue(nom.indexOf("total: async.nom-sequential") < nom.indexOf("total: async.nom-gather"), nom);
        assertTrue(nom.contains("séquentiel: nom(Diane)") && nom.contains("gather: nom_async(Diane)"), nom);
    }

    @Test
    void aCellThatRecordsNothingStillGetsItsTotal(@TempDir Path dir) throws Exception {
        assertEquals(1, Samples.run(List.of(BROKEN), new String[] {"run", "all", "--timeline", dir.toString()},
                out, err, NO_INPUT));
        assertTrue(Files.readString(dir.resolve("demo.broken.svg")).contains("total: demo.broken"));
    }

    @Test
    void anInterruptStopsTheRunAfterTheCurrentCell() {
        Cell interrupted = new NotebookCell("demo.sleep", "Dort") {
            @Override
            public void run(CellContext context) throws InterruptedException {
                Thread.currentThread().interrupt();
                context.sleepSeconds(1);
            }
        };
        try {
            assertEquals(1, Samples.run(List.of(interrupted, HELLO), new String[] {"run", "all"}, out, err, NO_INPUT));
            assertTrue(out().contains("Interrompu"), out());
            assertTrue(!out().contains("hello world"), out());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void unknownIdIsABadCommandLine() {
        assertEquals(2, Samples.run(List.of(HELLO), new String[] {"run", "nope"}, out, err, NO_INPUT));
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("cellule inconnue: nope"));
    }

    @Test
    void timelineWritesOneSvgPerCellAndPrintsItInAscii(@TempDir Path dir) throws Exception {
        assertEquals(0, Samples.run(List.of(HELLO), new String[] {"run", "all", "--timeline", dir.toString()},
                out, err, NO_INPUT));
        Path svg = dir.resolve("demo.hello.svg");
        assertTrue(Files.readString(svg).contains("séquentiel: hello"));
        assertTrue(Files.readString(svg).contains("total: demo.hello"));
        assertTrue(out().contains("Chronologie " + svg), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("séquentiel: hello |")), out());
    }
}
