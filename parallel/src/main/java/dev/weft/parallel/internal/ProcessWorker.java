package dev.weft.parallel.internal;

import dev.weft.core.internal.LazyLogger;
import dev.weft.core.internal.Uninterruptibly;
import dev.weft.core.internal.registry.PoolSource;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One worker of a process pool: a {@link ChildJvm}, the chunks sent to it and not yet answered
 * (in the order sent, which is the order the child runs them, so the oldest is the one running),
 * and a sender thread that takes chunks from the pool's queue while the worker has room, from the
 * moment its child is ready (READY, and INITIALIZED when it runs an initializer): a chunk waits in
 * the pool's queue, where the first worker that is ready takes it, not in the pipe of a child that
 * is still starting.
 *
 * <p>The room is a window that adapts to how long the child's inputs take: about 2 ms of work
 * queued in the child's pipe, between 1 and 32 chunks. Short tasks are pipelined (the child
 * never waits for the parent between them); long ones are sent one at a time, so that a chunk
 * never waits behind a long one while another worker is idle.
 */
final class ProcessWorker implements ChildJvm.Listener, TaskWatchdog.Watched {
    private static final LazyLogger log = LazyLogger.of(ProcessWorker.class);
    private static final long QUEUED_WORK_NANOS = 2_000_000L;
    private static final int MAX_WINDOW = 32;

    private enum State { RUNNING, RETIRING, GONE }

    private final ProcessBackedPool pool;
    private final int maxTasks;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    private final ArrayDeque<ProcessChunk> pending = new ArrayDeque<>();
    private final Set<Long> knownFunctions = ConcurrentHashMap.newKeySet();
    private final Queue<Long> releases = new ConcurrentLinkedQueue<>();
    private final Thread sender;
    private final ChildJvm child;
    private State state = State.RUNNING;
    /** The child said READY: its JVM is up and reads frames. */
    private boolean ready;
    /** The child runs an initializer first: it is ready for tasks once it says INITIALIZED. */
    private final boolean initializes;
    private boolean initialized;
    private long headSince;
    private double nanosPerItem = -1;
    private long pendingItems;
    private int assigned;
    private boolean replaced;
    private ProcessChunk timedOut;
    private Throwable fatal;
    /** The inputs this worker has answered. */
    private long tasksDone;
    /** The pool closes: the child may be kept for another pool ({@link WarmChildren}) once it has answered. */
    private boolean returning;
    /** The child was kept for another pool: it is no longer this worker's. */
    private boolean handedOn;
    private final WarmChildren.Key warmKey;
    /** Counted down when the child has ended or was handed on. */
    private final CountDownLatch released = new CountDownLatch(1);

    ProcessWorker(ProcessBackedPool pool, String name, byte[] initializer) throws IOException {
        this.pool = pool;
        this.maxTasks = pool.options().maxTasksPerChild();
        this.initializes = initializer != null;
        this.warmKey = WarmChildren.Key.of(pool.options(), initializer);
        this.child = WarmChildren.SHARED.obtain(pool, warmKey, name, this); // listening already
        this.sender = WorkerThreads.newThread(pool, name + "-pid" + child.pid() + "-sender", this::send);
        if (initializer != null) {
            try {
                child.writer().bytes(Frames.INIT, initializer, 0, initializer.length);
                child.writer().flush();
            } catch (IOException e) {
                log.debug("Child {} is gone before its initializer was sent; its reader reports it", child.pid(), e);
            }
        }
        sender.start();
    }

    long pid() {
        return child.pid();
    }

    // ---------------------------------------------------------------- sending

    private void send() {
        ProcessChunk inHand = null;
        try {
            while (awaitRoom()) {
                inHand = pool.take();
                while (inHand != null) {
                    ProcessChunk chunk = inHand;
                    inHand = null;
                    if (chunk.isAbandoned() || chunk.isReported()) { // reported: stopped before it started
                        chunk.cancel();
                    } else {
                        if (!enqueue(chunk)) {
                            pool.requeue(List.of(chunk));
                            return;
                        }
                        write(chunk);
                        if (maxTasks > 0 && ++assigned >= maxTasks) {
                            child.writer().flush();
                            retire();
                            return;
                        }
                    }
                    inHand = hasRoom() ? pool.poll() : null;
                }
                child.writer().flush();
            }
        } catch (InterruptedException e) {
            // The pool or the worker's death stops the sender: give back what it holds.
            if (inHand != null) {
                pool.requeue(List.of(inHand));
            }
        } catch (IOException e) {
            // The child is gone; its reader reports the chunks it had.
            log.debug("Writing to child {} failed", child.pid(), e);
        }
    }

