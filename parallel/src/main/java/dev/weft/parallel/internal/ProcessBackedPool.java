package dev.weft.parallel.internal;

import dev.weft.core.ThreadKind;
import dev.weft.core.internal.Durations;
import dev.weft.parallel.ProcessPoolOptions;
import dev.weft.parallel.SerializableFunction;
import dev.weft.parallel.WorkerDiedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Pool.processes(..)} backend: a queue of serialized chunks shared by
 * {@link ProcessWorker}s, each driving one child JVM. Workers start with the first dispatched
 * chunk. When a child dies, the chunk it was running fails with a {@link WorkerDiedException}
 * (or a {@link TimeoutException} when the pool killed it for running too long), the chunks queued
 * behind it go back to the front of the queue, and a replacement starts. A child that dies before
 * it is ready by itself (bad JVM arguments, an initializer that fails or ends the JVM) breaks the pool: queued work
 * fails and new work is refused, since every replacement would die the same way. One killed from
 * outside while it starts is replaced, and what it held goes back to the queue.
 */
public final class ProcessBackedPool extends AbstractPool<SerializedFunction, ProcessChunk> {
    private static final Logger log = LoggerFactory.getLogger(ProcessBackedPool.class);
    private static final AtomicInteger POOL_COUNTER = new AtomicInteger();
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration KILL_GRACE = Duration.ofSeconds(10);
    private static final int MAX_FAILED_STARTS = 3;

