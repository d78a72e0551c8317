package dev.weft.core.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waits that an interrupt does not stop, for code that must wait anyway (a {@code close()}, the
 * clean-up after a cancellation): the wait goes on, and the interrupt flag is set again when it
 * is over, so the interrupt is deferred, never swallowed. Guava's {@code Uninterruptibles}, for
 * weft's own waits.
 *
 * <p>The flag is set at the end whether the interrupt came before the call (it is cleared on
 * entry, so the wait does not fail at once) or during it; a wait that throws something else still
 * sets it before the exception leaves. For a {@link java.util.concurrent.locks.Condition}, the
 * JDK's {@code awaitUninterruptibly()} already does this.
 */
public final class Uninterruptibly {
    private Uninterruptibly() {
    }

    /** A blocking wait that gives up with {@link InterruptedException}. */
    @FunctionalInterface
    public interface Wait {
        /**
         * Waits.
         *
         * @throws InterruptedException if interrupted while waiting
         */
        void await() throws InterruptedException;
    }

    /** A blocking wait with a timeout that gives up with {@link InterruptedException}. */
    @FunctionalInterface
    public interface TimedWait {
        /**
         * Waits at most {@code nanos} nanoseconds.
         *
         * @param nanos how long to wait at most; 0 means "do not wait, just look"
         * @return true if what it waited for happened, false if the time ran out
         * @throws InterruptedException if interrupted while waiting
         */
        boolean await(long nanos) throws InterruptedException;
    }

    /** A wait on some object, as a non-capturing lambda ({@code Thread::join}), so that it allocates nothing. */
    @FunctionalInterface
    private interface WaitOn<T> {
        void await(T target) throws InterruptedException;
    }

    /**
     * Runs {@code wait} to its end, calling it again after each interrupt. What it throws besides
     * {@code InterruptedException} leaves unchanged (the flag set first, if it was interrupted).
     *
     * @param wait the wait
     * @throws NullPointerException if {@code wait} is null
     */
    public static void run(Wait wait) {
        Objects.requireNonNull(wait, "wait");
        run(wait, Wait::await);
    }

    /** The one untimed loop: waits on {@code target} until the wait returns or throws something else. */
    private static <T> void run(T target, WaitOn<T> wait) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    wait.await(target);
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs {@code wait} until it succeeds or {@code timeout} has passed, calling it again with the
     * time left after each interrupt: an interrupt neither ends the wait early nor extends it.
     *
     * @param wait the wait
     * @param timeout how long to wait at most; zero or negative means "just look"
     * @return what the last call of {@code wait} returned: false if the time ran out
     * @throws NullPointerException if an argument is null
     */
    public static boolean run(TimedWait wait, Duration timeout) {
        Objects.requireNonNull(wait, "wait");
        long nanos = Durations.toTimeoutNanos(timeout);
        long deadline = Durations.deadlineAfter(nanos);
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return wait.await(nanos);
                } catch (InterruptedException e) {
                    interrupted = true;
                    nanos = Math.max(0L, deadline - System.nanoTime());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits until {@code thread} has terminated.
     *
     * @param thread the thread
     * @throws NullPointerException if {@code thread} is null
     */
    public static void join(Thread thread) {
        Objects.requireNonNull(thread, "thread");
        run(thread, Thread::join);
    }

    /**
     * Waits until {@code latch} has counted down to zero.
     *
     * @param latch the latch
     * @throws NullPointerException if {@code latch} is null
     */
    public static void await(CountDownLatch latch) {
        Objects.requireNonNull(latch, "latch");
        run(latch, CountDownLatch::await);
    }

    /**
     * Waits until {@code latch} has counted down to zero, or {@code timeout} has passed.
     *
     * @param latch the latch
     * @param timeout how long to wait at most; zero or negative means "just look"
     * @return true if the count reached zero, false if the time ran out first
     * @throws NullPointerException if an argument is null
     */
    public static boolean await(CountDownLatch latch, Duration timeout) {
        Objects.requireNonNull(latch, "latch");
        return run(nanos -> latch.await(nanos, TimeUnit.NANOSECONDS), timeout);
    }

    /**
     * Waits until {@code executor}, already shut down, has terminated.
     *
     * @param executor the executor; it must have been shut down, or this waits forever
     * @throws NullPointerException if {@code executor} is null
     */
    public static void awaitTermination(ExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        run(executor, e -> {
            while (!e.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
                // an executor may cap the wait; ask again
            }
        });
    }
}
