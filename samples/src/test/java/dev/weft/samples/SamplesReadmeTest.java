package dev.weft.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Checks samples/README.md's table of notebook cells against the launcher's list. */
class SamplesReadmeTest {
    private static final Pattern ROW =
            Pattern.compile("^\\| (000|003|weft) \\| (`In \\[(?:\\d+|None)\\]:`|markdown|beyond|—) \\| `.+` \\| `([a-z]+\\.[a-z0-9-]+)`.* \\|$");

    private record Row(String notebook, String cell, String id) {
    }

    private static List<Row> rows() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("| 000 ") || line.startsWith("| 003 ") || line.startsWith("| weft ")) {
                Matcher m = ROW.matcher(line);
                assertTrue(m.matches(), "malformed row: " + line);
                rows.add(new Row(m.group(1), m.group(2), m.group(3)));
            }
        }
        return rows;
    }

    @Test
    void everyNotebookCellIsListed() throws Exception {
        List<Row> rows = rows();
        assertEquals(20, rows.stream().filter(r -> r.notebook().equals("000") && r.cell().startsWith("`In")).count());
        assertEquals(49, rows.stream().filter(r -> r.notebook().equals("003") && r.cell().startsWith("`In")).count());
        assertEquals(3, rows.stream().filter(r -> r.cell().equals("markdown")).count());
    }

    @Test
    void everyRowNamesALauncherCellAndEveryCellHasARow() throws Exception {
        List<String> launcher = Catalogue.cells().stream().map(Cell::id).toList();
        Set<String> inTable = new LinkedHashSet<>();
        for (Row row : rows()) {
            assertTrue(launcher.contains(row.id()), "no cell " + row.id() + " in the launcher: " + row);
            inTable.add(row.id());
        }
        assertEquals(launcher, List.copyOf(inTable), "the table follows the launcher's order");
    }

    @Test
    void theLauncherListPrintsTheSameIds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Samples.list(Catalogue.cells(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Set<String> listed = bytes.toString(StandardCharsets.UTF_8).lines().skip(1)
                .map(l -> l.strip().split("\\s+")[0]).collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(Catalogue.cells().stream().map(Cell::id).toList(), List.copyOf(listed));
    }
}
