package dev.weft.parallel.internal;

import dev.weft.core.internal.Durations;
import dev.weft.core.internal.LazyLogger;
import dev.weft.core.internal.registry.PoolSource;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.SerializableFunction;
import dev.weft.parallel.WorkerDiedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code Pool.processes(..)} backend: a queue of serialized chunks shared by
 * {@link ProcessWorker}s, each driving one child JVM. Workers start with the first inputs
 * chunk. When a child dies, the chunk it was running fails with a {@link WorkerDiedException}
 * (or a {@link TimeoutException} when the pool killed it for running too long), the chunks queued
 * behind it go back to the front of the queue, and a replacement starts. A child that dies before
 * it is ready by itself (bad JVM arguments, an initializer that fails or ends the JVM) breaks the pool: queued work
 * fails and new work is refused, since every replacement would die the same way. One killed from
 * outside while it starts is replaced, and what it held goes back to the queue. Which of these a
 * death is, {@link WorkerDeath} says; where the workers stand, one {@link PoolState}; the task
 * timeout is a {@link TaskWatchdog}.
 */
public final class ProcessBackedPool extends AbstractPool<SerializedFunction, ProcessChunk> {
    private static final LazyLogger log = LazyLogger.of(ProcessBackedPool.class);
    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration KILL_GRACE = Duration.ofSeconds(10);

    private final ProcessPoolOptions options;
    private final String name;
    private final byte[] initializer;
    private final LinkedBlockingDeque<ProcessChunk> queue = new LinkedBlockingDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readiness = lock.newCondition();
    private final List<ProcessWorker> workers = new ArrayList<>();
    private final AtomicLong chunkIds = new AtomicLong();
    private final AtomicLong functionIds = new AtomicLong();
    private final AtomicInteger workerCounter = new AtomicInteger();
    private final WorkerDeath deaths = new WorkerDeath();
    /** The workers' state; moves only through {@link #moveTo}. */
    private PoolState state = PoolState.NEW;
    /** Why the pool broke, once it has. */
    private WorkerDiedException broken;
    private final List<ProcessChunk> orphans = new ArrayList<>();
    private TaskWatchdog watchdog;
    /** What Scopes.dump() and the JFR events see of this pool. */
    private final PoolObserver observer;

    /**
     * Creates the pool; no child starts yet.
     *
     * @param options the settings
     * @throws NullPointerException if {@code options} is null
     * @throws IllegalArgumentException if the initializer cannot be serialized
     * @throws IllegalStateException if this JVM's layout cannot start children (a Spring Boot jar)
     */
    public ProcessBackedPool(ProcessPoolOptions options) {
        super(Objects.requireNonNull(options, "options").workers());
        LaunchLayout.current().requireSupported();
        this.options = options;
        this.name = "weft-processes-" + POOL_COUNTER.incrementAndGet();
        this.initializer = options.initializer().isPresent() // no lambda: this runs at a JVM's first pool
                ? FunctionCodec.encode(options.initializer().orElseThrow(), "the initializer")
                : null;
        this.observer = new PoolObserver(name, "processes", this::workerViews);
    }

    PoolObserver observer() {
        return observer;
    }

    /** The workers as the scope dump shows them; each is asked outside the pool's lock. */
    private List<PoolSource.Worker> workerViews() {
        List<ProcessWorker> now;
        lock.lock();
        try {
            now = new ArrayList<>(workers);
        } finally {
            lock.unlock();
        }
        return now.stream().map(ProcessWorker::view).toList();
    }

    ProcessPoolOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- AbstractPool

    @Override
    protected SerializedFunction prepare(SerializableFunction<?, ?> fn) {
        byte[] bytes = ChunkCodec.function(fn, ChunkCodec.CHILD_JVM);
        StartupCache.noteFunction(bytes); // its class goes into the start-up cache, if one is made
        return new SerializedFunction(functionIds.incrementAndGet(), bytes);
    }

    @Override
    protected ProcessChunk chunk(SerializedFunction fn, long firstIndex, List<Object> args, ChunkSink sink,
            dev.weft.core.internal.ForkContext context) { // qualified: keeps the import block as it was
        return new ProcessChunk(chunkIds.incrementAndGet(), fn,
                ChunkCodec.inputs(args, firstIndex, ChunkCodec.CHILD_JVM, context), firstIndex, args.size(), sink);
    }

    /** Kills the child running {@code chunk}, if one is: it is replaced, and what it had queued goes on. */
    @Override
    protected void halt(ProcessChunk chunk) {
        lock.lock();
        List<ProcessWorker> now;
        try {
            now = List.copyOf(workers);
        } finally {
            lock.unlock();
        }
        for (ProcessWorker worker : now) {
            worker.killIfRunning(chunk);
        }
    }

