package dev.weft.decorators;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.UndeclaredThrowableException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the caches do beyond Python: one computation per key under concurrency, deep recursion. */
class CacheConcurrencyTest {

    private static final int STRESS = Integer.getInteger("weft.stress.factor", 1);

    private static List<Thread> startAll(Thread.Builder builder, int n, Runnable body) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.add(builder.name("caller-" + i).start(body));
        }
        return threads;
    }

    @Test
    void sixteenPlatformThreadsOneKeyComputeItOnce() throws InterruptedException {
        sixteenThreadsOneKeyComputeItOnce(Thread.ofPlatform());
    }

    @Test
    void sixteenVirtualThreadsOneKeyComputeItOnce() throws InterruptedException {
        sixteenThreadsOneKeyComputeItOnce(Thread.ofVirtual());
    }

    private static void sixteenThreadsOneKeyComputeItOnce(Thread.Builder builder) throws InterruptedException {
        for (Supplier<CacheDecorator> newCache : List.<Supplier<CacheDecorator>>of(() -> Decorators.lruCache(4), Decorators::cache)) {
            for (int round = 0; round < STRESS; round++) {
                CacheDecorator cache = newCache.get(); // one cache per function, as each @lru_cache line makes its own
                AtomicInteger computations = new AtomicInteger();
                CountDownLatch release = new CountDownLatch(1);
                Function<String, String> slow = Decorate.function("slow" + round, key -> {
                    computations.incrementAndGet();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return key.toUpperCase();
                }, cache);
                CyclicBarrier start = new CyclicBarrier(16);
                List<Object> results = new CopyOnWriteArrayList<>();
                List<Thread> threads = startAll(builder, 16, () -> {
                    try {
                        start.await();
                        results.add(slow.apply("key"));
                    } catch (Exception e) {
                        results.add(e);
                    }
                });
                try {
                    // all 16 are in: one computing, fifteen waiting for it (parked in the cache's
                    // Pending, not still leaving the barrier, which is WAITING too)
                    await().atMost(Duration.ofSeconds(30)).until(() -> computations.get() == 1
                            && threads.stream().filter(TestThreads::waitingForPending).count() == 15);
                } finally {
                    release.countDown();
                }
                TestThreads.joinAll(threads);
                assertEquals(1, computations.get());
                assertEquals(16, results.size());
                assertTrue(results.stream().allMatch("KEY"::equals), results::toString);
                assertEquals(1, cache.info().misses());
                assertEquals(15, cache.info().hits());
            }
        }
    }

    @Test
    void aFailedComputationIsRetriedByAWaiterAndNothingIsCached() throws InterruptedException {
        CacheDecorator cache = Decorators.lruCache(8);
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch failFirst = new CountDownLatch(1);
        Function<Integer, Integer> f = Decorate.function("f", x -> {
            if (computations.incrementAndGet() == 1) {
                firstStarted.countDown();
                try {
                    failFirst.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("first attempt fails");
            }
            return x * 2;
        }, cache);
        AtomicReference<Object> first = new AtomicReference<>();
        AtomicReference<Object> second = new AtomicReference<>();
        Thread a = Thread.ofPlatform().start(() -> {
            try {
                first.set(f.apply(21));
            } catch (RuntimeException e) {
                first.set(e);
            }
        });
        Thread b;
        try {
            assertTrue(firstStarted.await(30, TimeUnit.SECONDS), "the first computation never started");
            b = Thread.ofPlatform().start(() -> second.set(f.apply(21)));
            // b waits for a's computation (a bare WAITING could still be b on its way in)
            await().atMost(Duration.ofSeconds(30)).until(() -> TestThreads.waitingForPending(b));
        } finally {
            failFirst.countDown();
        }
        TestThreads.join(a);
        TestThreads.join(b);
        assertInstanceOf(IllegalStateException.class, first.get());
        assertEquals(42, second.get());
        assertEquals(2, computations.get());
        assertEquals(new CacheInfo(0, 2, 8, 1), cache.info());
    }

    @Test
    void aWaiterInterruptedGetsUndeclaredInterruptedExceptionWithTheFlagSet() throws InterruptedException {
        CacheDecorator cache = Decorators.cache();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<Integer, Integer> f = Decorate.function("f", x -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return x;
        }, cache);
        Thread owner = Thread.ofPlatform().start(() -> f.apply(1));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        try {
            assertTrue(started.await(30, TimeUnit.SECONDS), "the owner's computation never started");
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    f.apply(1);
                } catch (Throwable t) {
                    thrown.set(t);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            // interrupted while it waits for the owner's computation, not on its way in
            await().atMost(Duration.ofSeconds(30)).until(() -> TestThreads.waitingForPending(waiter));
            waiter.interrupt();
            TestThreads.join(waiter);
        } finally {
            release.countDown();
        }
        TestThreads.join(owner);
        UndeclaredThrowableException e = assertInstanceOf(UndeclaredThrowableException.class, thrown.get());
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertEquals(true, flag.get());
        assertEquals(1, f.apply(1)); // the owner's result was stored
        assertEquals(new CacheInfo(1, 1, CacheInfo.UNBOUNDED, 1), cache.info());
    }

    /**
     * Two computations that each need the key the other is computing: a cache that made them
     * wait for each other would deadlock; here the inner calls compute the key themselves.
     */
    @Test
    void crossedComputationsDoNotDeadlock() throws InterruptedException {
        CacheDecorator cache = Decorators.cache();
        CyclicBarrier bothInside = new CyclicBarrier(2);
        java.util.Map<Integer, AtomicInteger> entries = new java.util.concurrent.ConcurrentHashMap<>();
        Function<Integer, Integer> f = Decorate.recursive("f", (self, x) -> {
            boolean first = entries.computeIfAbsent(x, k -> new AtomicInteger()).getAndIncrement() == 0;
            if (first) {
                awaitBoth(bothInside);
                int other = self.apply(x == 10 ? 11 : 10); // the other key, in flight in the other thread
                awaitBoth(bothInside); // neither ends before both inner calls have returned
                return other + 100;
            }
            return x;
        }, cache);
        List<Object> results = new CopyOnWriteArrayList<>();
        Thread a = Thread.ofPlatform().start(() -> results.add(f.apply(10)));
        Thread b = Thread.ofPlatform().start(() -> results.add(f.apply(11)));
        a.join(TestThreads.JOIN);
        b.join(TestThreads.JOIN);
        assertEquals(Thread.State.TERMINATED, a.getState());
        assertEquals(Thread.State.TERMINATED, b.getState());
        assertEquals(List.of(110, 111), results.stream().map(Integer.class::cast).sorted().toList());
        assertEquals(4, cache.info().misses()); // two owners, two duplicates, as Python would count
    }

    private static void awaitBoth(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The notebook's loop: factorial(1..500) memoized, on a platform thread of default stack size. */
    @Test
    void factorialOneTo500WithTheCacheOnADefaultSizePlatformThread() throws InterruptedException {
        CacheDecorator cache = Decorators.lruCache();
        Function<Integer, BigInteger> factorial = factorial(cache);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<BigInteger> values = new ArrayList<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                for (int k = 1; k <= 500; k++) {
                    values.add(factorial.apply(k));
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        TestThreads.join(t);
        assertEquals(null, failure.get());
        assertEquals(500, values.size());
        BigInteger expected = BigInteger.ONE;
        for (int k = 1; k <= 500; k++) {
            expected = expected.multiply(BigInteger.valueOf(k));
            assertEquals(expected, values.get(k - 1));
        }
        // k = 1 misses; every k >= 2 misses once and finds k - 1 in the cache
        assertEquals(new CacheInfo(499, 500, 128, 128), cache.info());
    }

    /** A cold factorial(500): 500 nested calls through the cache, same default-size thread. */
    @Test
    void coldFactorial500RecursesThroughTheCacheWithoutStackOverflow() throws InterruptedException {
        CacheDecorator cache = Decorators.cache();
        Function<Integer, BigInteger> factorial = factorial(cache);
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                result.set(factorial.apply(500));
            } catch (Throwable e) {
                result.set(e);
            }
        });
        TestThreads.join(t);
        BigInteger expected = BigInteger.ONE;
        for (int k = 2; k <= 500; k++) {
            expected = expected.multiply(BigInteger.valueOf(k));
        }
        assertEquals(expected, result.get());
        assertEquals(new CacheInfo(0, 500, CacheInfo.UNBOUNDED, 500), cache.info());
        // the second call is instant: one hit, no new miss
        assertEquals(expected, factorial.apply(500));
        assertEquals(new CacheInfo(1, 500, CacheInfo.UNBOUNDED, 500), cache.info());
    }

    static Function<Integer, BigInteger> factorial(CacheDecorator cache) {
        return Decorate.recursive("factorial",
                (self, n) -> n == 1 ? BigInteger.ONE : BigInteger.valueOf(n).multiply(self.apply(n - 1)), cache);
    }

    @Test
    void concurrentMixedKeysKeepTheBoundAndCountEveryCall() throws InterruptedException {
        CacheDecorator cache = Decorators.lruCache(8);
        Function<Integer, Integer> f = Decorate.function("f", x -> x + 1, cache);
        int calls = 2_000 * STRESS;
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int seed = i;
            threads.add(Thread.ofPlatform().start(() -> {
                java.util.Random random = new java.util.Random(seed);
                for (int c = 0; c < calls; c++) {
                    int x = random.nextInt(16);
                    if (f.apply(x) != x + 1) {
                        failures.add(new AssertionError("wrong value for " + x));
                    }
                }
            }));
        }
        TestThreads.joinAll(threads);
        assertEquals(List.of(), failures);
        CacheInfo info = cache.info();
        assertEquals(4L * calls, info.hits() + info.misses());
        assertEquals(8, info.currSize());
        assertThrows(IllegalArgumentException.class, () -> Decorators.lruCache(-1));
    }
}