    private boolean awaitRoom() throws InterruptedException {
        lock.lock();
        try {
            while (state == State.RUNNING && !(takesTasksLocked() && roomLocked())) {
                room.await();
            }
            return state == State.RUNNING;
        } finally {
            lock.unlock();
        }
    }

    private boolean hasRoom() {
        lock.lock();
        try {
            return state == State.RUNNING && roomLocked();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The window: an idle child always has room; a busy one while the work it has queued is
     * estimated under {@link #QUEUED_WORK_NANOS} (never before its first answer) and it holds
     * fewer than {@link #MAX_WINDOW} chunks. The estimate is per item, so a big chunk fills the
     * window alone.
     */
    private boolean roomLocked() {
        if (pending.isEmpty()) {
            return true;
        }
        return nanosPerItem >= 0 && pending.size() < MAX_WINDOW && pendingItems * nanosPerItem < QUEUED_WORK_NANOS;
    }

    private boolean enqueue(ProcessChunk chunk) {
        lock.lock();
        try {
            if (state == State.GONE) {
                return false;
            }
            if (pending.isEmpty()) {
                headSince = System.nanoTime();
            }
            pending.add(chunk);
            pendingItems += chunk.size();
            chunk.started();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void write(ProcessChunk chunk) throws IOException {
        Long release;
        while ((release = releases.poll()) != null) {
            child.writer().release(release);
        }
        SerializedFunction function = chunk.function();
        boolean known = !knownFunctions.add(function.id());
        child.writer().task(chunk.id(), chunk.firstIndex(), function.id(), known ? null : function.bytes(), chunk.args());
        pool.observer().chunkSent(chunk, child.pid(), chunk.args().length + (known ? 0 : function.bytes().length));
    }

    /** Stops taking work after {@code maxTasksPerChild} chunks; a replacement starts at once. */
    private void retire() {
        boolean closeNow;
        lock.lock();
        try {
            if (state != State.RUNNING) {
                return;
            }
            state = State.RETIRING;
            replaced = true;
            closeNow = pending.isEmpty();
        } finally {
            lock.unlock();
        }
        pool.retired(this);
        if (closeNow) {
            child.closeInput();
        }
    }

    /** The child may forget function {@code id}; told before its next task. */
    void release(long id) {
        if (knownFunctions.remove(id)) {
            releases.add(id);
        }
    }

    // ---------------------------------------------------------------- lifetime

    /** Takes no more work; the child exits once it has answered what it has. */
    void stop() {
        boolean closeNow;
        lock.lock();
        try {
            if (state == State.GONE) {
                return;
            }
            returning = state == State.RUNNING; // one retired by maxTasksPerChild is not kept
            state = State.RETIRING;
            replaced = true;
            closeNow = pending.isEmpty();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        sender.interrupt();
        if (closeNow) {
            endInput();
        }
    }

    /** The child has answered all it will be sent: kept for another pool when it can be, else its input ends. */
    private void endInput() {
        boolean keep;
        lock.lock();
        try {
            keep = returning && !handedOn && state != State.GONE && timedOut == null && fatal == null
                    && takesTasksLocked() && pending.isEmpty();
            handedOn = keep;
        } finally {
            lock.unlock();
        }
        if (keep && WarmChildren.SHARED.giveBack(pool, warmKey, child, released::countDown)) {
            return; // released once the child has said READY for its next pool, or ended
        }
        lock.lock();
        try {
            handedOn = false;
        } finally {
            lock.unlock();
        }
        child.closeInput();
    }

    /** Kills the child now (unless it was handed on to another pool). */
    void kill() {
        sender.interrupt();
        lock.lock();
        try {
            returning = false;
            if (handedOn) {
                return;
            }
        } finally {
            lock.unlock();
        }
        child.kill();
    }

    /** Waits until the child is gone or handed on (killing it after {@code grace}); keeps the interrupt flag. */
    void awaitGone(Duration grace) {
        if (!Uninterruptibly.await(released, grace)) {
            log.warn("Child JVM {} did not exit within {}; killing it", child.pid(), grace);
            kill();
            Uninterruptibly.await(released);
        }
        Uninterruptibly.join(sender);
    }

    /** Kills the child if the chunk it is running has run longer than {@code limitNanos}. */
    @Override
    public void checkTimeout(long now, long limitNanos) {
        lock.lock();
        try {
            if (!takesTasksLocked() || pending.isEmpty() || timedOut != null || now - headSince <= limitNanos) {
                return;
            }
            timedOut = pending.peek();
        } finally {
            lock.unlock();
        }
        log.warn("A task of child JVM {} ran longer than its timeout; killing the child", child.pid());
        child.kill();
    }

    /**
     * Kills the child if {@code chunk}, already reported, is the one it runs now (its caller's
     * deadline passed, or its scope closed); the worker then dies as any other and is replaced. A
     * chunk queued behind another in the child's pipe (or written as it was stopped) is left: the
     * child fails it without running it when its deadline has passed, and otherwise runs it
     * unobserved; one still in the pool's queue is skipped.
     */
    void killIfRunning(ProcessChunk chunk) {
        lock.lock();
        try {
            if (pending.peek() != chunk) {
                return;
            }
        } finally {
            lock.unlock();
        }
        log.debug("Chunk {} of child JVM {} was stopped (deadline or scope); killing the child", chunk, child.pid());
        child.kill();
    }

    /**
     * {@return whether this worker's child has said READY (and INITIALIZED, when it runs an
     * initializer) and the worker still takes work}
     */
    boolean isReady() {
        lock.lock();
        try {
            return takesTasksLocked() && state == State.RUNNING;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the child is up and has run its initializer, if any: it runs tasks now. */
    private boolean takesTasksLocked() {
        return ready && (!initializes || initialized);
    }

    // ---------------------------------------------------------------- ChildJvm.Listener

    /**
     * Marks the child's reader thread, which calls every method below and so reports chunks (and
     * runs the callbacks that follow), as one of the pool's workers.
     */
    private void onReader() {
        if (!WorkerThreads.isWorkerOf(pool)) {
            WorkerThreads.enter(pool);
        }
    }

    @Override
    public void ready() {
        onReader();
        lock.lock();
        try {
            ready = true;
            headSince = System.nanoTime();
            room.signalAll();
        } finally {
            lock.unlock();
        }
        if (!initializes) {
            pool.workerReady();
        }
    }

    @Override
    public void initialized() {
        onReader();
        lock.lock();
        try {
            initialized = true;
            headSince = System.nanoTime(); // a task's timeout counts from here, not the initializer's start
            room.signalAll();
        } finally {
            lock.unlock();
        }
        pool.workerReady();
    }

    @Override
    public void result(long chunkId, byte[] body, int offset) {
        onReader();
        ProcessChunk chunk;
        boolean closeNow = false;
        lock.lock();
        try {
            chunk = pending.peek();
            if (chunk == null || chunk.id() != chunkId) {
                log.error("Child JVM {} answered chunk {} but {} was expected; killing it", child.pid(), chunkId,
                        chunk == null ? "none" : chunk.id());
                child.kill();
                return;
            }
            pending.poll();
            pendingItems -= chunk.size();
            tasksDone += chunk.size();
            long now = System.nanoTime();
            double sample = (double) (now - headSince) / chunk.size();
            nanosPerItem = nanosPerItem < 0 ? sample : 0.75 * nanosPerItem + 0.25 * sample;
            headSince = now;
            room.signal();
            if (state == State.RETIRING && pending.isEmpty()) {
                closeNow = true;
            }
        } finally {
            lock.unlock();
        }
        if (closeNow) {
            endInput();
        }
        pool.observer().chunkAnswered(chunk, body.length - offset);
        chunk.reportReply(body, offset);
    }

    @Override
    public void fatal(ErrorPayload error) {
        onReader();
        lock.lock();
        try {
            fatal = error.rebuild();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void exited(int exitCode, List<String> stderrTail, String channelError) {
        onReader();
        List<ProcessChunk> lost;
        WorkerDeath.Seen death;
        lock.lock();
        try {
            state = State.GONE;
            lost = new ArrayList<>(pending);
            pending.clear();
            pendingItems = 0;
            room.signalAll();
            death = new WorkerDeath.Seen(child.pid(), exitCode, stderrTail, channelError, takesTasksLocked(),
                    ready && !takesTasksLocked(), replaced, timedOut, fatal);
        } finally {
            lock.unlock();
        }
        sender.interrupt();
        pool.observer().chunksLost(lost);
        released.countDown();
        pool.workerExited(this, lost, death);
    }

    /** {@return this worker as the scope dump shows it} */
    PoolSource.Worker view() {
        lock.lock();
        try {
            ProcessChunk head = pending.peek();
            String chunk = head == null ? "" : head.id() + " (" + head.size() + " inputs from index " + head.firstIndex() + ")";
            String shown = state == State.RUNNING && !takesTasksLocked() ? "STARTING" : state.name();
            return new PoolSource.Worker("pid " + child.pid(), shown, chunk, tasksDone);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "ProcessWorker[pid " + child.pid() + ", " + state + ", pending=" + pending.size() + "]";
        } finally {
            lock.unlock();
        }
    }
}
