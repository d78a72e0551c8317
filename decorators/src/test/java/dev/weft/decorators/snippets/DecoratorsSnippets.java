package dev.weft.decorators.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.weft.decorators.Bulkhead;
import dev.weft.decorators.BulkheadFullException;
import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.CacheInfo;
import dev.weft.decorators.CircuitBreaker;
import dev.weft.decorators.CircuitOpenException;
import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorated;
import dev.weft.decorators.Decorator;
import dev.weft.decorators.Decorators;
import dev.weft.decorators.Doc;
import dev.weft.decorators.Invocation;
import dev.weft.decorators.LruCache;
import dev.weft.decorators.PrintAfter;
import dev.weft.decorators.PrintBefore;
import dev.weft.decorators.RateLimit;
import dev.weft.decorators.RateLimitExceededException;
import dev.weft.decorators.RequireArg;
import dev.weft.decorators.Retry;
import dev.weft.decorators.RetryAttempt;
import dev.weft.decorators.RetryPolicy;
import dev.weft.decorators.ShowDoc;
import dev.weft.decorators.Timed;
import dev.weft.decorators.Timeout;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    void cachePuts() {
        // @start region="cache-puts"
        CacheDecorator cache = Decorators.lruCache(2);
        Function<Integer, Integer> checked = Decorate.function("checked", x -> {
            if (x < 0) throw new IllegalArgumentException("negative");
            return x * 10;
        }, cache);
        checked.apply(1);                        // a miss, stored: a put
        checked.apply(1);                        // a hit
        try {
            checked.apply(-1);                   // a miss that throws: stores nothing
        } catch (IllegalArgumentException expected) {
        }
        long stored = cache.puts();              // 1, for 2 misses
        // @end
        assertEquals(1, stored);
        assertEquals(2, cache.info().misses());
        cache.clear();
        assertEquals(0, cache.puts(), "clear resets it with the other statistics");
        CacheDecorator none = Decorators.lruCache(0);
        Function<Integer, Integer> id = Decorate.function("id", x -> x, none);
        id.apply(1);
        assertEquals(0, none.puts(), "maxSize 0 stores nothing");
        assertEquals(1, none.info().misses());
        CacheDecorator unbounded = Decorators.cache();
        Function<Integer, Integer> plus = Decorate.function("plus", x -> x + 1, unbounded);
        for (int x = 0; x < 10; x++) plus.apply(x % 5);
        assertEquals(5, unbounded.puts());
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

    // ---- resilience: retry, bulkhead, rate limit ----

    /** A page that can be fetched at the third try: two IOExceptions first. */
    private final AtomicInteger fetches = new AtomicInteger();

    private String fetchPage(String url) throws IOException {
        if (fetches.incrementAndGet() < 3) {
            throw new IOException("connection reset: " + url);
        }
        return "page of " + url;
    }

    @Test
    void retry() {
        // @start region="retry"
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> flaky = Decorate.supplier("flaky", () -> {
            if (calls.incrementAndGet() < 3) throw new IllegalStateException("not yet");
            return "done";
        }, Decorators.retry(RetryPolicy.builder().maxAttempts(3).build()));   // Python: @retry(stop=stop_after_attempt(3))
        flaky.get();   // "done", at the third attempt; a fourth failure would have been thrown
        // @end
        assertEquals("done", flaky.get());
        assertEquals(4, calls.get());
    }

    @Test
    void retryPolicy() throws Exception {
        // @start region="retry-policy"
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(5)
                .exponentialBackoff(Duration.ofMillis(1), 2, Duration.ofMillis(10))   // waits 1, 2, 4, 8 ms
                .retryOn(IOException.class)
                .build();
        Callable<String> fetch = Decorate.callable("fetch", () -> fetchPage("weft.dev"), Decorators.retry(policy));
        fetch.call();   // "page of weft.dev", after two IOExceptions
        // @end
        assertEquals(3, fetches.get());
        assertEquals("page of weft.dev", fetch.call());
    }

    @Test
    void retryBuilder() {
        List<String> out = new ArrayList<>();
        // @start region="retry-builder"
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(10)
                .backoff(Duration.ofMillis(1))
                .retryIf(e -> e.getMessage().contains("busy"))     // only the failures that say so
                .retryIfResult(r -> r == null)                      // and the calls that return null
                .deadline(Duration.ofSeconds(30))                   // no attempt after 30 s
                .onAttempt(a -> out.add("attempt " + a.number()))
                .build();
        // @end
        AtomicInteger calls = new AtomicInteger();
        Supplier<String> s = Decorate.supplier("s", () -> switch (calls.incrementAndGet()) {
            case 1 -> throw new IllegalStateException("busy");
            case 2 -> null;
            default -> "ok";
        }, Decorators.retry(policy));
        assertEquals("ok", s.get());
        assertEquals(List.of("attempt 1", "attempt 2", "attempt 3"), out);
        calls.set(10);
        Supplier<String> down = Decorate.supplier("down", () -> {
            throw new IllegalStateException("down");
        }, Decorators.retry(policy));
        assertThrows(IllegalStateException.class, down::get);
    }

    @Test
    void retryJitter() {
        // @start region="retry-jitter"
        RetryPolicy policy = RetryPolicy.builder()
                .exponentialBackoff(Duration.ofMillis(100), 2, Duration.ofSeconds(5))
                .jitter(RetryPolicy.Jitter.FULL)    // each wait uniform in [0, 100 ms × 2^n], at most 5 s
                .build();
        // @end
        assertEquals("RetryPolicy(maxAttempts 3, exponentialBackoff(PT0.1S, 2.0, PT5S), jitter FULL,"
                + " retryOn [Exception])", policy.toString());
    }

    @Test
    void retryAttempt() throws Exception {
        // @start region="retry-attempt"
        RetryPolicy policy = RetryPolicy.builder()
                .onAttempt(a -> {
                    if (a.failed()) log.info("{} attempt {} failed: {}", a.name(), a.number(), a.failure().getMessage());
                })
                .build();
        // @end
        Callable<String> fetch = Decorate.callable("fetch", () -> fetchPage("a"), Decorators.retry(policy));
        assertEquals("page of a", fetch.call());
        assertEquals(List.of("fetch attempt 1 failed: connection reset: a", "fetch attempt 2 failed: connection reset: a"),
                log.lines);
    }

    @Test
    void retryAnnotation() throws Exception {
        // @start region="retry-annotation"
        interface Site {
            @Retry(attempts = 3, backoffMillis = 1, on = IOException.class)
            String fetch(String url) throws IOException;   // up to 3 attempts, 1 ms apart
        }
        // @end
        Site site = Decorate.annotated(Site.class, this::fetchPage);
        assertEquals("page of x", site.fetch("x"));
        assertEquals(3, fetches.get());
    }

    /** Starts a thread that holds one place of {@code bulkhead} until {@code release} opens. */
    private static Thread holdOnePlace(Decorator bulkhead, CountDownLatch release) throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        Runnable held = Decorate.runnable("held", () -> {
            entered.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, bulkhead);
        Thread t = Thread.ofPlatform().start(held);
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        return t;
    }

    @Test
    void bulkhead() {
        // @start region="bulkhead"
        Decorator twoAtOnce = Decorators.bulkhead(2);
        Function<String, Table> importCsv = Decorate.function("import_csv", Csv::read, twoAtOnce);
        importCsv.apply("a.csv");   // at most two imports run at once; a third caller waits its turn
        // @end
        assertEquals(new Table("b.csv"), importCsv.apply("b.csv"));
    }

    @Test
    void bulkheadWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // @start region="bulkhead-wait"
        Decorator oneAtOnce = Decorators.bulkhead(1, Duration.ofMillis(20));   // wait 20 ms at most
        Supplier<String> report = Decorate.supplier("report", () -> "report", oneAtOnce);
        // while another call holds the place: report.get() throws BulkheadFullException after 20 ms
        // @end
        Thread holder = holdOnePlace(oneAtOnce, release);
        assertThrows(BulkheadFullException.class, report::get);
        release.countDown();
        holder.join(Duration.ofSeconds(30));
        assertEquals("report", report.get());
    }

    @Test
    void bulkheadFull() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Decorator oneAtOnce = Decorators.bulkhead(1, Duration.ZERO);
        Supplier<String> report = Decorate.supplier("report", () -> "report", oneAtOnce);
        Thread holder = holdOnePlace(oneAtOnce, release);
        // @start region="bulkhead-full"
        String answer;
        try {
            answer = report.get();
        } catch (BulkheadFullException e) {   // "report: bulkhead full, 1 call(s) running; ..."
            answer = "busy, try again later";
        }
        // @end
        assertEquals("busy, try again later", answer);
        release.countDown();
        holder.join(Duration.ofSeconds(30));
    }

    @Test
    void bulkheadAnnotation() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        // @start region="bulkhead-annotation"
        interface Reports {
            @Bulkhead(maxConcurrent = 1, maxWaitMillis = 0)
            String monthly(String month);   // a second caller meanwhile: BulkheadFullException
        }
        // @end
        Reports reports = Decorate.annotated(Reports.class, month -> {
            entered.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "report " + month;
        });
        Thread holder = Thread.ofPlatform().start(() -> reports.monthly("may"));
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        assertThrows(BulkheadFullException.class, () -> reports.monthly("june"));
        release.countDown();
        holder.join(Duration.ofSeconds(30));
        assertEquals("report june", reports.monthly("june"));
    }

    @Test
    void rateLimit() {
        // @start region="rate-limit"
        Decorator tenPerSecond = Decorators.rateLimit(10, Duration.ofSeconds(1));
        Function<String, Table> importCsv = Decorate.function("import_csv", Csv::read, tenPerSecond);
        for (int i = 0; i < 10; i++) importCsv.apply(i + ".csv");   // start at once; an 11th would wait
        // @end
        assertEquals("rateLimit(10 per 1.000 s)", tenPerSecond.toString());
    }

    @Test
    void rateLimitRefuse() {
        // @start region="rate-limit-refuse"
        Decorator oncePerHour = Decorators.rateLimit(1, Duration.ofHours(1), Duration.ZERO);   // refuse, never wait
        Supplier<String> send = Decorate.supplier("send_report", () -> "sent", oncePerHour);
        send.get();   // "sent"
        // send.get() now throws RateLimitExceededException, for an hour
        // @end
        assertThrows(RateLimitExceededException.class, send::get);
    }

    @Test
    void rateLimitExceeded() {
        Supplier<String> send = Decorate.supplier("send_report", () -> "sent",
                Decorators.rateLimit(1, Duration.ofHours(1), Duration.ZERO));
        send.get();
        // @start region="rate-limit-exceeded"
        try {
            send.get();
        } catch (RateLimitExceededException e) {
            log.info("not now: {}", e.getMessage());   // "send_report: rate limit of 1 call(s) per 3600.000 s reached: ..."
        }
        // @end
        assertEquals(1, log.lines.size());
        assertTrue(log.lines.get(0).startsWith("not now: send_report: rate limit of 1 call(s) per 3600.000 s reached: "),
                log.lines.toString());
    }

    @Test
    void rateLimitAnnotation() {
        // @start region="rate-limit-annotation"
        interface Mailer {
            @RateLimit(permits = 2, periodMillis = 60_000, maxWaitMillis = 0)
            String send(String to);   // two per minute; a third is refused
        }
        // @end
        Mailer mailer = Decorate.annotated(Mailer.class, to -> "sent to " + to);
        assertEquals("sent to a", mailer.send("a"));
        assertEquals("sent to b", mailer.send("b"));
        assertThrows(RateLimitExceededException.class, () -> mailer.send("c"));
    }

    /** A report that never ends by itself: it waits until it is interrupted. */
    private String endlessReport() throws InterruptedException {
        new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        throw new AssertionError("not interrupted in 30 s");
    }

    @Test
    void timeout() {
        // @start region="timeout"
        Callable<String> report = Decorate.callable("report", this::endlessReport,
                Decorators.timeout(Duration.ofMillis(50)));   // Python: async with asyncio.timeout(0.05)
        try {
            report.call();
        } catch (Exception e) {
            log.info("{}", e);   // java.util.concurrent.TimeoutException: report did not end within 50.000 ms
        }
        // @end
        assertEquals(List.of("java.util.concurrent.TimeoutException: report did not end within 50.000 ms"), log.lines);
        assertThrows(TimeoutException.class, report::call);
    }

    @Test
    void timeoutAnnotation() {
        // @start region="timeout-annotation"
        interface Reports {
            @Timeout(millis = 50)
            String monthly() throws TimeoutException, InterruptedException;   // TimeoutException after 50 ms
        }
        // @end
        Reports reports = Decorate.annotated(Reports.class, this::endlessReport);
        assertThrows(TimeoutException.class, reports::monthly);
    }

    @Test
    void circuitBreaker() {
        AtomicInteger calls = new AtomicInteger();
        // @start region="circuit-breaker"
        CircuitBreaker breaker = Decorators.circuitBreaker(0.5, 10, Duration.ofSeconds(30));
        Supplier<String> quote = Decorate.supplier("quote", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("quote service down");
        }, breaker);
        for (int i = 0; i < 10; i++) {
            try { quote.get(); } catch (IllegalStateException e) { /* 5 failures of the last 10 open it */ }
        }
        breaker.state();   // OPEN: for 30 s, quote.get() throws CircuitOpenException without calling
        // @end
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertThrows(CircuitOpenException.class, quote::get);
        assertEquals(10, calls.get());
    }

    @Test
    void circuitBreakerState() {
        // @start region="circuit-breaker-state"
        CircuitBreaker breaker = Decorators.circuitBreaker(1.0, 1, Duration.ofMinutes(1));
        Runnable ping = Decorate.runnable("ping", () -> { }, breaker);
        ping.run();
        CircuitBreaker.State state = breaker.state();   // CLOSED: the call succeeded
        // @end
        assertEquals(CircuitBreaker.State.CLOSED, state);
    }

    @Test
    void circuitOpen() {
        CircuitBreaker breaker = Decorators.circuitBreaker(1.0, 1, Duration.ofMinutes(1));
        Supplier<String> quote = Decorate.supplier("quote", () -> {
            throw new IllegalStateException("down");
        }, breaker);
        assertThrows(IllegalStateException.class, quote::get);
        // @start region="circuit-open"
        String price;
        try {
            price = quote.get();
        } catch (CircuitOpenException e) {   // "quote: circuit open, 60.000 s before a trial call"
            price = "unknown for now";
        }
        // @end
        assertEquals("unknown for now", price);
    }
}
