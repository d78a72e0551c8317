package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import dev.weft.core.internal.ForkContext;
import dev.weft.core.internal.LazyLogger;
import dev.weft.core.internal.Uninterruptibly;
import dev.weft.parallel.Pool;
import dev.weft.parallel.PoolStats;
import dev.weft.parallel.SerializableFunction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * What every pool backend shares (threads and processes here, the cluster module's Hazelcast
 * pool): {@link Pool}'s primitive {@link #job} (cutting inputs into chunks, counting them in), and
 * the lifetime (open, closing, closed, terminated) with the count of chunks not yet reported that
 * {@link #close()} waits for; {@link Pool}'s calls are its default methods, over {@link PoolCalls}. A backend prepares a function once per job ({@code F}), turns runs of
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
    private static final LazyLogger log = LazyLogger.of(AbstractPool.class);
    /** Whether the pool takes work, for every backend; a process pool's workers have their own {@link PoolState}. */
    private enum State { OPEN, CLOSING, CLOSED, TERMINATED }

    private final IntSupplier workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private State state = State.OPEN;
    private long unreported;
    /** What {@link #stats()} reports. */
    private final PoolCounters counters = new PoolCounters();

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
     * Makes a chunk of {@code args} (a process pool serializes them), to run under
     * {@code context}: the context of the thread that submitted it, which the chunk's worker
     * installs around it (a thread pool's worker thread, a child JVM, a cluster member).
     *
     * @throws IllegalArgumentException if an argument cannot be sent
     */
    protected abstract C chunk(F fn, long firstIndex, List<Object> args, ChunkSink sink, ForkContext context);

    /** Runs a chunk; it must be reported exactly once, whatever happens. */
    protected abstract void dispatch(C chunk);

    /**
     * Stops {@code chunk} if it is running: its caller's deadline passed, or the scope its call
     * belonged to closed, and it has already been reported (failed or cancelled), so what its
     * worker still answers counts for nothing. By default nothing: it runs to its end unobserved.
     * A chunk not yet started is not run: backends skip reported chunks.
     */
    protected void halt(C chunk) {
    }

    /** Called when every chunk of a job that used {@code fn} has been reported. */
    protected void release(F fn) {
    }

    /**
     * {@return true if the backend may run, on the calling thread, chunks it submits now once it
     * waits for them ({@link #helpWith}); false by default}
     */
    protected boolean helpsCaller() {
        return false;
    }

    /**
     * Called before the caller blocks for chunks it submitted while {@link #helpsCaller()}, to help
     * run them.
     *
     * @param chunks those chunks, in the order they were dispatched
     */
    protected void helpWith(List<C> chunks) {
    }

    /**
     * {@return true if {@link #helpWith} holds the caller until each chunk in turn has ended (it
     * waits on them one by one); false by default} A caller that waits for the next result, not
     * for all, is then not helped: the results of the chunks that end first reach it at once.
     */
    protected boolean helpWaitsInTurn() {
        return false;
    }

    /** Throws {@link IllegalStateException} if the backend cannot take work (a broken pool). */
    protected void checkUsable() {
    }

    /**
     * Called when inputs arrive (not for an empty list), before the caller's context is captured
     * and the chunks are made:
     * a backend whose workers take long to start (child JVMs) starts them here, so that they start
     * while the chunks are encoded. Nothing by default.
     */
    protected void inputsArrive() {
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
    public final <T, R> Job<T, R> job(SerializableFunction<? super T, ? extends R> fn) {
        Objects.requireNonNull(fn, "fn");
        checkOpenLocked();
        return new BackendJob<>(prepare(fn));
    }

    @Override
    public final PoolStats stats() {
        return counters.snapshot(workers());
    }

    /** A worker was started to replace one that died or retired: counted in {@link #stats()}. */
    protected final void workerRestarted() {
        counters.workerRestarted();
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

    @Override
    public final boolean isIdle() {
        lock.lock();
        try {
            return unreported == 0;
        } finally {
            lock.unlock();
        }
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
    private <R> ChunkSink counted(OutcomeSink<R> sink) {
        return new ChunkSink() {
            @Override
            @SuppressWarnings("unchecked") // the chunk's outcomes are what the job's function returned
            public void accept(long firstIndex, List<Outcome<Object>> outcomes) {
                try {
                    sink.accept(firstIndex, (List<Outcome<R>>) (List<?>) outcomes);
                } catch (RuntimeException e) {
                    // Thrown on a thread of the backend (a child's reader, a fork-join worker), it
                    // would stop that thread; the outcomes were delivered, the job is the sink's.
                    log.warn("An outcome sink threw; ignored", e);
                } finally {
                    chunkReported();
                }
            }

            @Override
            public boolean isAbandoned() {
                return sink.isAbandoned();
            }

            @Override
            public void started() {
                counters.started();
            }

            @Override
            public void ended(boolean started, long nanos, List<Outcome<Object>> outcomes) {
                counters.ended(started, nanos, outcomes);
            }
        };
    }

    /**
     * A job of this backend: chunks made of its prepared function, counted in, dispatched from
     * both ends; the chunks a backend may help with ({@link #helpsCaller()}) are kept until the
     * caller waits.
     */
    private final class BackendJob<T, R> implements StoppableJob<T, R> {
        private final F fn;
        private final ConcurrentLinkedDeque<C> helpable = new ConcurrentLinkedDeque<>();
        private final JobChunks<C> live = new JobChunks<>(AbstractPool.this::halt);

        BackendJob(F fn) {
            this.fn = fn;
        }

        @Override
        public void submit(long firstIndex, List<? extends T> inputs, int chunkSize, OutcomeSink<R> sink) {
            Objects.requireNonNull(inputs, "inputs");
            Objects.requireNonNull(sink, "sink");
            PoolCalls.checkChunkSize(chunkSize);
            checkUsable();
            if (!inputs.isEmpty()) {
                inputsArrive();
            }
            ChunkSink counted = counted(sink);
            ForkContext context = ForkContext.capture();
            Instant deadline = context.deadline().orElse(null);
            List<C> chunks = new ArrayList<>((inputs.size() + chunkSize - 1) / chunkSize);
            for (int first = 0; first < inputs.size(); first += chunkSize) {
                @SuppressWarnings("unchecked") // a read-only view: a chunk only reads its inputs
                List<Object> args = (List<Object>) inputs.subList(first, Math.min(inputs.size(), first + chunkSize));
                JobChunks<C>.Tracked tracked = live.track(counted, deadline);
                C chunk = chunk(fn, firstIndex + first, args, tracked, context);
                tracked.bind(chunk);
                chunks.add(chunk);
            }
            List<C> dispatchOrder = BothEndsOrder.of(chunks);
            admit(dispatchOrder.size());
            if (deadline != null && !live.watch(deadline)) {
                live.expire(deadline); // passed already: nothing is sent
                return;
            }
            boolean keep = helpsCaller();
            for (C chunk : dispatchOrder) {
                counters.dispatched();
                dispatch(chunk);
                if (keep) {
                    helpable.add(chunk);
                }
            }
            for (C head = helpable.peekFirst(); head != null && head.isReported(); head = helpable.peekFirst()) {
                helpable.remove(head);
            }
        }

        @Override
        public void awaiting() {
            List<C> chunks = new ArrayList<>();
            for (C chunk = helpable.pollFirst(); chunk != null; chunk = helpable.pollFirst()) {
                chunks.add(chunk);
            }
            if (!chunks.isEmpty()) {
                helpWith(chunks);
            }
        }

        @Override
        public void awaitingNext() {
            if (helpWaitsInTurn()) {
                helpable.clear(); // not helped: the backend reports them as they end
            } else {
                awaiting();
            }
        }

        @Override
        public void release() {
            live.release();
            AbstractPool.this.release(fn);
        }

        @Override
        public void stop() {
            live.stop();
        }
    }
}
