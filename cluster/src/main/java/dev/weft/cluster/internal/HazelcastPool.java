package dev.weft.cluster.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.weft.core.Outcome;
import dev.weft.core.Task;
import dev.weft.core.ThreadKind;
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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link Pool} over a Hazelcast instance that {@code ClusterPool} wraps: argument checks,
 * cutting inputs into chunks, the jobs that collect results, and the lifetime (open, closing,
 * closed, terminated) with the count of chunks not yet reported that {@link #close()} waits for,
 * as in {@code dev.weft.parallel.internal.AbstractPool} (copied, since another module cannot
 * extend it); chunks travel through a {@link Dispatcher}. Its workers are the cluster's data
 * members: {@link #workers()} is the sum of what they run at once, and changes as members come
 * and go.
 */
public final class HazelcastPool implements Pool {
    private static final int AUTO_CHUNK_SIZE = 0;
    private static final AtomicLong APPLY_COUNTER = new AtomicLong();
    private static final AtomicLong POOL_COUNTER = new AtomicLong();

    private enum State { OPEN, CLOSING, CLOSED, TERMINATED }

    private final HazelcastInstance instance;
    private final boolean owned;
    private final ExecutorService delivery;
    private final Dispatcher dispatcher;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private State state = State.OPEN;
    private long unreported;

    /**
     * Creates a pool over {@code instance}.
     *
     * @param instance a running member or client
     * @param owned whether the pool shuts the instance down when it ends
     * @param workersPerMember how many workers each member counts as; 0 to use what each member
     *     announces (its {@value HazelcastSetup#WORKERS_ATTRIBUTE} attribute)
     * @param maxAttempts how many times a chunk may lose its member
     */
    public HazelcastPool(HazelcastInstance instance, boolean owned, int workersPerMember, int maxAttempts) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.owned = owned;
        this.delivery = Executors.newSingleThreadExecutor(
                ThreadKind.PLATFORM.factory("weft-cluster-pool-" + POOL_COUNTER.incrementAndGet()));
        this.dispatcher = new Dispatcher(instance, HazelcastSetup.EXECUTOR_NAME,
                member -> workersPerMember > 0 ? workersPerMember : HazelcastSetup.announcedWorkers(member),
                maxAttempts, delivery);
        dispatcher.start();
    }

    /** {@return the Hazelcast instance the pool sends its chunks through} */
    public HazelcastInstance instance() {
        return instance;
    }

    /** {@return the data members known now, which run the chunks} */
    public List<Member> members() {
        return dispatcher.members();
    }

    // ---------------------------------------------------------------- backend

    private byte[] prepare(SerializableFunction<?, ?> fn) {
        return Serialization.function(fn);
    }

    private ClusterChunk chunk(byte[] fn, long firstIndex, List<Object> args, ChunkSink sink) {
        return new ClusterChunk(fn, firstIndex, args, sink);
    }

    private void dispatch(ClusterChunk chunk) {
        dispatcher.submit(chunk);
    }

    private void checkUsable() {
        if (!instance.getLifecycleService().isRunning()) {
            throw new IllegalStateException("the pool's Hazelcast instance is not running");
        }
    }

    private boolean isOwnWorker() {
        return CurrentMember.instance() == instance;
    }

    private void stopWorkers() {
        dispatcher.stop(false);
        if (owned) {
            instance.shutdown();
        }
        stopDelivery();
    }

    private void killWorkers() {
        dispatcher.stop(true);
        if (owned) {
            instance.getLifecycleService().terminate();
        }
        stopDelivery();
    }

    private void stopDelivery() {
        delivery.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (delivery.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- Pool

    @Override
    public int workers() {
        return dispatcher.capacity();
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
        Started started = start(fn, inputs, AUTO_CHUNK_SIZE, null, false);
        await(started);
        return started.job().outcomes();
    }

    @Override
    public <T, R> List<Outcome<R>> mapOutcomes(SerializableFunction<? super T, ? extends R> fn,
            Iterable<? extends T> inputs, int chunkSize) throws InterruptedException {
        Started started = start(fn, inputs, checkChunkSize(chunkSize), null, false);
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
    public void close() {
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
        boolean interrupted = false;
        lock.lock();
        try {
            while (unreported > 0 && state == State.CLOSING) {
                try {
                    idle.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (state != State.CLOSING) {
                return; // terminated meanwhile
            }
            state = State.CLOSED;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        stopWorkers();
    }

    @Override
    public void terminate() {
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
    public String toString() {
        lock.lock();
        try {
            return "ClusterPool[" + instance.getName() + ", workers=" + workers() + ", " + state + ", chunks in flight=" + unreported + "]";
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- jobs

    private record Started(EagerJob job, List<ClusterChunk> chunks) {
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

    private Started start(SerializableFunction<?, ?> fn, Iterable<?> inputs, int chunkSize,
            ProgressListener progress, boolean failFast) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(inputs, "inputs");
        checkOpenLocked();
        List<Object> items = new ArrayList<>(inputs instanceof Collection<?> c ? c.size() : 16);
        for (Object item : inputs) {
            items.add(item);
        }
        int size = chunkSize == AUTO_CHUNK_SIZE ? Pool.defaultChunkSize(items.size(), Math.max(1, workers())) : chunkSize;
        byte[] prepared = prepare(fn);
        EagerJob job = new EagerJob(items.size(), failFast, progress, () -> { });
        ChunkSink sink = counted(job);
        List<ClusterChunk> chunks = new ArrayList<>((items.size() + size - 1) / size);
        for (int first = 0; first < items.size(); first += size) {
            List<Object> args = items.subList(first, Math.min(items.size(), first + size));
            chunks.add(chunk(prepared, first, args, sink));
        }
        admit(chunks.size());
        for (ClusterChunk chunk : chunks) {
            dispatch(chunk);
        }
        return new Started(job, chunks);
    }

    private void await(Started started) throws InterruptedException {
        EagerJob job = started.job();
        try {
            job.finished().get();
        } catch (InterruptedException e) {
            job.abandon();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a job's completion never fails", e);
        }
    }

    private <R> List<R> awaitValues(Started started) throws InterruptedException {
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
        byte[] prepared = prepare(fn);
        Iterator<? extends T> input = Objects.requireNonNull(inputs.iterator(), "inputs.iterator()");
        return new LazyResults<>(input, chunkSize, 2 * Math.max(1, workers()), ordered,
                (first, args, sink) -> submitChunk(prepared, first, args, sink), () -> { });
    }

    private void submitChunk(byte[] fn, long firstIndex, List<Object> args, ChunkSink sink) {
        checkUsable();
        ClusterChunk chunk = chunk(fn, firstIndex, args, counted(sink));
        admit(1);
        dispatch(chunk);
    }
}
