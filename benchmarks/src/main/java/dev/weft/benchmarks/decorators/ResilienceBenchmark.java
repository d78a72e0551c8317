package dev.weft.benchmarks.decorators;

import dev.weft.decorators.Decorate;
import dev.weft.decorators.Decorators;
import dev.weft.decorators.RetryPolicy;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of each resilience decorator on a call that succeeds the first time, next to
 * Resilience4j's equivalent: retry, bulkhead, rate limit (limits that are never reached),
 * timeout (a deadline that never passes) and circuit breaker (closed, count-based window of 100).
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ResilienceBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 *
 * <p>Resilience4j's {@code TimeLimiter} times a {@code Future}: it is measured on a future that
 * is already complete (its lower bound) and on a task handed to a virtual-thread executor (what
 * timing a blocking call with it takes); weft's {@code timeout} runs the call in the calling
 * thread under a deadline instead. Results are in {@code benchmarks/README.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class ResilienceBenchmark {

    private static final Duration NEVER = Duration.ofMinutes(10);

    private Integer x;
    private Function<Integer, Integer> direct;
    private Function<Integer, Integer> weftRetry;
    private Function<Integer, Integer> r4jRetry;
    private Function<Integer, Integer> weftBulkhead;
    private Function<Integer, Integer> r4jBulkhead;
    private Function<Integer, Integer> weftRateLimit;
    private Function<Integer, Integer> r4jRateLimit;
    private Callable<Integer> weftTimeout;
    private Function<Integer, Integer> weftCircuitBreaker;
    private Function<Integer, Integer> r4jCircuitBreaker;
    private TimeLimiter timeLimiter;
    private ExecutorService virtualThreads;

    /** Builds every subject. */
    @Setup
    public void setUp() {
        x = 41;
        direct = i -> i + 1;
        weftRetry = Decorate.function("f", direct, Decorators.retry(RetryPolicy.builder().build()));
        r4jRetry = Retry.decorateFunction(Retry.of("f", RetryConfig.ofDefaults()), direct);
        weftBulkhead = Decorate.function("f", direct, Decorators.bulkhead(1_000));
        r4jBulkhead = Bulkhead.decorateFunction(
                Bulkhead.of("f", BulkheadConfig.custom().maxConcurrentCalls(1_000).build()), direct);
        // limits far above what one thread can start: the calls never wait
        weftRateLimit = Decorate.function("f", direct, Decorators.rateLimit(1_000, Duration.ofNanos(1_000)));
        r4jRateLimit = RateLimiter.decorateFunction(RateLimiter.of("f", RateLimiterConfig.custom()
                .limitForPeriod(1_000).limitRefreshPeriod(Duration.ofNanos(1_000)).timeoutDuration(Duration.ZERO).build()),
                direct);
        weftTimeout = Decorate.callable("f", () -> direct.apply(x), Decorators.timeout(NEVER));
        timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(NEVER).build());
        virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
        weftCircuitBreaker = Decorate.function("f", direct, Decorators.circuitBreaker(0.5, 100, NEVER));
        r4jCircuitBreaker = CircuitBreaker.decorateFunction(CircuitBreaker.of("f", CircuitBreakerConfig.custom()
                .failureRateThreshold(50).slidingWindowSize(100).waitDurationInOpenState(NEVER).build()), direct);
    }

    /** Stops the executor of the time limiter benchmark. */
    @TearDown
    public void tearDown() {
        virtualThreads.close();
    }

    /** @return the undecorated call */
    @Benchmark
    public Integer direct() {
        return direct.apply(x);
    }

    /** @return the call under {@code retry} (3 attempts, no wait) */
    @Benchmark
    public Integer weftRetry() {
        return weftRetry.apply(x);
    }

    /** @return the call under Resilience4j's default {@code Retry} */
    @Benchmark
    public Integer resilience4jRetry() {
        return r4jRetry.apply(x);
    }

    /** @return the call under {@code bulkhead(1000)} */
    @Benchmark
    public Integer weftBulkhead() {
        return weftBulkhead.apply(x);
    }

    /** @return the call under Resilience4j's semaphore {@code Bulkhead} of 1000 */
    @Benchmark
    public Integer resilience4jBulkhead() {
        return r4jBulkhead.apply(x);
    }

    /** @return the call under {@code rateLimit(1000, 1 µs)} */
    @Benchmark
    public Integer weftRateLimit() {
        return weftRateLimit.apply(x);
    }

    /** @return the call under Resilience4j's {@code RateLimiter} of 1000 per 1 µs */
    @Benchmark
    public Integer resilience4jRateLimit() {
        return r4jRateLimit.apply(x);
    }

    /**
     * @return the call under {@code timeout(10 min)}
     * @throws Exception never
     */
    @Benchmark
    public Integer weftTimeout() throws Exception {
        return weftTimeout.call();
    }

    /**
     * @return a completed future's value under Resilience4j's {@code TimeLimiter}
     * @throws Exception never
     */
    @Benchmark
    public Integer resilience4jTimeLimiterCompletedFuture() throws Exception {
        return timeLimiter.executeFutureSupplier(() -> CompletableFuture.completedFuture(direct.apply(x)));
    }

    /**
     * @return the call, run on a virtual thread, under Resilience4j's {@code TimeLimiter}
     * @throws Exception never
     */
    @Benchmark
    public Integer resilience4jTimeLimiterVirtualThread() throws Exception {
        return timeLimiter.executeFutureSupplier(() -> virtualThreads.submit(() -> direct.apply(x)));
    }

    /** @return the call under {@code circuitBreaker(0.5, 100, 10 min)}, closed */
    @Benchmark
    public Integer weftCircuitBreaker() {
        return weftCircuitBreaker.apply(x);
    }

    /** @return the call under Resilience4j's {@code CircuitBreaker} (50 % of a count window of 100), closed */
    @Benchmark
    public Integer resilience4jCircuitBreaker() {
        return r4jCircuitBreaker.apply(x);
    }
}
