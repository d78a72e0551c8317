package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProgressListener;
import dev.weft.parallel.SerializableFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls of {@link Pool} ({@code map}, {@code mapOutcomes}, {@code mapAsync}, {@code imap},
 * {@code apply}...), written once over its primitive {@link Pool#job}, for every backend: the
 * argument checks, the default chunk size, and the jobs that collect the outcomes.
 *
 * <pre>{@code
 * default <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs) ... {
 *     return PoolCalls.map(this, fn, inputs, PoolCalls.AUTO_CHUNK_SIZE, null);
 * }
 * }</pre>
 */
public final class PoolCalls {
    /** The chunk size that stands for Python's default, {@link Pool#defaultChunkSize}. */
    public static final int AUTO_CHUNK_SIZE = 0;
    private static final AtomicLong APPLY_COUNTER = new AtomicLong();

    private PoolCalls() {
    }

    /** An eager job, started: its outcomes, the job of the pool that runs it, and when all its chunks have reported. */
    private record Started(EagerJob outcomes, Pool.Job<Object, Object> job, CompletableFuture<Void> allReported) {

        /** Ties the job to the calling thread's scope, if it runs in one ({@link ScopeTie}). */
        void tieToScope(String what) {
            ScopeTie tie = ScopeTie.ofCurrentScope();
            if (tie != null && job instanceof StoppableJob<?, ?> stoppable) {
                tie.hold(ScopeTie.name(what), () -> awaitDone(allReported), stoppable::stop);
            }
        }
    }

    private static void awaitDone(CompletableFuture<Void> future) throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a job's completion never fails", e);
        }
    }

    /**
     * {@return {@code chunkSize}, checked}
     *
     * @param chunkSize a chunk size given by the caller
     * @throws IllegalArgumentException if it is less than 1
     */
    public static int checkChunkSize(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1: " + chunkSize);
        }
        return chunkSize;
    }

    /** {@code Pool.map}: the values in input order, or the first failure thrown. */
    public static <R> List<R> map(Pool pool, SerializableFunction<?, ?> fn, Iterable<?> inputs, int chunkSize,
            ProgressListener progress) throws InterruptedException {
        Started started = start(pool, fn, inputs, chunkSize, progress, true);
        await(started);
        return started.outcomes().valuesOrThrow();
    }

    /** {@code Pool.mapOutcomes}: every input's outcome, in input order. */
    public static <R> List<Outcome<R>> mapOutcomes(Pool pool, SerializableFunction<?, ?> fn, Iterable<?> inputs,
            int chunkSize) throws InterruptedException {
        Started started = start(pool, fn, inputs, chunkSize, null, false);
        await(started);
        return started.outcomes().outcomes();
    }

    /** {@code Pool.mapAsync}: a future of {@code map}'s values; cancelling it drops what has not started. */
    public static <R> CompletableFuture<List<R>> mapAsync(Pool pool, SerializableFunction<?, ?> fn,
            Iterable<?> inputs, int chunkSize) {
        Started started = start(pool, fn, inputs, chunkSize, null, true);
        started.tieToScope("map");
        EagerJob job = started.outcomes();
        CompletableFuture<List<R>> future = abandoning(job);
        job.finished().whenComplete((ignored, error) -> {
            try {
                future.complete(job.valuesOrThrow());
            } catch (ParallelExecutionException e) {
                future.completeExceptionally(e);
            } catch (CancellationException e) {
                future.cancel(false);
            }
        });
        return future;
    }

    /** {@code Pool.apply}: one input, waited for. */
    public static <R> R apply(Pool pool, SerializableFunction<?, ?> fn, Object arg) throws InterruptedException {
        List<R> one = map(pool, fn, Collections.singletonList(arg), 1, null);
        return one.get(0);
    }

    /** {@code Pool.applyAsync}: one input, as a task that fails with what the worker threw. */
    public static <R> Task<R> applyAsync(Pool pool, SerializableFunction<?, ?> fn, Object arg) {
        Started started = start(pool, fn, Collections.singletonList(arg), 1, null, true);
        started.tieToScope("apply");
        EagerJob job = started.outcomes();
        CompletableFuture<R> future = abandoning(job);
        job.finished().whenComplete((ignored, error) -> {
            Throwable failure = job.rawFailure();
            if (failure != null) {
                future.completeExceptionally(failure);
                return;
            }
            try {
                List<R> values = job.valuesOrThrow();
                future.complete(values.get(0));
            } catch (CancellationException e) {
                future.cancel(false);
            }
        });
        return Task.of("apply-" + APPLY_COUNTER.incrementAndGet(), future);
    }

    /** {@code Pool.imap} and {@code imapUnordered}: a lazy iterator, at most {@code 2 × workers} chunks ahead. */
    public static <R> Iterator<R> lazy(Pool pool, SerializableFunction<?, ?> fn, Iterable<?> inputs, int chunkSize,
            boolean ordered) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");
        Pool.Job<Object, Object> job = open(pool, fn);
        Iterator<?> input;
        try {
            input = Objects.requireNonNull(inputs.iterator(), "inputs.iterator()");
        } catch (RuntimeException | Error e) {
            job.release();
            throw e;
        }
        return new LazyResults<>(input, chunkSize, 2 * Math.max(1, pool.workers()), ordered, job,
                ScopeTie.ofCurrentScope());
    }

    @SuppressWarnings("unchecked") // a job only ever gets the inputs of its own call, and yields R
    private static Pool.Job<Object, Object> open(Pool pool, SerializableFunction<?, ?> fn) {
        return pool.job((SerializableFunction<Object, Object>) fn);
    }

    private static Started start(Pool pool, SerializableFunction<?, ?> fn, Iterable<?> inputs, int chunkSize,
            ProgressListener progress, boolean failFast) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");
        Pool.Job<Object, Object> job = open(pool, fn);
        try {
            List<Object> items = new ArrayList<>(inputs instanceof Collection<?> c ? c.size() : 16);
            for (Object item : inputs) {
                items.add(item);
            }
            int size = chunkSize == AUTO_CHUNK_SIZE
                    ? Pool.defaultChunkSize(items.size(), Math.max(1, pool.workers()))
                    : chunkSize;
            CompletableFuture<Void> allReported = new CompletableFuture<>();
            EagerJob outcomes = new EagerJob(items.size(), failFast, progress, () -> {
                job.release();
                allReported.complete(null);
            });
            job.submit(0, items, size, outcomes);
            return new Started(outcomes, job, allReported);
        } catch (RuntimeException | Error e) {
            job.release();
            throw e;
        }
    }

    private static void await(Started started) throws InterruptedException {
        EagerJob outcomes = started.outcomes();
        if (!outcomes.finished().isDone()) {
            started.job().awaiting();
        }
        try {
            outcomes.finished().get();
        } catch (InterruptedException e) {
            outcomes.abandon();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a job's completion never fails", e);
        }
    }

    /** {@return a future whose cancellation abandons {@code job}} */
    private static <V> CompletableFuture<V> abandoning(EagerJob job) {
        return new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                job.abandon();
                return super.cancel(mayInterruptIfRunning);
            }
        };
    }
}
