package dev.weft.decorators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The contract of each stock decorator in {@link Decorators}. */
class DecoratorsTest {

    @Test
    void printBeforeWritesTheTemplateWithTheNameBeforeTheCall() {
        List<String> out = new ArrayList<>();
        Supplier<String> hello = Decorate.supplier("print_hello_world", () -> {
            out.add("hello world");
            return null;
        }, Decorators.printBefore("voici ce que renvoie la fonction {}", out::add));
        hello.get();
        assertEquals(List.of("voici ce que renvoie la fonction print_hello_world", "hello world"), out);
        out.clear();
        Decorate.runnable("r", () -> out.add("ran"), Decorators.printBefore(out::add)).run();
        assertEquals(List.of("calling r", "ran"), out);
    }

    @Test
    void printAfterWritesOnlyWhenTheCallReturns() {
        List<String> out = new ArrayList<>();
        Decorate.runnable("r", () -> out.add("ran"), Decorators.printAfter(out::add)).run();
        assertEquals(List.of("ran", "r finished"), out);
        out.clear();
        Runnable failing = Decorate.runnable("bad", () -> {
            throw new IllegalStateException("no");
        }, Decorators.printAfter("La fonction a fini de tourner", out::add));
        assertThrows(IllegalStateException.class, failing::run);
        assertEquals(List.of(), out);
    }

    @Test
    void showDocWritesTheDocOrNothing() {
        List<String> out = new ArrayList<>();
        Function<String, Integer> documented = Decorate.function("importer_csv",
                "Fonction qui permet d'importer un fichier csv.", String::length, Decorators.showDoc(out::add));
        assertEquals(3, documented.apply("abc"));
        assertEquals(List.of("Fonction qui permet d'importer un fichier csv."), out);
        out.clear();
        Decorate.function("plain", String::length, Decorators.showDoc(out::add)).apply("x");
        assertEquals(List.of(), out);
    }

    @Test
    void timedReportsTheClockTimeOfEachCall() {
        FakeClock clock = new FakeClock();
        List<Map.Entry<String, Duration>> times = new ArrayList<>();
        Supplier<String> slow = Decorate.supplier("slow", () -> {
            clock.advance(Duration.ofMillis(1500));
            return "done";
        }, Decorators.timed((name, d) -> times.add(Map.entry(name, d)), clock));
        assertEquals("done", slow.get());
        assertEquals(List.of(Map.entry("slow", Duration.ofMillis(1500))), times);
    }

    @Test
    void timedReportsAFailingCallAndKeepsItsException() {
        FakeClock clock = new FakeClock().autoIncrement(Duration.ofSeconds(2));
        List<Duration> times = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        Supplier<String> failing = Decorate.supplier("f", () -> {
            throw boom;
        }, Decorators.timed((name, d) -> times.add(d), clock));
        assertSame(boom, assertThrows(IllegalStateException.class, failing::get));
        assertEquals(List.of(Duration.ofSeconds(2)), times);
    }

