package dev.weft.micrometer.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.core.TaskScope;
import dev.weft.decorators.CacheDecorator;
import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorators;
import dev.weft.micrometer.CacheMetrics;
import dev.weft.micrometer.PoolMetrics;
import dev.weft.micrometer.ScopeMetrics;
import dev.weft.parallel.Pool;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The examples of weft-micrometer's javadoc: each {@code @start region} below is shown by a
 * {@code {@snippet class=dev.weft.micrometer.snippets.MicrometerSnippets region=...}} tag, and the
 * test around it runs the example and checks what the javadoc says of it.
 */
class MicrometerSnippets {

    private static int square(int x) {
        return x * x;
    }

    @Test
    void micrometerPackage() throws InterruptedException {
        // @start region="micrometer-package"
        MeterRegistry registry = new SimpleMeterRegistry();   // or your Prometheus, OTLP... registry
        new ScopeMetrics().bindTo(registry);
        try (Pool pool = PoolMetrics.monitor(registry, Pool.threads(2), "squares")) {
            pool.map(MicrometerSnippets::square, List.of(1, 2, 3));
            registry.get("weft.pool.tasks").tag("result", "completed").functionCounter().count();   // 3.0
        }
        // @end
        assertEquals(3.0, registry.get("weft.pool.tasks").tag("pool", "squares").tag("result", "completed")
                .functionCounter().count());
        assertTrue(registry.get("weft.forks.started").functionCounter().count() >= 0);
    }

    @Test
    void poolMetrics() throws InterruptedException {
        MeterRegistry registry = new SimpleMeterRegistry();
        // @start region="pool-metrics"
        Pool pool = Pool.threads(4);
        new PoolMetrics(pool, "images", List.of()).bindTo(registry);
        pool.map(MicrometerSnippets::square, List.of(1, 2, 3, 4), 1);
        registry.get("weft.pool.chunk.duration").tag("pool", "images").functionTimer().count();   // 4.0
        registry.get("weft.pool.workers").tag("state", "idle").gauge().value();               // 4.0
        pool.close();
        // @end
        assertEquals(4.0, registry.get("weft.pool.chunk.duration").functionTimer().count());
        assertEquals(4.0, registry.get("weft.pool.workers").tag("state", "idle").gauge().value());
    }

    @Test
    void cacheMetrics() {
        MeterRegistry registry = new SimpleMeterRegistry();
        // @start region="cache-metrics"
        CacheDecorator cache = CacheMetrics.monitor(registry, Decorators.lruCache(2), "squares");
        Function<Integer, Integer> squares = Decorate.function("square", MicrometerSnippets::square, cache);
        for (int x : List.of(1, 2, 1, 3)) squares.apply(x);   // 3 evicts 2
        registry.get("cache.gets").tag("cache", "squares").tag("result", "hit").functionCounter().count();   // 1.0
        registry.get("cache.evictions").tag("cache", "squares").functionCounter().count();                 // 1.0
        // @end
        assertEquals(1.0, registry.get("cache.gets").tag("result", "hit").functionCounter().count());
        assertEquals(3.0, registry.get("cache.gets").tag("result", "miss").functionCounter().count());
        assertEquals(1.0, registry.get("cache.evictions").functionCounter().count());
        assertEquals(2.0, registry.get("cache.size").gauge().value());
    }

    @Test
    void scopeMetrics() throws InterruptedException {
        MeterRegistry registry = new SimpleMeterRegistry();
        // @start region="scope-metrics"
        new ScopeMetrics().bindTo(registry);
        double before = registry.get("weft.forks.started").functionCounter().count();
        try (var scope = TaskScope.open()) {
            registry.get("weft.scopes.open").gauge().value();   // at least 1: this one
            scope.fork(() -> 1);
            scope.join();
        }
        registry.get("weft.forks.started").functionCounter().count();   // before + 1, at least
        // @end
        assertTrue(registry.get("weft.forks.started").functionCounter().count() >= before + 1);
    }
}
