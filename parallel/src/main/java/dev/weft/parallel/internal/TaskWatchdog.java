package dev.weft.parallel.internal;

import dev.weft.core.internal.Uninterruptibly;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The task timeout of a process pool: a thread that asks each worker, a few times per timeout,
 * whether the task it runs has run longer than the timeout (the worker then kills its child).
 *
 * <pre>{@code
 * TaskWatchdog dog = TaskWatchdog.start(pool, "weft-processes-1-watchdog", Duration.ofSeconds(5), this::workers);
 * dog.stop();   // returns when its thread has ended
 * }</pre>
 */
final class TaskWatchdog {
    private static final long MIN_PERIOD_NANOS = 5_000_000L;
    private static final long MAX_PERIOD_NANOS = 250_000_000L;

    /** What the watchdog watches: a worker and the task it runs. */
    @FunctionalInterface
    interface Watched {
        /**
         * Stops the task if it has run longer than {@code limitNanos}.
         *
         * @param nowNanos {@link System#nanoTime()} now
         * @param limitNanos the timeout
         */
        void checkTimeout(long nowNanos, long limitNanos);
    }

    private final ScheduledExecutorService executor;
    private final AtomicReference<Thread> thread;

    private TaskWatchdog(ScheduledExecutorService executor, AtomicReference<Thread> thread) {
        this.executor = executor;
        this.thread = thread;
    }

    /**
     * Starts watching.
     *
     * @param owner the pool its thread works for ({@link WorkerThreads})
     * @param name its thread's name
     * @param timeout how long a task may run, positive
     * @param watched what to check, asked afresh each time
     * @return the running watchdog
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    static TaskWatchdog start(Object owner, String name, Duration timeout, Supplier<List<? extends Watched>> watched) {
        Objects.requireNonNull(watched, "watched");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        long limit = timeout.toNanos();
        long period = periodNanos(limit);
        AtomicReference<Thread> thread = new AtomicReference<>();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread made = WorkerThreads.newThread(owner, name, task);
            thread.set(made);
            return made;
        });
        executor.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            for (Watched one : watched.get()) {
                one.checkTimeout(now, limit);
            }
        }, period, period, TimeUnit.NANOSECONDS);
        return new TaskWatchdog(executor, thread);
    }

    /**
     * {@return how often a timeout of {@code limitNanos} is checked: a quarter of it, between 5 ms
     * and 250 ms}
     *
     * @param limitNanos the timeout
     */
    static long periodNanos(long limitNanos) {
        return Math.max(MIN_PERIOD_NANOS, Math.min(MAX_PERIOD_NANOS, limitNanos / 4));
    }

    /** Stops watching; returns when the thread has ended (an interrupt does not stop the wait, and is restored). */
    void stop() {
        executor.shutdownNow();
        AbstractPool.awaitTerminated(executor);
        // A terminated executor's thread may still be on its way out: wait until it is dead.
        Thread ended = thread.get();
        if (ended == null || ended == Thread.currentThread()) {
            return;
        }
        Uninterruptibly.join(ended);
    }
}