    @Override
    protected void dispatch(ProcessChunk chunk) {
        WorkerDiedException failure;
        boolean cancel;
        lock.lock();
        try {
            cancel = state.cancelsWork();
            failure = broken;
            if (!cancel && failure == null) {
                startWorkers();
                failure = broken;
                if (failure == null) {
                    queue.add(chunk);
                }
            }
        } finally {
            lock.unlock();
        }
        failOrphans();
        if (cancel) {
            chunk.cancel();
        } else if (failure != null) {
            chunk.fail(failure);
        }
    }

    /**
     * The first inputs start the workers (a function that cannot be serialized has failed before),
     * so the child JVMs start while this JVM captures the context and encodes the chunks.
     */
    @Override
    protected void inputsArrive() {
        lock.lock();
        try {
            if (state == PoolState.NEW) {
                startWorkers();
            }
        } finally {
            lock.unlock();
        }
        failOrphans();
    }

    @Override
    protected void release(SerializedFunction fn) {
        lock.lock();
        try {
            for (ProcessWorker worker : workers) {
                worker.release(fn.id());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected void checkUsable() {
        lock.lock();
        try {
            if (broken != null) {
                throw new IllegalStateException("the pool is broken, its workers cannot start: " + broken.getMessage(),
                        broken);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected boolean isOwnWorker() {
        return WorkerThreads.isWorkerOf(this);
    }

    @Override
    protected void stopWorkers() {
        List<ProcessWorker> stopped;
        lock.lock();
        try {
            moveTo(PoolState.CLOSING);
            readiness.signalAll();
            stopped = List.copyOf(workers);
        } finally {
            lock.unlock();
        }
        for (ProcessWorker worker : stopped) {
            worker.stop();
        }
        for (ProcessWorker worker : stopped) {
            worker.awaitGone(STOP_GRACE);
        }
        stopWatchdog();
        for (ProcessChunk left = queue.poll(); left != null; left = queue.poll()) {
            left.cancel();
        }
        WarmChildren.SHARED.ownerClosed(this);
        closed();
    }

    @Override
    protected void killWorkers() {
        List<ProcessWorker> killed;
        List<ProcessChunk> queued = new ArrayList<>();
        lock.lock();
        try {
            moveTo(PoolState.TERMINATING);
            readiness.signalAll();
            killed = List.copyOf(workers);
            queue.drainTo(queued);
        } finally {
            lock.unlock();
        }
        for (ProcessChunk chunk : queued) {
            chunk.cancel();
        }
        for (ProcessWorker worker : killed) {
            worker.kill();
        }
        for (ProcessWorker worker : killed) {
            worker.awaitGone(KILL_GRACE);
        }
        stopWatchdog();
        WarmChildren.SHARED.ownerClosed(this);
        closed();
    }

    /** Moves the workers' state; the caller holds the lock. */
    private void moveTo(PoolState next) {
        state = state.to(next);
    }

    private void closed() {
        lock.lock();
        try {
            moveTo(PoolState.CLOSED);
        } finally {
            lock.unlock();
        }
        observer.stopped();
    }

    // ---------------------------------------------------------------- workers

    /** Starts the workers with the first chunk; the caller holds the lock. */
    private void startWorkers() {
        if (state != PoolState.NEW) {
            return;
        }
        moveTo(PoolState.RUNNING);
        observer.started();
        for (int i = 0; i < workers(); i++) {
            spawn();
        }
        WarmChildren.SHARED.startSpares(this, WarmChildren.Key.of(options, initializer));
        options.taskTimeout().ifPresent(this::startWatchdog);
    }

    /** Starts one worker; the caller holds the lock. */
    private void spawn() {
        if (!state.startsWorkers()) {
            return;
        }
        try {
            workers.add(new ProcessWorker(this, name + "-worker-" + workerCounter.incrementAndGet(), initializer));
        } catch (IOException | RuntimeException e) {
            log.error("Could not start a worker JVM", e);
            breakPool(new WorkerDiedException("could not start a worker JVM: " + e, -1, null, List.of(), e));
        }
    }

    /** Marks the pool broken and fails what is queued; the caller holds the lock. */
    private void breakPool(WorkerDiedException cause) {
        if (state != PoolState.RUNNING) {
            return;
        }
        moveTo(PoolState.BROKEN);
        broken = cause;
        queue.drainTo(orphans);
        readiness.signalAll();
    }

    /** Fails the chunks a broken pool could not run; called without the lock (it runs user callbacks). */
    private void failOrphans() {
        List<ProcessChunk> failed = new ArrayList<>();
        WorkerDiedException cause;
        lock.lock();
        try {
            failed.addAll(orphans);
            orphans.clear();
            cause = broken;
        } finally {
            lock.unlock();
        }
        for (ProcessChunk chunk : failed) {
            chunk.fail(cause);
        }
    }

    private void startWatchdog(Duration timeout) {
        watchdog = TaskWatchdog.start(this, name + "-watchdog", timeout, () -> {
            lock.lock();
            try {
                return List.copyOf(workers);
            } finally {
                lock.unlock();
            }
        });
    }

    private void stopWatchdog() {
        TaskWatchdog dog;
        lock.lock();
        try {
            dog = watchdog;
            watchdog = null;
        } finally {
            lock.unlock();
        }
        if (dog != null) {
            dog.stop();
        }
    }

    ProcessChunk take() throws InterruptedException {
        return queue.takeFirst();
    }

    ProcessChunk poll() {
        return queue.pollFirst();
    }

    /** Puts chunks that never ran back at the front of the queue, in their order. */
    void requeue(List<ProcessChunk> chunks) {
        WorkerDiedException failure;
        boolean cancel;
        lock.lock();
        try {
            cancel = state.cancelsWork();
            failure = broken;
            if (!cancel && failure == null) {
                for (int i = chunks.size() - 1; i >= 0; i--) {
                    queue.addFirst(chunks.get(i));
                }
            }
        } finally {
            lock.unlock();
        }
        for (ProcessChunk chunk : chunks) {
            if (cancel) {
                chunk.cancel();
            } else if (failure != null) {
                chunk.fail(failure);
            }
        }
    }

    /** A worker reached {@code maxTasksPerChild}: its replacement starts now. */
    void retired(ProcessWorker worker) {
        workerRestarted();
        lock.lock();
        try {
            spawn();
        } finally {
            lock.unlock();
        }
        failOrphans();
    }

    /** A worker's child has ended: fail what it was running, requeue the rest, replace it. */
    void workerExited(ProcessWorker worker, List<ProcessChunk> lost, WorkerDeath.Seen seen) {
        boolean terminating;
        lock.lock();
        try {
            workers.remove(worker);
            terminating = state.cancelsWork();
        } finally {
            lock.unlock();
        }
        ProcessChunk running = lost.isEmpty() ? null : lost.get(0);
        WorkerDeath.Kind kind = deaths.classify(seen, terminating, running != null && running == seen.timedOut());
        observer.workerExited(seen, lost, kind);
        WorkerDiedException died = new WorkerDiedException(WorkerDeath.describe(seen, lost.isEmpty()), seen.pid(),
                seen.exitCode(), seen.stderrTail(), seen.fatal());
        switch (kind) {
            case TERMINATED -> {
                lost.forEach(ProcessChunk::cancel);
                return;
            }
            case CANNOT_START -> {
                // Broken before the running chunk fails: a caller woken by that failure finds the pool
                // broken at its next call, instead of queueing a chunk that no worker will take.
                lock.lock();
                try {
                    breakPool(died);
                } finally {
                    lock.unlock();
                }
                failRunningRequeueRest(lost, died);
            }
            // Nothing it held had started; it all goes back.
            case KILLED_WHILE_STARTING -> requeue(lost);
            case TIMED_OUT -> failRunningRequeueRest(lost, new TimeoutException("the task ran longer than "
                    + options.taskTimeout().orElseThrow() + "; its worker JVM (pid " + seen.pid() + ") was killed"));
            case DIED -> failRunningRequeueRest(lost, died);
        }
        lock.lock();
        try {
            if (kind != WorkerDeath.Kind.CANNOT_START && !seen.replaced()) {
                workerRestarted();
                spawn();
            }
        } finally {
            lock.unlock();
        }
        failOrphans();
    }

    private void failRunningRequeueRest(List<ProcessChunk> lost, Throwable failure) {
        if (!lost.isEmpty()) {
            lost.get(0).fail(failure);
            requeue(lost.subList(1, lost.size()));
        }
    }

    /** A worker's child is ready: starts are working. */
    void workerReady() {
        deaths.workerReady();
        lock.lock();
        try {
            readiness.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts the workers if no work has started them yet, and waits until every one has said
     * READY (and INITIALIZED, with an initializer): its JVM is up and reads tasks. For what times a worker's start (benchmarks, tests);
     * work does not need it, a chunk simply waits in the queue until a worker is ready.
     *
     * <pre>{@code
     * ProcessBackedPool pool = new ProcessBackedPool(ProcessPoolOptions.builder().workers(2).build());
     * boolean ready = pool.awaitWorkersReady(Duration.ofSeconds(10));
     * }</pre>
     *
     * @param timeout how long to wait at most
     * @return true if every worker is ready, false if the timeout passed first
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if the pool is broken (its workers cannot start), closed or
     *     terminated
     * @throws NullPointerException if {@code timeout} is null
     */
    public boolean awaitWorkersReady(Duration timeout) throws InterruptedException {
        long left = Durations.toTimeoutNanos(timeout);
        lock.lock();
        try {
            if (state == PoolState.CLOSING || state.cancelsWork() || isTerminated()) {
                throw new IllegalStateException("the pool is closed");
            }
            startWorkers();
            while (true) {
                if (broken != null) {
                    throw new IllegalStateException("the pool is broken, its workers cannot start: "
                            + broken.getMessage(), broken);
                }
                if (state != PoolState.RUNNING) {
                    throw new IllegalStateException("the pool was closed while its workers started");
                }
                if (workers.stream().filter(ProcessWorker::isReady).count() >= workers()) {
                    return true;
                }
                if (left <= 0) {
                    return false;
                }
                left = readiness.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
