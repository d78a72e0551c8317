package dev.weft.decorators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Ports of CPython's {@code Lib/test/test_functools.py}, classes {@code TestLRU} and
 * {@code TestCache}: each test is named after the Python test it ports. Tests about keyword
 * arguments, pickling, copying and weak references have no Java counterpart and are not ported;
 * {@code test_lru_cache_threaded2}, which expects every simultaneous caller to compute, is
 * replaced by {@link CacheConcurrencyTest} because weft computes a key once.
 */
class FunctoolsLruCacheTest {

    private static int orig(int x, int y) {
        return 3 * x + y;
    }

    /** TestCache.test_cache: the unbounded cache counts fib(0..15) as Python does. */
    @Test
    void test_cache() {
        CacheDecorator cache = Decorators.cache();
        Function<Integer, Integer> fib = fib(cache);
        List<Integer> values = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            values.add(fib.apply(n));
        }
        assertEquals(List.of(0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610), values);
        assertEquals(new CacheInfo(28, 16, CacheInfo.UNBOUNDED, 16), cache.info());
        cache.clear();
        assertEquals(new CacheInfo(0, 0, CacheInfo.UNBOUNDED, 0), cache.info());
    }

    private static Function<Integer, Integer> fib(CacheDecorator cache) {
        return Decorate.recursive("fib", (self, n) -> n < 2 ? n : self.apply(n - 1) + self.apply(n - 2), cache);
    }

    @Test
    void test_lru() {
        CacheDecorator cache = Decorators.lruCache(20);
        BiFunction<Integer, Integer, Integer> original = FunctoolsLruCacheTest::orig;
        BiFunction<Integer, Integer, Integer> f = Decorate.biFunction("orig", original, cache);
        CacheInfo info = cache.info();
        assertEquals(new CacheInfo(0, 0, 20, 0), info);

        Random random = new Random(42);
        int x = 0;
        int y = 0;
        for (int i = 0; i < 1000; i++) {
            x = random.nextInt(5);
            y = random.nextInt(5);
            assertEquals(orig(x, y), f.apply(x, y));
        }
        info = cache.info();
        assertTrue(info.hits() > info.misses());
        assertEquals(1000, info.hits() + info.misses());
        assertEquals(20, info.currSize());

        cache.clear(); // test clearing
        assertEquals(new CacheInfo(0, 0, 20, 0), cache.info());
        f.apply(x, y);
        assertEquals(new CacheInfo(0, 1, 20, 1), cache.info());

        // Test bypassing the cache
        assertSame(original, ((Decorated) f).wrapped());
        @SuppressWarnings("unchecked")
        BiFunction<Integer, Integer, Integer> wrapped = (BiFunction<Integer, Integer, Integer>) ((Decorated) f).wrapped();
        wrapped.apply(x, y);
        assertEquals(new CacheInfo(0, 1, 20, 1), cache.info());

        // test size zero (which means "never-cache")
        AtomicInteger fCnt = new AtomicInteger();
        CacheDecorator zero = Decorators.lruCache(0);
        Supplier<Integer> f0 = Decorate.supplier("f", () -> {
            fCnt.incrementAndGet();
            return 20;
        }, zero);
        assertEquals(0, zero.info().maxSize());
        for (int i = 0; i < 5; i++) {
            assertEquals(20, f0.get());
        }
        assertEquals(5, fCnt.get());
        assertEquals(new CacheInfo(0, 5, 0, 0), zero.info());

        // test size one
        fCnt.set(0);
        CacheDecorator one = Decorators.lruCache(1);
        Supplier<Integer> f1 = Decorate.supplier("f", () -> {
            fCnt.incrementAndGet();
            return 20;
        }, one);
        assertEquals(1, one.info().maxSize());
        for (int i = 0; i < 5; i++) {
            assertEquals(20, f1.get());
        }
        assertEquals(1, fCnt.get());
        assertEquals(new CacheInfo(4, 1, 1, 1), one.info());

        // test size two
        fCnt.set(0);
        CacheDecorator two = Decorators.lruCache(2);
        Function<Integer, Integer> f2 = Decorate.function("f", v -> {
            fCnt.incrementAndGet();
            return v * 10;
        }, two);
        assertEquals(2, two.info().maxSize());
        for (int v : new int[] {7, 9, 7, 9, 7, 9, 8, 8, 8, 9, 9, 9, 8, 8, 8, 7}) {
            //                  *  *              *                          *
            assertEquals(v * 10, f2.apply(v));
        }
        assertEquals(4, fCnt.get());
        assertEquals(new CacheInfo(12, 4, 2, 2), two.info());
    }

    @Test
    void test_lru_no_args() {
        CacheDecorator cache = Decorators.lruCache();
        Function<Integer, Integer> square = Decorate.function("square", x -> x * x, cache);
        assertEquals(List.of(100, 400, 100), List.of(10, 20, 10).stream().map(square).toList());
        assertEquals(new CacheInfo(1, 2, 128, 2), cache.info());
    }

    /** The function calls itself for the key being computed; the cache must stay consistent and full. */
    @Test
    void test_lru_bug_35780() {
        boolean[] once = {true};
        CacheDecorator cache = Decorators.lruCache(10);
        Function<Integer, String> f = Decorate.recursive("f", (self, x) -> {
            String rv = "." + x + ".";
            if (x == 20 && once[0]) {
                once[0] = false;
                rv = self.apply(x);
            }
            return rv;
        }, cache);
        // Fill the cache
        for (int x = 0; x < 15; x++) {
            assertEquals("." + x + ".", f.apply(x));
        }
        assertEquals(10, cache.info().currSize());
        // Make a recursive call and make sure the cache remains full
        assertEquals(".20.", f.apply(20));
        assertEquals(10, cache.info().currSize());
        // both the outer and the inner call of f(20) missed, as in Python; the entry is reachable
        assertEquals(new CacheInfo(0, 17, 10, 10), cache.info());
        assertEquals(".20.", f.apply(20));
        assertEquals(1, cache.info().hits());
    }

    /** A key whose hash counts its calls: one per use as an argument, as in Python. */
    private static final class MockInt {
        final AtomicInteger hashCalls = new AtomicInteger();

        @Override
        public int hashCode() {
            hashCalls.incrementAndGet();
            return 999;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }
    }

    @Test
    void test_lru_hash_only_once() {
        CacheDecorator cache = Decorators.lruCache(1);
        BiFunction<Object, Integer, Integer> f = Decorate.biFunction("f",
                (x, y) -> (x instanceof Integer i ? i : 5) * 3 + y, cache);
        MockInt mockInt = new MockInt();

        // Add to cache: One use as an argument gives one call
        assertEquals(16, f.apply(mockInt, 1));
        assertEquals(1, mockInt.hashCalls.get());
        assertEquals(new CacheInfo(0, 1, 1, 1), cache.info());

        // Cache hit: One use as an argument gives one additional call
        assertEquals(16, f.apply(mockInt, 1));
        assertEquals(2, mockInt.hashCalls.get());
        assertEquals(new CacheInfo(1, 1, 1, 1), cache.info());

        // Cache eviction: No use as an argument gives no additional call
        assertEquals(20, f.apply(6, 2));
        assertEquals(2, mockInt.hashCalls.get());
        assertEquals(new CacheInfo(1, 2, 1, 1), cache.info());

        // Cache miss: One use as an argument gives one additional call
        assertEquals(16, f.apply(mockInt, 1));
        assertEquals(3, mockInt.hashCalls.get());
        assertEquals(new CacheInfo(1, 3, 1, 1), cache.info());
    }

    /** The same guarantee for a lone argument (Python wraps it too unless it is an int or a str). */
    @Test
    void test_lru_hash_only_once_single_argument() {
        for (CacheDecorator cache : List.of(Decorators.lruCache(1), Decorators.cache())) {
            Function<Object, String> f = Decorate.function("f", x -> "v", cache);
            MockInt mockInt = new MockInt();
            f.apply(mockInt); // miss
            assertEquals(1, mockInt.hashCalls.get());
            f.apply(mockInt); // hit
            assertEquals(2, mockInt.hashCalls.get());
            f.apply("other"); // evicts it from the bounded cache
            f.apply(mockInt);
            assertEquals(3, mockInt.hashCalls.get());
        }
    }

    @Test
    void test_lru_with_maxsize_none() {
        CacheDecorator cache = Decorators.cache();
        Function<Integer, Integer> fib = fib(cache);
        for (int n = 0; n < 16; n++) {
            fib.apply(n);
        }
        assertEquals(610, fib.apply(15));
        assertEquals(new CacheInfo(29, 16, CacheInfo.UNBOUNDED, 16), cache.info());
        cache.clear();
        assertEquals(new CacheInfo(0, 0, CacheInfo.UNBOUNDED, 0), cache.info());
    }

    /** Python treats a negative maxsize as 0; weft refuses it, and maxSize 0 behaves as Python's. */
    @Test
    void test_lru_with_maxsize_negative() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Decorators.lruCache(-10));
        assertTrue(e.getMessage().contains("-10"), e.getMessage());
        CacheDecorator cache = Decorators.lruCache(0);
        Function<Integer, Integer> eq = Decorate.function("eq", n -> n, cache);
        for (int i = 0; i < 2; i++) {
            for (int n = 0; n < 150; n++) {
                assertEquals(n, eq.apply(n));
            }
        }
        assertEquals(new CacheInfo(0, 300, 0, 0), cache.info());
    }

    @Test
    void test_lru_with_exceptions() {
        for (CacheDecorator cache : List.of(Decorators.cache(), Decorators.lruCache(128))) {
            Function<Integer, Character> func = Decorate.function("func", i -> "abc".charAt(i), cache);
            assertEquals('a', func.apply(0));
            StringIndexOutOfBoundsException e =
                    assertThrows(StringIndexOutOfBoundsException.class, () -> func.apply(15));
            assertEquals(null, e.getCause()); // passed through as itself, not wrapped
            // Verify that the previous exception did not result in a cached entry
            assertThrows(StringIndexOutOfBoundsException.class, () -> func.apply(15));
            assertEquals(3, cache.info().misses());
            assertEquals(1, cache.info().currSize());
        }
    }

    @Test
    void test_lru_with_types() {
        for (CacheDecorator cache : List.of(Decorators.cache(true), Decorators.lruCache(128, true))) {
            Function<Number, Number> square = Decorate.function("square",
                    x -> x instanceof Integer i ? (Number) (i * i) : (Number) (x.doubleValue() * x.doubleValue()), cache);
            assertEquals(9, square.apply(3));
            assertEquals(Integer.class, square.apply(3).getClass());
            assertEquals(9.0, square.apply(3.0));
            assertEquals(Double.class, square.apply(3.0).getClass());
            assertEquals(new CacheInfo(2, 2, cache.info().maxSize(), 2), cache.info());
            assertTrue(cache.typed());
        }
    }

    /** The untyped counterpart: 3 and 3.0 (and 3L) share one entry, as they do in Python. */
    @Test
    void test_lru_with_types_untyped_shares_equal_numbers() {
        CacheDecorator cache = Decorators.lruCache(128);
        Function<Number, Number> square = Decorate.function("square",
                x -> x instanceof Integer i ? (Number) (i * i) : (Number) (x.doubleValue() * x.doubleValue()), cache);
        assertEquals(9, square.apply(3));
        assertEquals(9, square.apply(3.0)); // Python: square(3.0) == 9, the int cached first
        assertEquals(9, square.apply(3L));
        assertEquals(9, square.apply(java.math.BigInteger.valueOf(3)));
        assertEquals(6.25, square.apply(2.5)); // not an integer: its own entry
        assertEquals(new CacheInfo(3, 2, 128, 2), cache.info());
        assertFalse(cache.typed());
    }

    @Test
    void test_lru_cache_typed_is_not_recursive() {
        CacheDecorator cache = Decorators.lruCache(128, true);
        Function<Object, String> cached = Decorate.function("repr", String::valueOf, cache);
        assertEquals("1", cached.apply(1));
        assertEquals("true", cached.apply(true));
        assertEquals("1.0", cached.apply(1.0));
        assertEquals("0", cached.apply(0));
        assertEquals("false", cached.apply(false));
        assertEquals("0.0", cached.apply(0.0));
        // typed applies to the arguments, not to what is inside them
        assertEquals("[1]", cached.apply(List.of(1)));
        assertEquals("[1]", cached.apply(new ArrayList<>(List.of(1))));
        assertEquals(new CacheInfo(0, 8, 128, 8), cache.info());
    }

    @Test
    void test_lru_with_keyword_args() {
        CacheDecorator cache = Decorators.lruCache();
        Function<Integer, Integer> fib = fib(cache);
        List<Integer> values = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            values.add(fib.apply(n));
        }
        assertEquals(List.of(0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610), values);
        assertEquals(new CacheInfo(28, 16, 128, 16), cache.info());
        cache.clear();
        assertEquals(new CacheInfo(0, 0, 128, 0), cache.info());
    }

    @Test
    void test_lru_cache_decoration() {
        Function<Object, Integer> f = zomg -> 42;
        Function<Object, Integer> g = Decorate.function("f", "f doc string", f, Decorators.lruCache());
        Decorated d = (Decorated) g;
        assertEquals("f", d.name());
        assertEquals("f", g.toString());
        assertEquals("f doc string", d.doc().orElseThrow());
        assertSame(f, d.wrapped());
    }

    @Test
    void test_lru_cache_threaded() throws InterruptedException {
        int n = 5;
        int m = 11;
        CacheDecorator cache = Decorators.lruCache(n * m);
        BiFunction<Integer, Integer, Integer> f = Decorate.biFunction("orig", FunctoolsLruCacheTest::orig, cache);
        assertEquals(0, cache.info().currSize());

        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int key = k;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < m; i++) {
                        assertEquals(orig(key, 0), f.apply(key, 0));
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            TestThreads.join(t);
        }
        assertEquals(List.of(), failures);
        CacheInfo info = cache.info();
        assertEquals(n, info.misses());
        assertEquals(m * n - info.misses(), info.hits());
        assertEquals(n, info.currSize());

        // n threads fill the cache while one clears it: nothing breaks, every result is right
        CountDownLatch start2 = new CountDownLatch(1);
        threads.clear();
        threads.add(Thread.ofPlatform().start(() -> {
            try {
                start2.await();
                for (int i = 0; i < 2 * m; i++) {
                    cache.clear();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }));
        for (int k = 0; k < n; k++) {
            int key = k;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start2.await();
                    for (int i = 0; i < m; i++) {
                        assertEquals(orig(key, 0), f.apply(key, 0));
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        start2.countDown();
        for (Thread t : threads) {
            TestThreads.join(t);
        }
        assertEquals(List.of(), failures);
        assertTrue(cache.info().currSize() <= n);
    }

    @Test
    void test_lru_cache_threaded3() throws InterruptedException {
        CacheDecorator cache = Decorators.lruCache(2);
        Function<Integer, Integer> f = Decorate.function("f", x -> {
            try {
                Thread.sleep(10); // the workload
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 3 * x;
        }, cache);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int x : new int[] {1, 2, 2, 3, 2}) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    assertEquals(3 * x, f.apply(x));
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        for (Thread t : threads) {
            TestThreads.join(t);
        }
        assertEquals(List.of(), failures);
        assertEquals(5, cache.info().hits() + cache.info().misses());
        assertTrue(cache.info().currSize() <= 2);
    }

    /** A key whose equals calls the same cache: the cache's lock must be reentrant. */
    private static final class DoubleEq {
        static Function<DoubleEq, DoubleEq> testFunc;
        final int x;

        DoubleEq(int x) {
            this.x = x;
        }

        @Override
        public int hashCode() {
            return x;
        }

        @Override
        public boolean equals(Object other) {
            if (x == 2) {
                testFunc.apply(new DoubleEq(1));
            }
            return other instanceof DoubleEq d && d.x == x;
        }
    }

    @Test
    void test_need_for_rlock() {
        CacheDecorator cache = Decorators.lruCache(10);
        DoubleEq.testFunc = Decorate.function("test_func", x -> x, cache);
        DoubleEq.testFunc.apply(new DoubleEq(1)); // Load the cache
        DoubleEq.testFunc.apply(new DoubleEq(2)); // Load the cache
        assertEquals(new DoubleEq(2), DoubleEq.testFunc.apply(new DoubleEq(2))); // a re-entrant equals
        assertEquals(2, cache.info().currSize());
    }

    /** Instances equal by value, like Python's {@code class X(int)}. */
    private record X(int value) {
    }

    @Test
    void test_lru_method() {
        CacheDecorator cache = Decorators.lruCache(2);
        java.util.Map<X, Integer> fCnt = new java.util.IdentityHashMap<>();
        BiFunction<X, Integer, Integer> f = Decorate.biFunction("f", (self, x) -> {
            fCnt.merge(self, 1, Integer::sum);
            return x * 10 + self.value();
        }, cache);
        X a = new X(5);
        X b = new X(5);
        X c = new X(7);
        assertEquals(new CacheInfo(0, 0, 2, 0), cache.info());

        for (int x : new int[] {1, 2, 2, 3, 1, 1, 1, 2, 3, 3}) {
            assertEquals(x * 10 + 5, f.apply(a, x));
        }
        assertEquals(List.of(6, 0, 0), counts(fCnt, a, b, c));
        assertEquals(new CacheInfo(4, 6, 2, 2), cache.info());

        for (int x : new int[] {1, 2, 1, 1, 1, 1, 3, 2, 2, 2}) {
            assertEquals(x * 10 + 5, f.apply(b, x));
        }
        assertEquals(List.of(6, 4, 0), counts(fCnt, a, b, c));
        assertEquals(new CacheInfo(10, 10, 2, 2), cache.info());

        for (int x : new int[] {2, 1, 1, 1, 1, 2, 1, 3, 2, 1}) {
            assertEquals(x * 10 + 7, f.apply(c, x));
        }
        assertEquals(List.of(6, 4, 5), counts(fCnt, a, b, c));
        assertEquals(new CacheInfo(15, 15, 2, 2), cache.info());
    }

    private static List<Integer> counts(java.util.Map<X, Integer> fCnt, X... xs) {
        List<Integer> counts = new ArrayList<>();
        for (X x : xs) {
            counts.add(fCnt.getOrDefault(x, 0));
        }
        return counts;
    }

    @Test
    void test_lru_cache_parameters() {
        CacheDecorator two = Decorators.lruCache(2);
        assertEquals(2, two.info().maxSize());
        assertFalse(two.typed());
        CacheDecorator thousand = Decorators.lruCache(1000, true);
        assertEquals(1000, thousand.info().maxSize());
        assertTrue(thousand.typed());
    }

    /** Deep recursion through the cache: fib(400) cold, on a thread with the default stack size. */
    @Test
    void test_lru_recursion() throws InterruptedException {
        CacheDecorator cache = Decorators.lruCache();
        Function<Integer, java.math.BigInteger> fib = Decorate.recursive("fib", (self, n) -> n <= 1
                ? java.math.BigInteger.valueOf(n) : self.apply(n - 1).add(self.apply(n - 2)), cache);
        Throwable[] failure = new Throwable[1];
        java.math.BigInteger[] result = new java.math.BigInteger[1];
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                result[0] = fib.apply(400);
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        TestThreads.join(t);
        assertEquals(null, failure[0]);
        assertEquals(new java.math.BigInteger("176023680645013966468226945392411250770384383304492191886725992896575345044216019675"),
                result[0]);
        assertEquals(new CacheInfo(398, 401, 128, 128), cache.info());
    }
}
