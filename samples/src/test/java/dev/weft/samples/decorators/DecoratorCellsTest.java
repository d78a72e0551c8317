package dev.weft.samples.decorators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Timeline;
import dev.weft.samples.CellHarness;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
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

    /** {@return the spans named {@code name}, in the order they started} */
    private static List<Timeline.Span> spans(CellHarness.Result result, String name) {
        return result.timeline().spans().stream().filter(s -> s.name().equals(name))
                .sorted(Comparator.comparing(Timeline.Span::start)).toList();
    }

    @Test
    void theCachedPrintHelloSleepsOnceTheUncachedTwice() throws Exception {
        // Counted, not timed: each call of the undecorated function records a span while it
        // sleeps, so the cache hit shows as a call that records none.
        CellHarness.Result cached = CellHarness.run(new LruCacheHelloSample(), 0.02);
        assertEquals(2, times(cached).size(), "both calls are timed: " + cached.text());
        List<Timeline.Span> cachedSleeps = spans(cached, LruCacheHelloSample.SLEEP);
        assertEquals(1, cachedSleeps.size(), "the second call comes from the cache: " + cached.timeline().spans());
        List<Timeline.Span> first = spans(cached, "a = print_hello()");
        List<Timeline.Span> second = spans(cached, "b = print_hello()");
        assertEquals(1, first.size());
        assertEquals(1, second.size());
        Timeline.Span sleep = cachedSleeps.getFirst();
        assertTrue(first.getFirst().start().compareTo(sleep.start()) <= 0
                        && sleep.end().compareTo(first.getFirst().end()) <= 0,
                "the one sleep is the first call's: " + cached.timeline().renderAscii(40));
        assertTrue(sleep.end().compareTo(second.getFirst().start()) <= 0, "the second call sleeps no more");

        CellHarness.Result uncached = CellHarness.run(new HelloUncachedSample(), 0.02);
        assertEquals(2, times(uncached).size(), "both calls are timed: " + uncached.text());
        assertEquals(2, spans(uncached, HelloUncachedSample.SLEEP).size(),
                "without the cache both calls sleep: " + uncached.timeline().spans());
    }

    @Test
    void ordreResilienceShowsWhatEachOrderOfRetryTimeoutAndCacheDoes() throws Exception {
        assertEquals(List.of(
                        "# @retry puis @timeout : chaque tentative a son propre délai",
                        "tentative 1 de telecharger",
                        "tentative 2 de telecharger",
                        "-> page de weft.dev",
                        "# @timeout puis @retry : un seul délai pour toutes les tentatives et les attentes",
                        "tentative 1 de telecharger",
                        "-> TimeoutException: telecharger did not end within 2.000 s",
                        "# @lru_cache puis @retry : la tentative réussie est mise en cache",
                        "tentative 1 de doubler(21)",
                        "tentative 2 de doubler(21)",
                        "-> 42 42 CacheInfo(hits=1, misses=1, maxSize=128, currSize=1)",
                        "# @retry puis @lru_cache : un échec n'est jamais mis en cache",
                        "tentative 1 de echouer(21)",
                        "tentative 2 de echouer(21)",
                        "tentative 3 de echouer(21)",
                        "-> IllegalStateException: en panne CacheInfo(hits=0, misses=3, maxSize=128, currSize=0)"),
                CellHarness.run(new OrdreResilienceSample()).lines());
    }
}