    /** How a worker ended, as its {@link ProcessWorker} saw it. */
    record Death(long pid, int exitCode, List<String> stderrTail, String channelError, boolean wasReady,
            boolean wasInitializing, boolean replaced, ProcessChunk timedOut, Throwable fatal) {
    }

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
    private final AtomicInteger failedStarts = new AtomicInteger();
    private boolean started;
    private boolean stopping;
    private boolean killing;
    private WorkerDiedException broken;
    private final List<ProcessChunk> orphans = new ArrayList<>();
    private ScheduledExecutorService watchdog;

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
        this.initializer = options.initializer()
                .map(init -> FunctionCodec.encode(init, "the initializer"))
                .orElse(null);
    }

    ProcessPoolOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- AbstractPool

    @Override
    protected SerializedFunction prepare(SerializableFunction<?, ?> fn) {
        return new SerializedFunction(functionIds.incrementAndGet(), FunctionCodec.encode(fn, "the function"));
    }

    @Override
    protected ProcessChunk chunk(SerializedFunction fn, long firstIndex, List<Object> args, ChunkSink sink) {
        return new ProcessChunk(chunkIds.incrementAndGet(), fn, JavaSerialization.arguments(args, firstIndex),
                firstIndex, args.size(), sink);
    }

    @Override
    protected void dispatch(ProcessChunk chunk) {
        WorkerDiedException failure;
        boolean cancel;
        lock.lock();
        try {
            cancel = killing;
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
        return Thread.currentThread().getName().startsWith(name + "-");
    }

    @Override
    protected void stopWorkers() {
        List<ProcessWorker> stopped;
        lock.lock();
        try {
            stopping = true;
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
    }

    @Override
    protected void killWorkers() {
        List<ProcessWorker> killed;
        List<ProcessChunk> queued = new ArrayList<>();
        lock.lock();
        try {
            killing = true;
            stopping = true;
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
    }

    // ---------------------------------------------------------------- workers

    /** Starts the workers with the first chunk; the caller holds the lock. */
    private void startWorkers() {
        if (started) {
            return;
        }
        started = true;
        for (int i = 0; i < workers(); i++) {
            spawn();
        }
        options.taskTimeout().ifPresent(this::startWatchdog);
    }

    /** Starts one worker; the caller holds the lock. */
    private void spawn() {
        if (stopping || broken != null) {
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
        if (broken != null) {
            return;
        }
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
        long limit = timeout.toNanos();
        long period = Math.max(5_000_000L, Math.min(250_000_000L, limit / 4));
        watchdog = Executors.newSingleThreadScheduledExecutor(
                task -> ThreadKind.PLATFORM.newThread(name + "-watchdog", task));
        watchdog.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            List<ProcessWorker> current;
            lock.lock();
            try {
                current = List.copyOf(workers);
            } finally {
                lock.unlock();
            }
            for (ProcessWorker worker : current) {
                worker.checkTimeout(now, limit);
            }
        }, period, period, TimeUnit.NANOSECONDS);
    }

    private void stopWatchdog() {
        ScheduledExecutorService dog;
        lock.lock();
        try {
            dog = watchdog;
            watchdog = null;
        } finally {
            lock.unlock();
        }
        if (dog == null) {
            return;
        }
        dog.shutdownNow();
        awaitTerminated(dog);
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
            cancel = killing;
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
        lock.lock();
        try {
            spawn();
        } finally {
            lock.unlock();
        }
        failOrphans();
    }

    /** A worker's child has ended: fail what it was running, requeue the rest, replace it. */
    void workerExited(ProcessWorker worker, List<ProcessChunk> lost, Death death) {
        boolean cancel;
        lock.lock();
        try {
            workers.remove(worker);
            cancel = killing;
        } finally {
            lock.unlock();
        }
        if (cancel) {
            lost.forEach(ProcessChunk::cancel);
            return;
        }
        WorkerDiedException died = new WorkerDiedException(describe(death, lost.isEmpty()), death.pid(),
                death.exitCode(), death.stderrTail(), death.fatal());
        boolean breaks = death.fatal() != null || !death.wasReady() && cannotStart(death);
        if (breaks) {
            // Broken before the running chunk fails: a caller woken by that failure finds the pool
            // broken at its next call, instead of queueing a chunk that no worker will take.
            lock.lock();
            try {
                if (!stopping) {
                    breakPool(died);
                }
            } finally {
                lock.unlock();
            }
        }
        if (!death.wasReady() && !breaks) {
            // Killed from outside while starting: nothing it held had started; it all goes back.
            requeue(lost);
        } else if (!lost.isEmpty()) {
            ProcessChunk running = lost.get(0);
            if (running == death.timedOut()) {
                Duration timeout = options.taskTimeout().orElseThrow();
                TimeoutException timedOut = new TimeoutException("the task ran longer than " + timeout
                        + "; its worker JVM (pid " + death.pid() + ") was killed");
                running.fail(timedOut);
            } else {
                running.fail(died);
            }
            requeue(lost.subList(1, lost.size()));
        }
        lock.lock();
        try {
            if (!breaks && !death.replaced()) {
                spawn();
            }
        } finally {
            lock.unlock();
        }
        failOrphans();
    }

    /**
     * Whether a child that died before it was ready shows that workers cannot start here. A child
     * that exits by itself (bad JVM arguments, a heap too small to start) does; one killed by a
     * signal (exit code above 128: kill -9, the OOM killer, an operator) does not, unless that
     * happens {@value #MAX_FAILED_STARTS} times in a row with no worker becoming ready.
     */
    private boolean cannotStart(Death death) {
        int failed = failedStarts.incrementAndGet();
        return death.exitCode() <= 128 || failed >= MAX_FAILED_STARTS;
    }

    /** A worker's child is ready: starts are working. */
    void workerReady() {
        failedStarts.set(0);
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
            if (stopping || isTerminated()) {
                throw new IllegalStateException("the pool is closed");
            }
            startWorkers();
            while (true) {
                if (broken != null) {
                    throw new IllegalStateException("the pool is broken, its workers cannot start: "
                            + broken.getMessage(), broken);
                }
                if (stopping) {
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


    private static String describe(Death death, boolean idle) {
        String who = "worker JVM (pid " + death.pid() + ")";
        if (death.channelError() != null) {
            return who + " was stopped: " + death.channelError();
        }
        if (death.fatal() != null) {
            return who + " could not run its initializer";
        }
        if (death.wasInitializing()) {
            return who + " died while running its initializer";
        }
        if (!death.wasReady()) {
            return who + " died before it was ready";
        }
        return who + (idle ? " died while idle" : " died while running a task");
    }
}
