package dev.weft.benchmarks.decorators;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorator;
import dev.weft.decorators.Decorators;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a decorator layer and of a cache hit, against a direct call, a raw Guava
 * {@code LoadingCache} and Caffeine: the targets are a pass-through layer under 10 ns,
 * {@code timed} under 60 ns and an {@code lruCache} hit no slower than Guava's.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar DecoratorBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 *
 * <p>The Python side is {@code benchmarks/python/decorators_bench.py}; results and notes are in
 * {@code benchmarks/README.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class DecoratorBenchmark {

    /** The interface behind the proxy benchmarks. */
    public interface Increment {
        /**
         * Adds one.
         *
         * @param x the number
         * @return {@code x + 1}
         */
        Integer apply(Integer x);
    }

    private static final int ROTATING_KEYS = 8;

    private Integer key;
    private Integer[] keys;
    private int next;

    private Function<Integer, Integer> direct;
    private Function<Integer, Integer> undecorated;
    private Function<Integer, Integer> passThrough;
    private Function<Integer, Integer> timedNoOpSink;
    private Function<Integer, Integer> lruCache;
    private Function<Integer, Integer> unboundedCache;
    private LoadingCache<Integer, Integer> guava;
    private com.github.benmanes.caffeine.cache.LoadingCache<Integer, Integer> caffeine;
    private Increment proxyUndecorated;
    private Increment proxyPassThrough;
    private Increment handWrittenProxy;

    /** Builds every subject and fills the caches. */
    @Setup
    public void setUp() {
        key = 42;
        keys = new Integer[ROTATING_KEYS];
        for (int i = 0; i < ROTATING_KEYS; i++) {
            keys[i] = i * 3;
        }
        direct = x -> x + 1;
        Decorator pass = call -> call.proceed();
        undecorated = Decorate.function("f", direct);
        passThrough = Decorate.function("f", direct, pass);
        timedNoOpSink = Decorate.function("f", direct, Decorators.timed((name, elapsed) -> { }));
        lruCache = Decorate.function("f", direct, Decorators.lruCache(128));
        unboundedCache = Decorate.function("f", direct, Decorators.cache());
        guava = CacheBuilder.newBuilder().maximumSize(128).build(CacheLoader.from(x -> x + 1));
        caffeine = Caffeine.newBuilder().maximumSize(128).build(x -> x + 1);
        Increment target = x -> x + 1;
        proxyUndecorated = Decorate.proxy(Increment.class, target);
        proxyPassThrough = Decorate.proxy(Increment.class, target, pass);
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        handWrittenProxy = (Increment) Proxy.newProxyInstance(Increment.class.getClassLoader(),
                new Class<?>[] {Increment.class}, handler);
        for (Integer k : keys) {
            lruCache.apply(k);
            unboundedCache.apply(k);
            guava.getUnchecked(k);
            caffeine.get(k);
        }
        lruCache.apply(key);
        unboundedCache.apply(key);
        guava.getUnchecked(key);
        caffeine.get(key);
    }

    private Integer nextKey() {
        int i = next + 1;
        next = i == ROTATING_KEYS ? 0 : i;
        return keys[next];
    }

    /** @return a plain lambda call */
    @Benchmark
    public Integer directCall() {
        return direct.apply(key);
    }

    /** @return {@code Decorate.function} with no decorator */
    @Benchmark
    public Integer decorateNoDecorator() {
        return undecorated.apply(key);
    }

    /** @return one decorator that only proceeds */
    @Benchmark
    public Integer decoratePassThrough() {
        return passThrough.apply(key);
    }

    /** @return {@code timed} with a sink that does nothing: two clock reads */
    @Benchmark
    public Integer timedNoOpSink() {
        return timedNoOpSink.apply(key);
    }

    /** @return an {@code lruCache} hit on the most recent entry (no lock) */
    @Benchmark
    public Integer lruCacheHitSameKey() {
        return lruCache.apply(key);
    }

    /** @return an {@code lruCache} hit that moves the entry (the lock is taken) */
    @Benchmark
    public Integer lruCacheHitRotatingKeys() {
        return lruCache.apply(nextKey());
    }

    /** @return an unbounded {@code cache()} hit */
    @Benchmark
    public Integer unboundedCacheHit() {
        return unboundedCache.apply(key);
    }

    /** @return a raw Guava {@code LoadingCache} hit */
    @Benchmark
    public Integer guavaLoadingCacheHit() {
        return guava.getUnchecked(key);
    }

    /** @return a raw Guava {@code LoadingCache} hit, keys rotating */
    @Benchmark
    public Integer guavaLoadingCacheHitRotatingKeys() {
        return guava.getUnchecked(nextKey());
    }

    /** @return a Caffeine {@code LoadingCache} hit */
    @Benchmark
    public Integer caffeineHit() {
        return caffeine.get(key);
    }

    /** @return a Caffeine hit, keys rotating */
    @Benchmark
    public Integer caffeineHitRotatingKeys() {
        return caffeine.get(nextKey());
    }

    /** @return {@code Decorate.proxy} with no decorator */
    @Benchmark
    public Integer proxyNoDecorator() {
        return proxyUndecorated.apply(key);
    }

    /** @return {@code Decorate.proxy} with a pass-through decorator */
    @Benchmark
    public Integer proxyPassThrough() {
        return proxyPassThrough.apply(key);
    }

    /** @return two {@code System.nanoTime()} reads, the floor under {@code timed} */
    @Benchmark
    public long twoNanoTimeReads() {
        long start = System.nanoTime();
        return System.nanoTime() - start;
    }

    /** @return a hand-written pass-through {@code java.lang.reflect.Proxy}, for reference */
    @Benchmark
    public Integer handWrittenProxy() {
        return handWrittenProxy.apply(key);
    }
}
