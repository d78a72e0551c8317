package dev.weft.decorators.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.CacheInfo;
import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorated;
import dev.weft.decorators.Decorator;
import dev.weft.decorators.Decorators;
import dev.weft.decorators.Doc;
import dev.weft.decorators.Invocation;
import dev.weft.decorators.LruCache;
import dev.weft.decorators.PrintAfter;
import dev.weft.decorators.PrintBefore;
import dev.weft.decorators.RequireArg;
import dev.weft.decorators.ShowDoc;
import dev.weft.decorators.Timed;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The examples of weft-decorators' javadoc: each {@code @start region} below is shown by a
 * {@code {@snippet class=dev.weft.decorators.snippets.DecoratorsSnippets region=...}} tag, and the
 * test around it runs the example and checks what the javadoc says of it. What the decorators log
 * through SLF4J is read back from a list appender on their logger.
 */
class DecoratorsSnippets {

    /** A parsed CSV file, as the notebook's DataFrame. */
    record Table(String path) {}

    static final class Csv {
        static Table read(String path) {
            return new Table(path);
        }
    }

    /** What the examples log, as an SLF4J logger would be called. */
    static final class Log {
        final List<String> lines = new ArrayList<>();

        void info(String message, Object... args) {
            String line = message;
            for (Object arg : args) {
                line = line.replaceFirst("\\{}", java.util.regex.Matcher.quoteReplacement(String.valueOf(arg)));
            }
            lines.add(line);
        }
    }

    private final Log log = new Log();

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    private final Logger decoratorsLogger = (Logger) LoggerFactory.getLogger(Decorators.LOGGER_NAME);

    private final AtomicInteger slowCalls = new AtomicInteger();

    @BeforeEach
    void captureLog() {
        logged.start();
        decoratorsLogger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        decoratorsLogger.detachAppender(logged);
        logged.stop();
    }

