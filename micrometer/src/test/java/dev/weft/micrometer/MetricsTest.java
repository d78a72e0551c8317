package dev.weft.micrometer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.TaskScope;
import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorators;
import dev.weft.parallel.Pool;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The three binders against a {@link SimpleMeterRegistry}. */
class MetricsTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();

    static int failOnOdd(int x) {
        if (x % 2 == 1) {
            throw new IllegalArgumentException("odd " + x);
        }
        return x;
    }

    static int nap(int millis) {
        try {
            Thread.sleep(millis); // the workload: long enough to be seen running
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return millis;
    }

    private double tasks(String result) {
        return registry.get("weft.pool.tasks").tag("pool", "p").tag("result", result).functionCounter().count();
    }

    @Test
    void poolMetersFollowThePool() throws InterruptedException {
        try (Pool pool = PoolMetrics.monitor(registry, Pool.threads(1), "p", "team", "imaging")) {
            assertEquals(0.0, tasks("completed"));
            List<Outcome<Integer>> outcomes = pool.mapOutcomes(MetricsTest::failOnOdd, List.of(0, 1, 2, 3, 4), 1);
            assertEquals(5, outcomes.size());
            assertEquals(3.0, tasks("completed"));
            assertEquals(2.0, tasks("failed"));
            assertEquals(0.0, tasks("cancelled"));
            assertEquals(5.0, registry.get("weft.pool.chunk.duration").tag("team", "imaging").functionTimer().count());
            assertTrue(registry.get("weft.pool.chunk.duration").functionTimer().totalTime(TimeUnit.NANOSECONDS) > 0);
            assertEquals(0.0, registry.get("weft.pool.worker.restarts").functionCounter().count());

            Task<Integer> running = pool.applyAsync(MetricsTest::nap, 60_000);
            Task<Integer> waiting = pool.applyAsync(MetricsTest::nap, 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> registry.get("weft.pool.workers").tag("state", "busy").gauge().value() == 1.0);
            assertEquals(0.0, registry.get("weft.pool.workers").tag("state", "idle").gauge().value());
            assertEquals(1.0, registry.get("weft.pool.queued").gauge().value());
            running.cancel(true);
            waiting.cancel(true);
            pool.terminate();
            assertEquals(0.0, registry.get("weft.pool.queued").gauge().value());
        }
    }

    @Test
    void cacheMetersHaveMicrometersNamesAndTags() {
        CacheDecorator cache = Decorators.lruCache(2);
        new CacheMetrics(cache, "c", Tags.of("layer", "web")).bindTo(registry);
        Function<Integer, Integer> id = Decorate.function("id", x -> x, cache);
        for (int x : List.of(1, 2, 1, 3, 4, 1)) {
            id.apply(x);
        }
        assertEquals(1.0, registry.get("cache.gets").tags("cache", "c", "layer", "web", "result", "hit").functionCounter().count());
        assertEquals(5.0, registry.get("cache.gets").tag("result", "miss").functionCounter().count());
        assertEquals(5.0, registry.get("cache.puts").functionCounter().count());
        assertEquals(3.0, registry.get("cache.evictions").functionCounter().count());
        assertEquals(2.0, registry.get("cache.size").gauge().value());
        assertEquals(2.0, registry.get("cache.max.size").gauge().value());
        cache.clear();
        assertEquals(0.0, registry.get("cache.size").gauge().value());
        assertEquals(0.0, registry.get("cache.evictions").functionCounter().count());
    }

    @Test
    void cachePutsCountWhatWasStoredNotTheMisses() {
        CacheDecorator cache = CacheMetrics.monitor(registry, Decorators.lruCache(8), "p");
        Function<Integer, Integer> checked = Decorate.function("checked", x -> {
            if (x < 0) {
                throw new IllegalArgumentException("negative: " + x);
            }
            return x;
        }, cache);
        for (int x : List.of(1, -1, 2, -2, 1, -1)) {
            try {
                checked.apply(x);
            } catch (IllegalArgumentException expected) {
                // a miss that stores nothing
            }
        }
        assertEquals(5.0, registry.get("cache.gets").tags("cache", "p", "result", "miss").functionCounter().count());
        assertEquals(2.0, registry.get("cache.puts").tag("cache", "p").functionCounter().count());
        assertEquals(2.0, registry.get("cache.size").tag("cache", "p").gauge().value());
        cache.clear();
        assertEquals(0.0, registry.get("cache.puts").tag("cache", "p").functionCounter().count());
    }

    @Test
    void aCacheOfMaxSizeZeroHasMissesAndNoPuts() {
        CacheDecorator cache = CacheMetrics.monitor(registry, Decorators.lruCache(0), "z");
        Function<Integer, Integer> id = Decorate.function("id", x -> x, cache);
        id.apply(1);
        id.apply(1);
        assertEquals(2.0, registry.get("cache.gets").tags("cache", "z", "result", "miss").functionCounter().count());
        assertEquals(0.0, registry.get("cache.puts").tag("cache", "z").functionCounter().count());
    }

    @Test
    void anUnboundedCacheHasNoMaxSizeAndNoEvictions() {
        CacheDecorator cache = CacheMetrics.monitor(registry, Decorators.cache(), "u");
        Function<Integer, Integer> id = Decorate.function("id", x -> x, cache);
        for (int x = 0; x < 50; x++) {
            id.apply(x);
        }
        assertEquals(50.0, registry.get("cache.size").gauge().value());
        assertEquals(0.0, registry.get("cache.evictions").functionCounter().count());
        assertTrue(registry.find("cache.max.size").gauge() == null);
    }

    @Test
    void scopeMetersCountOpenScopesAndForks() throws InterruptedException {
        new ScopeMetrics(Tags.of("app", "test")).bindTo(registry);
        CountDownLatch release = new CountDownLatch(1);
        double before = registry.get("weft.forks.started").tag("app", "test").functionCounter().count();
        double openBefore = registry.get("weft.scopes.open").gauge().value();
        try (TaskScope scope = TaskScope.open()) {
            scope.fork(() -> release.await(30, TimeUnit.SECONDS));
            scope.fork(() -> release.await(30, TimeUnit.SECONDS));
            assertTrue(registry.get("weft.scopes.open").gauge().value() >= openBefore + 1);
            release.countDown();
            scope.join();
        }
        assertTrue(registry.get("weft.forks.started").functionCounter().count() >= before + 2);
    }

    @Test
    void badArguments() {
        assertThrows(NullPointerException.class, () -> new PoolMetrics(null, "p", Tags.empty()));
        assertThrows(NullPointerException.class, () -> new CacheMetrics(Decorators.lruCache(), null, Tags.empty()));
        assertThrows(NullPointerException.class, () -> new ScopeMetrics(null));
        try (Pool pool = Pool.threads(1)) {
            assertThrows(NullPointerException.class, () -> PoolMetrics.monitor(null, pool, "p"));
            assertThrows(IllegalArgumentException.class, () -> PoolMetrics.monitor(registry, pool, "p", "odd"));
            assertEquals(List.of(), registry.getMeters(), "nothing registered by a refused call");
        }
    }
}
