package dev.weft.reliability.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.CacheInfo;
import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorators;
import dev.weft.reliability.Figures;
import dev.weft.reliability.Stress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The scenario Lincheck's model checker flagged on {@code lruCache(2)} (see {@code FINDINGS.md}),
 * run for real: two threads, started together by a barrier, call the cached function for keys
 * {2, 1, 1} and {1, 1, 2} after a {@code clear()}. Whatever the interleaving, two keys fit in a
 * cache of two, so each is computed once: 2 misses, 4 hits, 2 computations, every time.
 */
class LruCacheComputeOnceTest {
    @Test
    void twoKeysInACacheOfTwoAreComputedOnceEach() throws Exception {
        int rounds = Stress.times(2_000);  // 20,000 under -Pstress
        long wrong = 0;
        for (int round = 0; round < rounds; round++) {
            AtomicInteger computed = new AtomicInteger();
            CacheDecorator cache = Decorators.lruCache(2);
            Function<Integer, Integer> f = Decorate.function("times10", x -> {
                computed.incrementAndGet();
                return x * 10;
            }, cache);
            f.apply(1);
            cache.clear();
            CyclicBarrier start = new CyclicBarrier(2);
            Thread other = Thread.ofPlatform().start(() -> calls(start, f, List.of(1, 1, 2)));
            calls(start, f, List.of(2, 1, 1));
            assertTrue(other.join(Duration.ofSeconds(30)), "round " + round + ": the other caller did not end");
            CacheInfo info = cache.info();
            if (!info.equals(new CacheInfo(4, 2, 2, 2)) || computed.get() != 3) {
                wrong++;
            }
        }
        Figures.add(getClass(), Figures.Kind.OPERATIONS_CHECKED, rounds * 8L);
        Figures.add(getClass(), Figures.Kind.ITEMS_LOST, wrong);
        assertEquals(0, wrong, "rounds where a key was computed twice or a count was off");
    }

    private static void calls(CyclicBarrier start, Function<Integer, Integer> f, List<Integer> keys) {
        try {
            start.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        for (int key : keys) {
            assertEquals(key * 10, f.apply(key));
        }
    }
}