    private List<String> loggedLines() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private String slowHello() {
        slowCalls.incrementAndGet();
        try {
            Thread.sleep(10);   // the workload
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "hello";
    }

    @Test
    void decorators() {
        // @start region="decorators"
        CacheDecorator cache = Decorators.lruCache();
        Supplier<String> printHello = Decorate.supplier("print_hello", () -> slowHello(),
                Decorators.timed(), cache);             // Python: @temps_execution over @lru_cache()
        printHello.get();                               // runs (a miss), logs "print_hello took 10.212 ms"
        printHello.get();                               // a hit, logs "print_hello took 1.200 µs"
        cache.info();                                   // CacheInfo(hits=1, misses=1, maxSize=128, currSize=1)
        // @end
        assertEquals(new CacheInfo(1, 1, 128, 1), cache.info());
        assertEquals(1, slowCalls.get());
        List<String> lines = loggedLines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("print_hello took ")), lines.toString());
    }

    @Test
    void timedClock() {
        List<String> log = new ArrayList<>();
        // @start region="timed-clock"
        AtomicLong now = new AtomicLong();
        Decorator timed = Decorators.timed((name, took) -> log.add(name + " " + took), now::get);
        // @end
        Function<Integer, Integer> slow = Decorate.function("slow", x -> {
            now.addAndGet(5_000_000);   // the call "takes" 5 ms on the fake clock
            return x;
        }, timed);
        assertEquals(3, slow.apply(3));
        assertEquals(List.of("slow PT0.005S"), log);
    }

    @Test
    void decorate() {
        // @start region="decorate"
        // Python: @entree_contient('.csv') over @temps_execution over def importer_csv(path)
        Function<String, Table> importerCsv = Decorate.function("importer_csv", Csv::read,
                Decorators.requireArg(0, p -> p.toString().contains(".csv"), "la première entrée doit contenir .csv"),
                Decorators.timed());
        // @end
        assertEquals(new Table("adult.csv"), importerCsv.apply("adult.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> importerCsv.apply("adult"));
        assertEquals("la première entrée doit contenir .csv", e.getMessage());
        assertEquals(1, loggedLines().size(), "the refused call does not run, so only one is timed");
    }

    @Test
    void recursive() {
        // @start region="recursive"
        Function<Integer, BigInteger> factorial = Decorate.recursive("factorial",
                (self, n) -> n <= 1 ? BigInteger.ONE : BigInteger.valueOf(n).multiply(self.apply(n - 1)),
                Decorators.lruCache());
        // @end
        assertEquals(BigInteger.valueOf(120), factorial.apply(5));
    }

    interface Repository {
        String find(int id);
    }

    record MapRepository(Map<Integer, String> rows) implements Repository {
        @Override
        public String find(int id) {
            return rows.get(id);
        }
    }

    @Test
    void proxy() {
        Map<Integer, String> rows = Map.of(1, "Donna");
        // @start region="proxy"
        Repository repo = Decorate.proxy(Repository.class, new MapRepository(rows), Decorators.timed());
        // @end
        assertEquals("Donna", repo.find(1));
        assertEquals(1, loggedLines().size());
        assertTrue(loggedLines().get(0).startsWith("find took "), loggedLines().toString());
    }

    private String slowly(String a) {
        slowCalls.incrementAndGet();
        return "hello " + a;
    }

    @Test
    void annotated() {
        // @start region="annotated"
        interface Hello {
            @Timed
            @LruCache
            String printHello(String a);
        }
        Hello hello = Decorate.annotated(Hello.class, a -> slowly(a));
        // @end
        assertEquals("hello you", hello.printHello("you"));
        assertEquals("hello you", hello.printHello("you"));
        assertEquals(1, slowCalls.get(), "the second call is a cache hit");
        assertEquals(2, loggedLines().size(), "both calls are timed, the hit too");
    }

    @Test
    void printBefore() {
        List<String> out = new ArrayList<>();
        // @start region="print-before"
        interface Hello {
            @PrintBefore("voici ce que renvoie la fonction {}")
            void printHelloWorld();
        }
        // @end
        Hello hello = Decorate.annotated(Hello.class, () -> out.add("Hello World"), out::add);
        hello.printHelloWorld();
        assertEquals(List.of("voici ce que renvoie la fonction printHelloWorld", "Hello World"), out);
    }

    @Test
    void printAfter() {
        List<String> out = new ArrayList<>();
        // @start region="print-after"
        interface Hello {
            @PrintAfter("La fonction a fini de tourner")
            void printHelloWorld();
        }
        // @end
        Hello hello = Decorate.annotated(Hello.class, () -> out.add("Hello World"), out::add);
        hello.printHelloWorld();
        assertEquals(List.of("Hello World", "La fonction a fini de tourner"), out);
    }

    @Test
    void invocation() {
        // @start region="invocation"
        Decorator firstArgMustContain = call -> {
            if (!String.valueOf(call.args().get(0)).contains(".csv")) {
                throw new IllegalArgumentException(call.name() + ": first argument must contain .csv");
            }
            return call.proceed();
        };
        // @end
        Function<String, Table> read = Decorate.function("read", Csv::read, firstArgMustContain);
        assertEquals(new Table("a.csv"), read.apply("a.csv"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read.apply("a.txt"));
        assertEquals("read: first argument must contain .csv", e.getMessage());
        Invocation[] seen = new Invocation[1];
        Decorate.function("spy", Csv::read, call -> {
            seen[0] = call;
            return call.proceed();
        }).apply("b.csv");
        assertEquals(List.of("b.csv"), seen[0].args());
    }

    @Test
    void decoratorsPackage() {
        // @start region="decorators-package"
        CacheDecorator cache = Decorators.lruCache();
        Function<Integer, BigInteger> factorial = Decorate.recursive("factorial",
                (self, n) -> n <= 1 ? BigInteger.ONE : BigInteger.valueOf(n).multiply(self.apply(n - 1)),
                cache);
        factorial.apply(500);    // 500 misses: the recursion goes through the cache
        factorial.apply(500);    // 1 hit: the second call is instant
        log.info("{}", cache.info());   // CacheInfo(hits=1, misses=500, maxSize=128, currSize=128)

        Supplier<String> printHello = Decorate.supplier("print_hello", () -> slowHello(),
                Decorators.timed((name, time) -> log.info("{} took {}", name, time)),  // Python: @temps_execution
                Decorators.lruCache());                                                       // Python: @lru_cache()
        // @end
        assertEquals("CacheInfo(hits=1, misses=500, maxSize=128, currSize=128)", log.lines.get(0));
        assertEquals("hello", printHello.get());
        assertEquals("hello", printHello.get());
        assertEquals(1, slowCalls.get());
        assertEquals(3, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(1).startsWith("print_hello took PT"), log.lines.toString());
    }

    @Test
    void decorator() {
        // @start region="decorator"
        Decorator logCalls = call -> {
            log.info("calling {} with {}", call.name(), call.args());
            return call.proceed();                 // function(*args, **kwargs)
        };
        Function<String, Integer> length = Decorate.function("length", String::length, logCalls);
        // @end
        assertEquals(5, length.apply("Donna"));
        assertEquals(List.of("calling length with [Donna]"), log.lines);
    }

    @Test
    void doc() throws NoSuchMethodException {
        List<String> out = new ArrayList<>();
        // @start region="doc"
        interface Loader {
            @Doc("Fonction qui permet d'importer un fichier csv dans un DataFrame pandas.")
            Table importerCsv(String path);
        }
        // @end
        Loader loader = Decorate.annotated(Loader.class, Csv::read, out::add);
        assertEquals(new Table("a.csv"), loader.importerCsv("a.csv"));
        assertEquals(List.of(), out, "a doc alone prints nothing");
        assertEquals("Fonction qui permet d'importer un fichier csv dans un DataFrame pandas.",
                Loader.class.getMethod("importerCsv", String.class).getAnnotation(Doc.class).value());
    }

    @Test
    void cacheDecorator() {
        // @start region="cache-decorator"
        CacheDecorator cache = Decorators.lruCache(2);
        Function<Integer, Integer> times10 = Decorate.function("times10", x -> x * 10, cache);
        for (int x : List.of(7, 9, 7, 8, 9)) times10.apply(x);   // 8 evicts 9, the least recent
        CacheInfo info = cache.info();    // CacheInfo(hits=1, misses=4, maxSize=2, currSize=2)
        cache.clear();                    // entries and statistics reset
        // @end
        assertEquals(new CacheInfo(1, 4, 2, 2), info);
        assertEquals(new CacheInfo(0, 0, 2, 0), cache.info());
    }

    @Test
    void cacheEvictions() {
        // @start region="cache-evictions"
        CacheDecorator cache = Decorators.lruCache(2);
        Function<Integer, Integer> times10 = Decorate.function("times10", x -> x * 10, cache);
        for (int x : List.of(7, 9, 7, 8, 9)) times10.apply(x);   // 8 evicts 9, then 9 evicts 7
        long dropped = cache.evictions();   // 2
        // @end
        assertEquals(2, dropped);
        cache.clear();
        assertEquals(0, cache.evictions(), "clear resets it with the other statistics");
        CacheDecorator unbounded = Decorators.cache();
        Function<Integer, Integer> plus = Decorate.function("plus", x -> x + 1, unbounded);
        for (int x = 0; x < 1000; x++) plus.apply(x);
        assertEquals(0, unbounded.evictions());
        CacheDecorator none = Decorators.lruCache(0);
        Function<Integer, Integer> id = Decorate.function("id", x -> x, none);
        id.apply(1);
        id.apply(2);
        assertEquals(0, none.evictions());
    }

    @Test
    void showDoc() {
        List<String> out = new ArrayList<>();
        // @start region="show-doc"
        interface Loader {
            @ShowDoc
            @Doc("Fonction qui permet d'importer un fichier csv.")
            Table importerCsv(String path);
        }
        // @end
        Loader loader = Decorate.annotated(Loader.class, Csv::read, out::add);
        assertEquals(new Table("a.csv"), loader.importerCsv("a.csv"));
        assertEquals(List.of("Fonction qui permet d'importer un fichier csv."), out);
    }

    @Test
    void decorated() {
        // @start region="decorated"
        Function<String, Table> importCsv =
                Decorate.function("importer_csv", "Imports a CSV file.", Csv::read, Decorators.timed());
        if (importCsv instanceof Decorated d) {
            log.info("{}: {}", d.name(), d.doc().orElse(""));   // importer_csv: Imports a CSV file.
        }
        // @end
        assertInstanceOf(Decorated.class, importCsv);
        assertEquals(List.of("importer_csv: Imports a CSV file."), log.lines);
    }

    @Test
    void cacheInfo() {
        // @start region="cache-info"
        CacheDecorator cache = Decorators.lruCache(128);
        Function<Integer, Integer> square = Decorate.function("square", x -> x * x, cache);
        square.apply(10); square.apply(20); square.apply(10);
        cache.info();   // CacheInfo(hits=1, misses=2, maxSize=128, currSize=2)
        // @end
        assertEquals(new CacheInfo(1, 2, 128, 2), cache.info());
        assertEquals("CacheInfo(hits=1, misses=2, maxSize=128, currSize=2)", cache.info().toString());
    }

    @Test
    void requireArg() {
        // @start region="require-arg"
        interface Loader {
            @RequireArg(index = 0, contains = ".csv")
            Table importerCsv(String path);   // importerCsv("adult") throws IllegalArgumentException
        }
        // @end
        Loader loader = Decorate.annotated(Loader.class, Csv::read);
        assertEquals(new Table("adult.csv"), loader.importerCsv("adult.csv"));
        assertThrows(IllegalArgumentException.class, () -> loader.importerCsv("adult"));
    }

    @Test
    void timed() {
        // @start region="timed"
        interface Loader {
            @Timed
            Table importCsv(String path);
        }
        Loader loader = Decorate.annotated(Loader.class, Csv::read);
        // @end
        assertEquals(new Table("a.csv"), loader.importCsv("a.csv"));
        assertEquals(1, loggedLines().size());
        assertTrue(loggedLines().get(0).startsWith("importCsv took "), loggedLines().toString());
    }

    @Test
    void lruCache() {
        // @start region="lru-cache"
        interface Greeter {
            @Timed
            @LruCache
            String hello(String name);   // the second call with the same name is a cache hit
        }
        // @end
        Greeter greeter = Decorate.annotated(Greeter.class, this::slowly);
        greeter.hello("Donna");
        greeter.hello("Donna");
        assertEquals(1, slowCalls.get());
    }
}
