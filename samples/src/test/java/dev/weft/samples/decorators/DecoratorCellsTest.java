package dev.weft.samples.decorators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.CellHarness;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DecoratorCellsTest {
    private static final Pattern TIMED = Pattern.compile("Cette fonction s'est exécutée en (\\S+) s");
    private static final String DOC = "Fonction qui permet d'importer un fichier csv dans un DataFrame pandas.";

    private static List<Double> times(CellHarness.Result result) {
        List<Double> times = new ArrayList<>();
        for (String line : result.lines()) {
            Matcher m = TIMED.matcher(line);
            if (m.matches()) {
                times.add(Double.parseDouble(m.group(1)));
            }
        }
        return times;
    }

    private static void assertAdultTable(List<String> lines, int headerAt) {
        assertTrue(lines.get(headerAt).matches("Unnamed: 0\\s+age\\s+workclass.*income"), lines.get(headerAt));
        assertTrue(lines.get(headerAt + 1).matches("\\s*0\\s+60\\s+Self-emp-not-inc\\s+5th-6th.*<=50K"));
        assertTrue(lines.get(headerAt + 9).matches("\\s*8\\s+32\\s+Self-emp-inc.*5178.*>50K"));
        assertEquals("10 rows × 15 columns", lines.get(headerAt + 12));
    }

    @Test
    void printBeforeNamesTheFunctionThenRunsIt() throws Exception {
        List<String> expected = List.of("voici ce que renvoie la fonction print_hello_world", "hello world");
        assertEquals(expected, CellHarness.run(new PrintBeforeSample()).lines());
        assertEquals(expected, CellHarness.run(new DecorateurParametreSample()).lines());
    }

    @Test
    void afficheDocPrintsTheDocBeforeTheTable() throws Exception {
        List<String> lines = CellHarness.run(new AfficheDocSample()).lines();
        assertEquals(DOC, lines.getFirst());
        assertAdultTable(lines, 1);
    }

    @Test
    void tempsExecutionPrintsTheTimeBeforeTheTable() throws Exception {
        var result = CellHarness.run(new TempsExecutionSample());
        assertEquals(1, times(result).size());
        assertAdultTable(result.lines(), 1);
    }

    @Test
    void entreeContientReturnsItsMessageWithoutTheExtension() throws Exception {
        assertEquals(List.of("'la première entrée doit contenir .csv'",
                        "# avec l'extension, importer_csv s'exécute: 10 rows × 15 columns"),
                CellHarness.run(new EntreeContientSample()).lines());
    }

    @Test
    void chainOrderPrintsBeforeAndAfterAroundTheCall() throws Exception {
        List<String> call = List.of("voici ce que renvoie la fonction print_hello_world", "hello world",
                "La fonction a fini de tourner");
        List<String> lines = CellHarness.run(new ChainOrderSample()).lines();
        assertEquals(call, lines.subList(1, 4));
        assertEquals(call, lines.subList(5, 8));
        assertEquals(8, lines.size());
    }

    @Test
    void chainCsvTimesOnlyWhatTheOuterCheckLetsThrough() throws Exception {
        List<String> lines = CellHarness.run(new ChainCsvSample()).lines();
        assertEquals(7, lines.size(), lines.toString());
        assertTrue(TIMED.matcher(lines.get(1)).matches());
        assertEquals("# 10 rows × 15 columns", lines.get(2));
        // entree_contient outside: the refused call is not timed.
        assertEquals("'la première entrée doit contenir .csv'", lines.get(3));
        // the timer outside: even the refused call is timed.
        assertTrue(TIMED.matcher(lines.get(5)).matches());
        assertEquals("'la première entrée doit contenir .csv'", lines.get(6));
    }

    @Test
    void withoutWrapsHelpShowsTheWrapperAndWithWrapsTheFunction() throws Exception {
        assertEquals(List.of("Help on function print_then_execute:", "", "print_then_execute()"),
                CellHarness.run(new MetadataLostSample()).lines());
        assertEquals(List.of("Help on function print_hello_world:", "", "print_hello_world()",
                        "    Description de ma fonction blablabla"),
                CellHarness.run(new WrapsSample()).lines());
    }

    @Test
    void boucleListsTheFactorialsOfOneToNinetyNineWithAndWithoutTheCache() throws Exception {
        List<String> expected = new ArrayList<>();
        BigInteger f = BigInteger.ONE;
        for (int k = 1; k < 100; k++) {
            f = f.multiply(BigInteger.valueOf(k));
            expected.add((k == 1 ? "[" : " ") + f + (k == 99 ? "]" : ","));
        }
        List<String> plain = CellHarness.run(new FactorialTimedSample()).lines();
        assertTrue(TIMED.matcher(plain.getFirst()).matches());
        assertEquals(expected, plain.subList(1, plain.size()));

        List<String> cached = CellHarness.run(new LruCacheFactorialSample()).lines();
        assertTrue(TIMED.matcher(cached.getFirst()).matches());
        assertEquals(expected, cached.subList(1, 100));
        // factorial(k) misses once for each k and finds factorial(k - 1) in the cache.
        assertEquals("CacheInfo(hits=98, misses=99, maxSize=128, currSize=99)", cached.getLast());
    }

    @Test
    void theCachedPrintHelloSleepsOnceTheUncachedTwice() throws Exception {
        List<Double> cached = times(CellHarness.run(new LruCacheHelloSample(), 0.02));
        assertEquals(2, cached.size());
        assertTrue(cached.get(0) >= 0.09, "the first call sleeps 5 s × 0.02: " + cached);
        assertTrue(cached.get(1) < cached.get(0) / 10, "the second comes from the cache: " + cached);

        List<Double> uncached = times(CellHarness.run(new HelloUncachedSample(), 0.02));
        assertEquals(2, uncached.size());
        assertTrue(uncached.get(0) >= 0.09 && uncached.get(1) >= 0.09, "both calls sleep: " + uncached);
    }
}
