package dev.weft.samples.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFilesTest {

    @Test
    void readsTheTenRowsTheNotebookShows() throws Exception {
        CsvTable adult = CsvFiles.read("D:/data/csv/adult.csv", ';');
        assertEquals(15, adult.header().size());
        assertEquals(List.of("Unnamed: 0", "age", "workclass"), adult.header().subList(0, 3));
        assertEquals("income", adult.header().getLast());
        assertEquals(10, adult.rows().size());
        assertEquals(List.of("8", "32", "Self-emp-inc"), adult.rows().get(8).subList(0, 3));
        assertEquals("5178", adult.rows().get(8).get(10));
        assertEquals(">50K", adult.rows().get(8).getLast());
    }

    @Test
    void aMissingFileFailsAsReadCsvDoes() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class,
                () -> CsvFiles.read("D:/data/csv/adult", ';'));
        assertTrue(e.getMessage().contains("D:/data/csv/adult"));
    }

    @Test
    void renderAlignsColumnsToTheRight() throws Exception {
        CsvTable table = CsvFiles.parse(new StringReader("a;bb\n100;x\n"), ';');
        assertEquals("  a  bb\n100   x\n\n1 rows × 2 columns\n", table.render());
        assertThrows(IllegalArgumentException.class, () -> CsvFiles.parse(new StringReader("a;b\n1\n"), ';'));
    }
}
