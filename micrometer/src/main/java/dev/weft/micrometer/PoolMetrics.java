package dev.weft.micrometer;

import dev.weft.parallel.Pool;
import dev.weft.parallel.PoolStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one weft {@link Pool}, read from its {@link Pool#stats()}; every meter carries
 * the tag {@code pool=<name>}:
 * <ul>
 *   <li>{@code weft.pool.workers} (gauge, tag {@code state=busy|idle}): the workers running a
 *       chunk now, and the others;</li>
 *   <li>{@code weft.pool.queued} (gauge): the chunks submitted that no worker has taken yet, the
 *       pool's queue depth;</li>
 *   <li>{@code weft.pool.tasks} (function counter, tag {@code result=completed|failed|cancelled}):
 *       the inputs by how they ended;</li>
 *   <li>{@code weft.pool.worker.restarts} (function counter): the workers started to replace one
 *       that died or retired;</li>
 *   <li>{@code weft.pool.chunk.duration} (function timer): the chunks reported and their time, from
 *       a worker taking each to its answer (with chunk size 1, the time of each task).</li>
 * </ul>
 *
 * {@snippet class=dev.weft.micrometer.snippets.MicrometerSnippets region=pool-metrics}
 *
 * <p>The {@code java.util.concurrent} neighbour is Micrometer's {@code ExecutorServiceMetrics}
 * ({@code executor.active}, {@code executor.queued}, {@code executor.completed}); Python's
 * {@code multiprocessing.Pool} has no metrics.
 *
 * @since 0.1
 */
public final class PoolMetrics implements MeterBinder {
    private final Pool pool;
    private final Tags tags;

    /**
     * Meters for {@code pool}, to bind to a registry.
     *
     * @param pool the pool, held weakly by the meters
     * @param poolName the value of the {@code pool} tag
     * @param tags more tags for every meter
     * @throws NullPointerException if an argument is null
     */
    public PoolMetrics(Pool pool, String poolName, Iterable<Tag> tags) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.tags = Tags.concat(Objects.requireNonNull(tags, "tags"), "pool", Objects.requireNonNull(poolName, "poolName"));
    }

    /**
     * Binds the meters of {@code pool} to {@code registry}.
     *
     * @param registry where the meters go
     * @param pool the pool
     * @param poolName the value of the {@code pool} tag
     * @param tags more tags, as key-value pairs
     * @return {@code pool}, for chaining
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code tags} has an odd number of elements
     */
    public static Pool monitor(MeterRegistry registry, Pool pool, String poolName, String... tags) {
        new PoolMetrics(pool, poolName, Tags.of(tags)).bindTo(Objects.requireNonNull(registry, "registry"));
        return pool;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("weft.pool.workers", pool, stat(PoolStats::busyWorkers)).tags(tags).tag("state", "busy")
                .description("The workers running a chunk now").register(registry);
        Gauge.builder("weft.pool.workers", pool, stat(PoolStats::idleWorkers)).tags(tags).tag("state", "idle")
                .description("The workers waiting for work").register(registry);
        Gauge.builder("weft.pool.queued", pool, stat(PoolStats::queuedChunks)).tags(tags)
                .description("The chunks submitted that no worker has taken yet").register(registry);
        FunctionCounter.builder("weft.pool.tasks", pool, stat(PoolStats::tasksCompleted)).tags(tags)
                .tag("result", "completed").description("The inputs by how they ended").register(registry);
        FunctionCounter.builder("weft.pool.tasks", pool, stat(PoolStats::tasksFailed)).tags(tags)
                .tag("result", "failed").description("The inputs by how they ended").register(registry);
        FunctionCounter.builder("weft.pool.tasks", pool, stat(PoolStats::tasksCancelled)).tags(tags)
                .tag("result", "cancelled").description("The inputs by how they ended").register(registry);
        FunctionCounter.builder("weft.pool.worker.restarts", pool, stat(PoolStats::workerRestarts)).tags(tags)
                .description("The workers started to replace one that died or retired").register(registry);
        FunctionTimer.builder("weft.pool.chunk.duration", pool, p -> p.stats().chunksCompleted(),
                        p -> p.stats().chunkTime().toNanos(), TimeUnit.NANOSECONDS)
                .tags(tags).description("The chunks reported, and their time from a worker taking them to their answer")
                .register(registry);
    }

    private static ToDoubleFunction<Pool> stat(ToDoubleFunction<PoolStats> field) {
        return p -> field.applyAsDouble(p.stats());
    }
}