    @Test
    void aFailingTimingSinkIsSuppressedIntoTheCallsException() {
        IllegalArgumentException sinkFailure = new IllegalArgumentException("sink");
        BiConsumer<String, Duration> badSink = (name, d) -> {
            throw sinkFailure;
        };
        IllegalStateException boom = new IllegalStateException("boom");
        Supplier<String> failing = Decorate.supplier("f", () -> {
            throw boom;
        }, Decorators.timed(badSink, new FakeClock()));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, failing::get);
        assertSame(boom, thrown);
        assertArrayEquals(new Throwable[] {sinkFailure}, thrown.getSuppressed());
        // on success the sink's failure is the call's failure
        Supplier<String> fine = Decorate.supplier("g", () -> "x", Decorators.timed(badSink, new FakeClock()));
        assertSame(sinkFailure, assertThrows(IllegalArgumentException.class, fine::get));
    }

    @Test
    void timedWithoutASinkLogsThroughSlf4j() {
        Logger logger = (Logger) LoggerFactory.getLogger(Decorators.LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Decorate.function("importer_csv", (String p) -> p, Decorators.timed()).apply("a.csv");
            assertEquals(1, appender.list.size());
            ILoggingEvent event = appender.list.get(0);
            assertEquals(Level.INFO, event.getLevel());
            assertTrue(event.getFormattedMessage().startsWith("importer_csv took "), event.getFormattedMessage());
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void requireArgRunsTheFunctionOnlyWhenTheArgumentSatisfiesIt() {
        List<String> imported = new ArrayList<>();
        Function<String, String> importer = Decorate.function("importer_csv", p -> {
            imported.add(p);
            return p;
        }, Decorators.requireArg(0, p -> String.valueOf(p).contains(".csv"), "la première entrée doit contenir .csv"));
        assertEquals("adult.csv", importer.apply("adult.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> importer.apply("adult"));
        assertEquals("la première entrée doit contenir .csv", e.getMessage());
        assertEquals(List.of("adult.csv"), imported);
    }

    @Test
    void requireArgPastTheArgumentsIsRefusedAtTheCall() {
        Function<String, String> f = Decorate.function("f", p -> p, Decorators.requireArg(1, p -> true, "never"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.apply("x"));
        assertTrue(e.getMessage().contains("requireArg(1) on f"), e.getMessage());
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        assertEquals("sink", assertThrows(NullPointerException.class, () -> Decorators.printBefore(null)).getMessage());
        assertEquals("template", assertThrows(NullPointerException.class,
                () -> Decorators.printBefore(null, s -> { })).getMessage());
        assertEquals("sink", assertThrows(NullPointerException.class, () -> Decorators.printAfter(null)).getMessage());
        assertEquals("template", assertThrows(NullPointerException.class,
                () -> Decorators.printAfter(null, s -> { })).getMessage());
        assertEquals("sink", assertThrows(NullPointerException.class, () -> Decorators.showDoc(null)).getMessage());
        assertEquals("sink", assertThrows(NullPointerException.class,
                () -> Decorators.timed((BiConsumer<String, Duration>) null)).getMessage());
        assertEquals("nanoClock", assertThrows(NullPointerException.class,
                () -> Decorators.timed((n, d) -> { }, null)).getMessage());
        assertEquals("requirement", assertThrows(NullPointerException.class,
                () -> Decorators.requireArg(0, null, "m")).getMessage());
        assertEquals("message", assertThrows(NullPointerException.class,
                () -> Decorators.requireArg(0, x -> true, null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Decorators.requireArg(-1, x -> true, "m"));
        assertThrows(IllegalArgumentException.class, () -> Decorators.lruCache(-1, true));
        assertThrows(IllegalArgumentException.class, () -> Decorators.lruCache(Integer.MIN_VALUE));
    }

    @Test
    void cacheFactoriesSayWhatTheyAre() {
        assertEquals(new CacheInfo(0, 0, Decorators.DEFAULT_MAX_SIZE, 0), Decorators.lruCache().info());
        assertEquals(new CacheInfo(0, 0, CacheInfo.UNBOUNDED, 0), Decorators.cache().info());
        assertFalse(Decorators.cache().typed());
        assertTrue(Decorators.cache(true).typed());
        assertTrue(Decorators.lruCache(0, true).typed());
        assertEquals("lruCache(maxSize=3, typed=false)", Decorators.lruCache(3).toString());
        assertEquals("cache(typed=false)", Decorators.cache().toString());
        assertEquals("timed", Decorators.timed().toString());
    }

    @Test
    void clearOnAZeroCacheResetsItsMisses() {
        CacheDecorator zero = Decorators.lruCache(0);
        Supplier<Integer> s = Decorate.supplier("s", () -> 1, zero);
        s.get();
        s.get();
        assertEquals(new CacheInfo(0, 2, 0, 0), zero.info());
        zero.clear();
        assertEquals(new CacheInfo(0, 0, 0, 0), zero.info());
    }

    @Test
    void cacheInfoChecksItsNumbersAndPrintsLikePython() {
        assertEquals("CacheInfo(hits=28, misses=16, maxSize=None, currSize=16)",
                new CacheInfo(28, 16, CacheInfo.UNBOUNDED, 16).toString());
        assertEquals("CacheInfo(hits=1, misses=2, maxSize=128, currSize=2)", new CacheInfo(1, 2, 128, 2).toString());
        assertFalse(new CacheInfo(0, 0, CacheInfo.UNBOUNDED, 0).isBounded());
        assertTrue(new CacheInfo(0, 0, 0, 0).isBounded());
        assertThrows(IllegalArgumentException.class, () -> new CacheInfo(-1, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CacheInfo(0, -1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new CacheInfo(0, 0, -2, 0));
        assertThrows(IllegalArgumentException.class, () -> new CacheInfo(0, 0, 1, -1));
    }

    @Test
    void nullResultsAreCached() {
        CacheDecorator cache = Decorators.lruCache(2);
        int[] calls = {0};
        Function<String, String> f = Decorate.function("f", s -> {
            calls[0]++;
            return null;
        }, cache);
        assertEquals(null, f.apply("a"));
        assertEquals(null, f.apply("a"));
        assertEquals(null, f.apply(null));
        assertEquals(null, f.apply(null));
        assertEquals(2, calls[0]);
        assertEquals(new CacheInfo(2, 2, 2, 2), cache.info());
    }

    @Test
    void exactEvictionOrderFollowsRecency() {
        CacheDecorator cache = Decorators.lruCache(3);
        List<Integer> computed = new ArrayList<>();
        Function<Integer, Integer> f = Decorate.function("f", x -> {
            computed.add(x);
            return x;
        }, cache);
        for (int x : new int[] {1, 2, 3, 1, 4, 2, 3, 1}) {
            f.apply(x);
        }
        // 1,2,3 fill; 1 is touched; 4 evicts 2 (oldest); 2 evicts 3; 3 evicts 1; 1 evicts 4
        assertEquals(List.of(1, 2, 3, 4, 2, 3, 1), computed);
        assertEquals(new CacheInfo(1, 7, 3, 3), cache.info());
    }
}
