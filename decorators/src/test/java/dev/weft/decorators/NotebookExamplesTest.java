package dev.weft.decorators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The decorator notebook's examples (section "B - Décorateurs") written with this API: each test
 * names the notebook's decorator. The samples module ports the cells themselves.
 */
class NotebookExamplesTest {

    @Test
    void print_before_execution() {
        List<String> out = new ArrayList<>();
        Runnable printHelloWorld = Decorate.runnable("print_hello_world", () -> out.add("hello world"),
                Decorators.printBefore("voici ce que renvoie la fonction {}", out::add));
        printHelloWorld.run();
        assertEquals(List.of("voici ce que renvoie la fonction print_hello_world", "hello world"), out);
    }

    @Test
    void affiche_doc() {
        List<String> out = new ArrayList<>();
        Function<String, List<String>> importerCsv = Decorate.function("importer_csv",
                "Fonction qui permet d'importer un fichier csv dans un DataFrame pandas.",
                path -> List.of("age", "workclass"), Decorators.showDoc(out::add));
        assertEquals(List.of("age", "workclass"), importerCsv.apply("adult.csv"));
        assertEquals(List.of("Fonction qui permet d'importer un fichier csv dans un DataFrame pandas."), out);
    }

    @Test
    void temps_execution() {
        FakeClock clock = new FakeClock();
        List<String> out = new ArrayList<>();
        Function<String, Integer> importerCsv = Decorate.function("importer_csv", path -> {
            clock.advance(Duration.ofMillis(3)); // the notebook measured 0.0029957 s
            return 10;
        }, Decorators.timed((name, d) -> out.add("Cette fonction s'est exécutée en " + d.toNanos() / 1e9 + " s"), clock));
        assertEquals(10, importerCsv.apply("adult.csv"));
        assertEquals(List.of("Cette fonction s'est exécutée en 0.003 s"), out);
    }

    private static Decorator entreeContient(String aContenir) {
        return Decorators.requireArg(0, arg -> String.valueOf(arg).contains(aContenir),
                "la première entrée doit contenir " + aContenir);
    }

    @Test
    void entree_contient() {
        Function<String, String> importerCsv = Decorate.function("importer_csv", path -> "table of " + path,
                entreeContient(".csv"));
        assertEquals("table of adult.csv", importerCsv.apply("adult.csv"));
        // the notebook returned the message; weft throws it
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> importerCsv.apply("D:/data/csv/adult"));
        assertEquals("la première entrée doit contenir .csv", e.getMessage());
    }

    @Test
    void chaining_print_after_then_print_before() {
        List<String> out = new ArrayList<>();
        // @print_after_execution
        // @print_before_execution
        Runnable printHelloWorld = Decorate.runnable("print_hello_world", () -> out.add("hello world"),
                Decorators.printAfter("La fonction a fini de tourner", out::add),
                Decorators.printBefore("voici ce que renvoie la fonction {}", out::add));
        printHelloWorld.run();
        assertEquals(List.of("voici ce que renvoie la fonction print_hello_world", "hello world",
                "La fonction a fini de tourner"), out);
    }

    @Test
    void chaining_print_before_then_print_after() {
        List<String> out = new ArrayList<>();
        // @print_before_execution
        // @print_after_execution   (the same lines: wraps keeps the name, unlike the notebook)
        Runnable printHelloWorld = Decorate.runnable("print_hello_world", () -> out.add("hello world"),
                Decorators.printBefore("voici ce que renvoie la fonction {}", out::add),
                Decorators.printAfter("La fonction a fini de tourner", out::add));
        printHelloWorld.run();
        assertEquals(List.of("voici ce que renvoie la fonction print_hello_world", "hello world",
                "La fonction a fini de tourner"), out);
    }

    @Test
    void chaining_entree_contient_over_temps_execution() {
        List<String> order = new ArrayList<>();
        FakeClock clock = new FakeClock();
        // @entree_contient('.csv')
        // @temps_execution
        Function<String, String> importerCsv = Decorate.function("importer_csv", path -> {
            order.add("import");
            return path;
        }, entreeContient(".csv"), Decorators.timed((name, d) -> order.add("timed " + name), clock));
        importerCsv.apply("adult.csv");
        assertThrows(IllegalArgumentException.class, () -> importerCsv.apply("adult"));
        // the check runs first; a refused call is not timed
        assertEquals(List.of("import", "timed importer_csv"), order);
    }

    @Test
    void wraps() {
        Runnable original = () -> { };
        Runnable printHelloWorld = Decorate.runnable("print_hello_world", "Description de ma fonction blablabla",
                original, Decorators.printBefore(s -> { }));
        Decorated help = (Decorated) printHelloWorld;
        assertEquals("print_hello_world", help.name());
        assertEquals("print_hello_world", printHelloWorld.toString());
        assertEquals(Optional.of("Description de ma fonction blablabla"), help.doc());
        assertEquals(original, help.wrapped());
    }

    @Test
    void factorial_with_lru_cache() {
        CacheDecorator cache = Decorators.lruCache();
        Function<Integer, BigInteger> factorial = CacheConcurrencyTest.factorial(cache);
        // @temps_execution def boucle(n=500): [factorial(k) for k in range(1, n)]
        List<String> out = new ArrayList<>();
        Function<Integer, List<BigInteger>> boucle = Decorate.function("boucle", n -> {
            List<BigInteger> list = new ArrayList<>();
            for (int k = 1; k < n; k++) {
                list.add(factorial.apply(k));
            }
            return list;
        }, Decorators.timed((name, d) -> out.add(name), new FakeClock()));
        List<BigInteger> first = boucle.apply(100);
        assertEquals(99, first.size());
        assertEquals(new BigInteger("362880"), first.get(8));
        assertEquals(new CacheInfo(98, 99, 128, 99), cache.info());
        // "Ré-exécutez la fonction boucle": every factorial is now a hit
        assertEquals(first, boucle.apply(100));
        assertEquals(new CacheInfo(98 + 99, 99, 128, 99), cache.info());
        assertEquals(List.of("boucle", "boucle"), out);
    }

    @Test
    void print_hello_cached() {
        AtomicInteger sleeps = new AtomicInteger();
        CacheDecorator cache = Decorators.lruCache();
        List<Duration> times = new ArrayList<>();
        FakeClock clock = new FakeClock();
        // @temps_execution
        // @lru_cache()
        // def print_hello(a='hello'): time.sleep(5); return a
        Supplier<String> printHello = Decorate.supplier("print_hello", () -> {
            sleeps.incrementAndGet();
            clock.advance(Duration.ofSeconds(5)); // the 5-second sleep, on the fake clock
            return "hello";
        }, Decorators.timed((name, d) -> times.add(d), clock), cache);
        String a = printHello.get();
        String b = printHello.get();
        assertEquals("hello", a);
        assertEquals("hello", b);
        // the second call is instant: a cache hit, the function did not run again
        assertEquals(1, sleeps.get());
        assertEquals(new CacheInfo(1, 1, 128, 1), cache.info());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ZERO), times);
    }

    @Test
    void print_hello_without_cache_runs_twice() {
        AtomicInteger sleeps = new AtomicInteger();
        Supplier<String> printHello = Decorate.supplier("print_hello", () -> {
            sleeps.incrementAndGet();
            return "hello";
        }, Decorators.timed((name, d) -> { }, new FakeClock()));
        printHello.get();
        printHello.get();
        assertEquals(2, sleeps.get());
        assertTrue(printHello instanceof Decorated);
    }
}
