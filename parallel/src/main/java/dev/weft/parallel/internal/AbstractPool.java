package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.internal.Uninterruptibly;
import dev.weft.parallel.ParallelExecutionException;
import dev.weft.parallel.Pool;
import dev.weft.parallel.ProgressListener;
import dev.weft.parallel.SerializableFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * What every pool backend shares (threads and processes here, the cluster module's Hazelcast
 * pool): argument checks, cutting inputs into chunks, the jobs that collect results, and the
 * lifetime (open, closing, closed, terminated) with the count of chunks not yet reported that
 * {@link #close()} waits for. A backend prepares a function once per job ({@code F}), turns runs of
 * inputs into chunks ({@code C}), and runs them.
 *
 * <pre>{@code
 * final class MyPool extends AbstractPool<byte[], MyChunk> {
 *     MyPool(int workers) { super(workers); }              // or super(() -> countNow())
 *     protected MyChunk chunk(byte[] fn, long first, List<Object> args, ChunkSink sink) { ... }
 *     protected void dispatch(MyChunk chunk) { ... }       // reports it exactly once
 *     ...
 * }
 * }</pre>
 *
 * @param <F> the backend's form of a function, ready to run or send
 * @param <C> the backend's chunk
 */
public abstract class AbstractPool<F, C extends WorkChunk> implements Pool {
    private static final int AUTO_CHUNK_SIZE = 0;
    private static final AtomicLong APPLY_COUNTER = new AtomicLong();

    private enum State { OPEN, CLOSING, CLOSED, TERMINATED }

    private final IntSupplier workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private State state = State.OPEN;
    private long unreported;

    /**
     * For a backend with a fixed number of workers.
     *
     * @param workers how many, at least 1
     * @throws IllegalArgumentException if {@code workers} is less than 1
     */
    protected AbstractPool(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        this.workers = () -> workers;
    }

    /**
     * For a backend whose workers come and go (a cluster's members): {@link #workers()} asks
     * {@code workers} each time; chunk sizes and {@code imap}'s window count at least one.
     *
     * @param workers how many workers there are now, 0 or more
     */
    protected AbstractPool(IntSupplier workers) {
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    // ---------------------------------------------------------------- backend

    /**
     * Makes {@code fn} ready for this backend (a process pool serializes it).
     *
     * @throws IllegalArgumentException if it cannot be
     */
    protected abstract F prepare(SerializableFunction<?, ?> fn);

    /**
     * Makes a chunk of {@code args} (a process pool serializes them).
     *
     * @throws IllegalArgumentException if an argument cannot be sent
     */
    protected abstract C chunk(F fn, long firstIndex, List<Object> args, ChunkSink sink);

    /** Runs a chunk; it must be reported exactly once, whatever happens. */
    protected abstract void dispatch(C chunk);

    /** Called when every chunk of a job that used {@code fn} has been reported. */
    protected void release(F fn) {
    }

    /**
     * Called before the caller blocks for the chunks of an eager job, to help run them.
     *
     * @param chunks the job's chunks, in the order they were dispatched
     */
    protected void helpWith(List<C> chunks) {
    }

    /** Throws {@link IllegalStateException} if the backend cannot take work (a broken pool). */
    protected void checkUsable() {
    }

    /** {@return true if the calling thread is one of this pool's workers} */
    protected abstract boolean isOwnWorker();

    /** Stops the workers once nothing is left to run; returns when they are gone. */
    protected abstract void stopWorkers();

    /** Stops the workers now and reports every chunk not yet reported; returns when they are gone. */
    protected abstract void killWorkers();

    // ---------------------------------------------------------------- Pool

    @Override
    public final int workers() {
        return workers.getAsInt();
    }

    @Override
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs)
            throws InterruptedException {
        return awaitValues(start(fn, inputs, AUTO_CHUNK_SIZE, null, true));
    }

    @Override
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            int chunkSize) throws InterruptedException {
        return awaitValues(start(fn, inputs, checkChunkSize(chunkSize), null, true));
    }

    @Override
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            ProgressListener progress) throws InterruptedException {
        Objects.requireNonNull(progress, "progress");
        return awaitValues(start(fn, inputs, AUTO_CHUNK_SIZE, progress, true));
    }

    @Override
    public <T, R> List<R> map(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            int chunkSize, ProgressListener progress) throws InterruptedException {
        Objects.requireNonNull(progress, "progress");
        return awaitValues(start(fn, inputs, checkChunkSize(chunkSize), progress, true));
    }

    @Override
    public <T, R> List<Outcome<R>> mapOutcomes(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> inputs) throws InterruptedException {
        Started<C> started = start(fn, inputs, AUTO_CHUNK_SIZE, null, false);
        await(started);
        return started.job().outcomes();
    }

    @Override
    public <T, R> List<Outcome<R>> mapOutcomes(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> inputs, int chunkSize) throws InterruptedException {
        Started<C> started = start(fn, inputs, checkChunkSize(chunkSize), null, false);
        await(started);
        return started.job().outcomes();
    }

    @Override
    public <T, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> inputs) {
        return toFuture(start(fn, inputs, AUTO_CHUNK_SIZE, null, true).job());
    }

    @Override
    public <T, R> CompletableFuture<List<R>> mapAsync(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> inputs, int chunkSize) {
        return toFuture(start(fn, inputs, checkChunkSize(chunkSize), null, true).job());
    }

    @Override
    public <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs) {
        return lazy(fn, inputs, 1, true);
    }

    @Override
    public <T, R> Iterator<R> imap(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            int chunkSize) {
        return lazy(fn, inputs, checkChunkSize(chunkSize), true);
    }

    @Override
    public <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> inputs) {
        return lazy(fn, inputs, 1, false);
    }

    @Override
    public <T, R> Iterator<R> imapUnordered(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> inputs, int chunkSize) {
        return lazy(fn, inputs, checkChunkSize(chunkSize), false);
    }

    @Override
    public <T, R> R apply(SerializableFunction<? super T, ? extends R> fn, T arg) throws InterruptedException {
        List<R> one = awaitValues(start(fn, java.util.Collections.singletonList(arg), 1, null, true));
        return one.get(0);
    }

    @Override
    public <T, R> Task<R> applyAsync(SerializableFunction<? super T, ? extends R> fn, T arg) {
        EagerJob job = start(fn, java.util.Collections.singletonList(arg), 1, null, true).job();
        CompletableFuture<R> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                job.abandon();
                return super.cancel(mayInterruptIfRunning);
            }
        };
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

    @Override
    public final void close() {
        lock.lock();
        try {
            if (state == State.CLOSED || state == State.TERMINATED) {
                return;
            }
            if (isOwnWorker()) {
                throw new IllegalStateException("close() called from one of the pool's own workers would wait for itself");
            }
            state = State.CLOSING;
        } finally {
            lock.unlock();
        }
        lock.lock();
        try {
            while (unreported > 0 && state == State.CLOSING) {
                idle.awaitUninterruptibly(); // sets the interrupt flag again when it returns
            }
            if (state != State.CLOSING) {
                return; // terminated meanwhile
            }
            state = State.CLOSED;
        } finally {
            lock.unlock();
        }
        stopWorkers();
    }

    @Override
    public final void terminate() {
        lock.lock();
        try {
            if (state == State.TERMINATED || state == State.CLOSED) {
                return;
            }
            state = State.TERMINATED;
            idle.signalAll();
        } finally {
            lock.unlock();
        }
        killWorkers();
    }

    /** {@return true once {@link #terminate()} was called} */
    protected final boolean isTerminated() {
        lock.lock();
        try {
            return state == State.TERMINATED;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return describe() + "workers=" + workers() + ", " + state + ", chunks in flight=" + unreported + "]";
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code executor} has terminated (after a {@code shutdown} or {@code shutdownNow}),
     * as a {@code close()} must: an interrupt does not stop the wait, and is restored after it.
     *
     * @param executor an executor that was shut down
     */
    protected static void awaitTerminated(ExecutorService executor) {
        Uninterruptibly.awaitTermination(executor);
    }

    /** {@return the start of {@link #toString()}: the name and an opening bracket, maybe a first field} */
    protected String describe() {
        return getClass().getSimpleName() + "[";
    }

    // ---------------------------------------------------------------- jobs

    /** An eager job and its chunks, in dispatch order ({@link BothEndsOrder}). */
    private record Started<C>(EagerJob job, List<C> chunks) {
    }

    private static int checkChunkSize(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1: " + chunkSize);
        }
        return chunkSize;
    }

    private void checkOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the pool is " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + ": it takes no new work");
        }
    }

    private void checkOpenLocked() {
        lock.lock();
        try {
            checkOpen();
        } finally {
            lock.unlock();
        }
        checkUsable();
    }

    /** Counts {@code count} new chunks in, unless the pool no longer takes work. */
    private void admit(int count) {
        lock.lock();
        try {
            checkOpen();
            unreported += count;
        } finally {
            lock.unlock();
        }
    }

    private void chunkReported() {
        lock.lock();
        try {
            if (--unreported == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wraps a job's sink so that the pool counts the chunk out when it is reported. */
    private ChunkSink counted(ChunkSink sink) {
        return new ChunkSink() {
            @Override
            public void accept(long firstIndex, List<Outcome<Object>> outcomes) {
                try {
                    sink.accept(firstIndex, outcomes);
                } finally {
                    chunkReported();
                }
            }

            @Override
            public boolean isAbandoned() {
                return sink.isAbandoned();
            }
        };
    }

    private Started<C> start(SerializableFunction<?, ?> fn, Iterable<?> inputs, int chunkSize,
            ProgressListener progress, boolean failFast) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");
        checkOpenLocked();
        List<Object> items = new ArrayList<>(inputs instanceof Collection<?> c ? c.size() : 16);
        for (Object item : inputs) {
            items.add(item);
        }
        int size = chunkSize == AUTO_CHUNK_SIZE ? Pool.defaultChunkSize(items.size(), Math.max(1, workers())) : chunkSize;
        F prepared = prepare(fn);
        EagerJob job = new EagerJob(items.size(), failFast, progress, () -> release(prepared));
        ChunkSink sink = counted(job);
        List<C> chunks = new ArrayList<>((items.size() + size - 1) / size);
        for (int first = 0; first < items.size(); first += size) {
            List<Object> args = items.subList(first, Math.min(items.size(), first + size));
            chunks.add(chunk(prepared, first, args, sink));
        }
        List<C> dispatchOrder = BothEndsOrder.of(chunks);
        admit(dispatchOrder.size());
        for (C chunk : dispatchOrder) {
            dispatch(chunk);
        }
        return new Started<>(job, dispatchOrder);
    }

    private void await(Started<C> started) throws InterruptedException {
        EagerJob job = started.job();
        if (!job.finished().isDone()) {
            helpWith(started.chunks());
        }
        try {
            job.finished().get();
        } catch (InterruptedException e) {
            job.abandon();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a job's completion never fails", e);
        }
    }

    private <R> List<R> awaitValues(Started<C> started) throws InterruptedException {
        await(started);
        return started.job().valuesOrThrow();
    }

    private static <R> CompletableFuture<List<R>> toFuture(EagerJob job) {
        CompletableFuture<List<R>> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                job.abandon();
                return super.cancel(mayInterruptIfRunning);
            }
        };
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

    private <T, R> Iterator<R> lazy(SerializableFunction<? super T, ? extends R> fn, Iterable<? extends T> inputs,
            int chunkSize, boolean ordered) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");
        checkOpenLocked();
        F prepared = prepare(fn);
        Iterator<? extends T> input = Objects.requireNonNull(inputs.iterator(), "inputs.iterator()");
        return new LazyResults<>(input, chunkSize, 2 * Math.max(1, workers()), ordered,
                (first, args, sink) -> submitChunk(prepared, first, args, sink), () -> release(prepared));
    }

    private void submitChunk(F fn, long firstIndex, List<Object> args, ChunkSink sink) {
        checkUsable();
        C chunk = chunk(fn, firstIndex, args, counted(sink));
        admit(1);
        dispatch(chunk);
    }
}
