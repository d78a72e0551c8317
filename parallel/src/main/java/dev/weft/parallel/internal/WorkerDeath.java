package dev.weft.parallel.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Why a worker of a process pool died, and so what becomes of what it held: the one place that
 * tells a worker that cannot start (the pool breaks) from one killed while it started (it is
 * replaced), from a task's death or timeout. Needs no child JVM: it reads what the worker saw.
 *
 * <pre>{@code
 * WorkerDeath deaths = new WorkerDeath();
 * WorkerDeath.Kind kind = deaths.classify(seen, state.cancelsWork(), running == seen.timedOut());
 * }</pre>
 */
final class WorkerDeath {
    /** Killed by a signal this many times in a row before any worker became ready: workers cannot start. */
    static final int MAX_FAILED_STARTS = 3;

    /**
     * How a worker ended, as its {@link ProcessWorker} saw it.
     *
     * @param pid the child's process id
     * @param exitCode its exit code; above 128 for a signal
     * @param stderrTail the last lines it wrote to its standard error
     * @param channelError why the parent stopped it (a broken frame), or null
     * @param wasReady whether it had said READY (and INITIALIZED, with an initializer)
     * @param wasInitializing whether it died while running its initializer
     * @param replaced whether a replacement was already started (it retired, or the pool stopped it)
     * @param timedOut the chunk the pool killed it for, or null
     * @param fatal what its initializer threw, or null
     */
    record Seen(long pid, int exitCode, List<String> stderrTail, String channelError, boolean wasReady,
            boolean wasInitializing, boolean replaced, ProcessChunk timedOut, Throwable fatal) {
    }

    /** What the pool does with a dead worker and the chunks it held (the first one was running). */
    enum Kind {
        /** The pool is terminating: everything it held ends cancelled, no replacement. */
        TERMINATED,
        /**
         * It died before it was ready by itself (bad JVM arguments, a heap too small), or its
         * initializer failed: every replacement would too, so the pool breaks; the running chunk
         * fails with a {@code WorkerDiedException}.
         */
        CANNOT_START,
        /** It was killed from outside while it started: nothing it held had started, all goes back. */
        KILLED_WHILE_STARTING,
        /** The pool killed it for running a task too long: that chunk fails with a {@code TimeoutException}. */
        TIMED_OUT,
        /** It died running a task, or idle: the running chunk fails with a {@code WorkerDiedException}. */
        DIED
    }

    private final AtomicInteger failedStarts = new AtomicInteger();

    /**
     * Classifies a death.
     *
     * @param seen what the worker saw
     * @param terminating whether the pool is terminating ({@link PoolState#cancelsWork()})
     * @param runningTimedOut whether the chunk it was running is the one it was killed for
     * @return what the pool does
     */
    Kind classify(Seen seen, boolean terminating, boolean runningTimedOut) {
        if (terminating) {
            return Kind.TERMINATED;
        }
        if (seen.fatal() != null) {
            return Kind.CANNOT_START;
        }
        if (!seen.wasReady()) {
            return cannotStart(seen) ? Kind.CANNOT_START : Kind.KILLED_WHILE_STARTING;
        }
        return runningTimedOut ? Kind.TIMED_OUT : Kind.DIED;
    }

    /** A worker became ready: starts work, and signals before it no longer count. */
    void workerReady() {
        failedStarts.set(0);
    }

    /**
     * Whether a child that died before it was ready shows that workers cannot start here. A child
     * that exits by itself does; one killed by a signal (exit code above 128: kill -9, the OOM
     * killer, an operator) does not, unless that happens {@value #MAX_FAILED_STARTS} times in a row
     * with no worker becoming ready.
     */
    private boolean cannotStart(Seen seen) {
        int failed = failedStarts.incrementAndGet();
        return seen.exitCode() <= 128 || failed >= MAX_FAILED_STARTS;
    }

    /**
     * {@return the message of the {@code WorkerDiedException} for a death}
     *
     * @param seen what the worker saw
     * @param idle whether it held no chunk
     */
    static String describe(Seen seen, boolean idle) {
        String who = "worker JVM (pid " + seen.pid() + ")";
        if (seen.channelError() != null) {
            return who + " was stopped: " + seen.channelError();
        }
        if (seen.fatal() != null) {
            return who + " could not run its initializer";
        }
        if (seen.wasInitializing()) {
            return who + " died while running its initializer";
        }
        if (!seen.wasReady()) {
            return who + " died before it was ready";
        }
        return who + (idle ? " died while idle" : " died while running a task");
    }
}
