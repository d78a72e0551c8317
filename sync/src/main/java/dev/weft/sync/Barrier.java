package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.sync.internal.Identity;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A meeting point for a fixed number of threads, reusable round after round: Python's
 * {@code threading.Barrier}. Each of {@code parties} threads calls {@link #await()}; all are
 * released together when the last arrives.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=barrier}
 *
 * <p><b>Compared with</b> {@link java.util.concurrent.CyclicBarrier}:
 * <ul>
 *   <li>the arrival index follows CPython: {@code 0} is the <em>first</em> arrival and
 *       {@code parties - 1} the last (CyclicBarrier numbers them the other way round);</li>
 *   <li>{@link #abort()} breaks the barrier on purpose; a timeout breaks it and every waiter,
 *       the one that timed out included, gets {@link BrokenBarrierError} (unchecked);</li>
 *   <li>a default timeout may be given to the constructor;</li>
 *   <li>as in both, the action runs once per round in the last-arriving thread before anyone is
 *       released; if it throws, the barrier breaks and the exception reaches that thread;</li>
 *   <li>{@link #reset()} releases current waiters with {@code BrokenBarrierError} and makes the
 *       barrier usable again, also after it broke.</li>
 * </ul>
 * A thread interrupted while waiting breaks the barrier (the others get
 * {@code BrokenBarrierError}) and throws {@link InterruptedException}.
 *
 * <p>Memory consistency: actions of each party before {@code await()} happen-before the action,
 * which happens-before every party returns from {@code await()}.
 *
 * @since 0.1
 */
public final class Barrier {
    /** CPython's {@code _state} values. */
    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition changed = lock.newCondition();
    private final int parties;
    private final Runnable action;
    /** Default timeout in nanoseconds, or -1 for none. */
    private final long defaultNanos;
    // Guarded by lock.
    private State state = State.FILLING;
    private int count;

    /**
     * Creates a barrier for {@code parties} threads, with no action and no default timeout.
     *
     * @param parties how many threads meet, one or more
     * @throws IllegalArgumentException if {@code parties < 1}
     */
    public Barrier(int parties) {
        this(parties, () -> { }, -1L);
    }

    /**
     * Creates a barrier whose {@code action} runs once per round, in the last thread to arrive.
     *
     * @param parties how many threads meet, one or more
     * @param action what to run when all have arrived
     * @throws NullPointerException if {@code action} is null
     * @throws IllegalArgumentException if {@code parties < 1}
     */
    public Barrier(int parties, Runnable action) {
        this(parties, Objects.requireNonNull(action, "action"), -1L);
    }

    /**
     * Creates a barrier with an action and a default timeout for {@link #await()}:
     * {@code threading.Barrier(parties, action, timeout)}.
     *
     * @param parties how many threads meet, one or more
     * @param action what to run when all have arrived
     * @param timeout the timeout of {@link #await()}; zero or negative: a party that is not the
     *     last breaks the barrier at once
     * @throws NullPointerException if {@code action} or {@code timeout} is null
     * @throws IllegalArgumentException if {@code parties < 1}
     */
    public Barrier(int parties, Runnable action, Duration timeout) {
        this(parties, Objects.requireNonNull(action, "action"), Durations.toTimeoutNanos(timeout));
    }

    private Barrier(int parties, Runnable action, long defaultNanos) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be >= 1: " + parties);
        }
        this.parties = parties;
        this.action = action;
        this.defaultNanos = defaultNanos;
    }

    /**
     * Waits until all parties have arrived, or for the constructor's timeout if one was given.
     *
     * @return the arrival index: 0 for the first thread, {@code parties() - 1} for the last
     * @throws BrokenBarrierError if the barrier is or becomes broken, or the timeout passes
     * @throws InterruptedException if interrupted while waiting; the barrier is then broken
     */
    public int await() throws InterruptedException {
        return await(defaultNanos);
    }

    /**
     * Waits until all parties have arrived or {@code timeout} has passed.
     *
     * @param timeout how long to wait; zero or negative: break the barrier at once unless this
     *     thread is the last to arrive
     * @return the arrival index: 0 for the first thread, {@code parties() - 1} for the last
     * @throws NullPointerException if {@code timeout} is null
     * @throws BrokenBarrierError if the barrier is or becomes broken, or the timeout passes
     * @throws InterruptedException if interrupted while waiting; the barrier is then broken
     */
    public int await(Duration timeout) throws InterruptedException {
        return await(Durations.toTimeoutNanos(timeout));
    }

    private int await(long nanos) throws InterruptedException {
        lock.lock();
        try {
            // As CyclicBarrier: a party interrupted on its way in breaks the barrier, so the
            // others do not wait for it forever.
            if (Thread.interrupted()) {
                breakBarrier();
                throw new InterruptedException("interrupted on entry to Barrier.await");
            }
            try {
                enter();
            } catch (InterruptedException e) {
                breakBarrier();
                throw e;
            }
            int index = count++;
            try {
                if (index + 1 == parties) {
                    release();
                } else {
                    waitForRelease(nanos);
                }
                return index;
            } finally {
                count--;
                exit();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Blocks while the previous round drains or a reset is under way. */
    private void enter() throws InterruptedException {
        while (state == State.DRAINING || state == State.RESETTING) {
            changed.await();
        }
        if (state == State.BROKEN) {
            throw new BrokenBarrierError("barrier is broken");
        }
    }

    /** The last party: run the action, then let everyone go. */
    private void release() {
        try {
            action.run();
        } catch (RuntimeException | Error e) {
            breakBarrier();
            throw e;
        }
        state = State.DRAINING;
        changed.signalAll();
    }

    private void waitForRelease(long nanos) throws InterruptedException {
        boolean timed = nanos >= 0;
        try {
            while (state == State.FILLING) {
                if (!timed) {
                    changed.await();
                } else if (nanos <= 0) {
                    breakBarrier();
                    throw new BrokenBarrierError("barrier timed out");
                } else {
                    nanos = changed.awaitNanos(nanos);
                }
            }
        } catch (InterruptedException e) {
            if (state == State.FILLING) {
                breakBarrier();
                throw e;
            }
            // Released (or broken) in the same instant: keep the outcome, keep the flag.
            Thread.currentThread().interrupt();
        }
        if (state == State.BROKEN || state == State.RESETTING) {
            throw new BrokenBarrierError(state == State.RESETTING ? "barrier was reset" : "barrier is broken");
        }
    }

    /** The last party out of a round re-opens the barrier for the next one. */
    private void exit() {
        if (count == 0 && (state == State.DRAINING || state == State.RESETTING)) {
            state = State.FILLING;
            changed.signalAll();
        }
    }

    private void breakBarrier() {
        state = State.BROKEN;
        changed.signalAll();
    }

    /**
     * Returns the barrier to its initial state. Threads waiting now get
     * {@link BrokenBarrierError}; a broken barrier becomes usable again.
     */
    public void reset() {
        lock.lock();
        try {
            if (count > 0) {
                if (state == State.FILLING || state == State.BROKEN) {
                    state = State.RESETTING;
                }
            } else {
                state = State.FILLING;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Breaks the barrier: threads waiting now, and every later {@code await} until
     * {@link #reset()}, get {@link BrokenBarrierError}. Use it when a party cannot come, so the
     * others do not wait forever.
     */
    public void abort() {
        lock.lock();
        try {
            breakBarrier();
        } finally {
            lock.unlock();
        }
    }

    /** {@return whether the barrier is broken} */
    public boolean isBroken() {
        lock.lock();
        try {
            return state == State.BROKEN;
        } finally {
            lock.unlock();
        }
    }

    /** {@return how many threads must meet} */
    public int parties() {
        return parties;
    }

    /** {@return how many threads are waiting in the current round ({@code n_waiting})} */
    public int waiting() {
        lock.lock();
        try {
            return state == State.FILLING ? count : 0;
        } finally {
            lock.unlock();
        }
    }

    /** {@return CPython's repr, for example {@code <dev.weft.sync.Barrier object at 0x1b6d3586: waiters=2/3>}} */
    @Override
    public String toString() {
        lock.lock();
        try {
            String what = state == State.BROKEN ? "broken" : "waiters=" + (state == State.FILLING ? count : 0) + "/" + parties;
            return "<" + Identity.of(this) + ": " + what + ">";
        } finally {
            lock.unlock();
        }
    }
}
