package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.sync.internal.Identity;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A flag that threads wait for: Python's {@code threading.Event}. {@link #set()} raises it and
 * wakes every waiter; {@link #clear()} lowers it again, so unlike a latch the event can be
 * reused.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=event}
 *
 * <p><b>The wake-up rule</b> (CPython issue 13502): a thread woken by {@code set()} returns
 * {@code true} even if {@code clear()} follows before it runs. Each {@code set()} opens a new
 * generation, and a waiter returns as soon as the flag is up <em>or</em> its generation has
 * passed, so a quick {@code set(); clear();} never strands anyone.
 *
 * <p><b>Compared with</b> {@link java.util.concurrent.CountDownLatch}{@code (1)}: a latch opens
 * once and forever; an event can be cleared and set again, and {@link #await(Duration)} tells
 * whether it was set. {@link #isSet()} is a single volatile read.
 *
 * <p>Memory consistency: actions before {@code set()} happen-before every {@code await} that
 * returns {@code true} because of it.
 *
 * @since 0.1
 */
public final class Event {
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.concurrent.locks.Condition changed = lock.newCondition();
    private volatile boolean flag;
    /** Incremented by each set() that raises the flag; guarded by {@code lock}. */
    private long generation;

    /** Creates an event whose flag is down. */
    public Event() {
    }

    /** {@return whether the flag is up} */
    public boolean isSet() {
        return flag;
    }

    /** Raises the flag and wakes every waiting thread; does nothing if it is already up. */
    public void set() {
        if (flag) {
            return;
        }
        lock.lock();
        try {
            if (!flag) {
                flag = true;
                generation++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lowers the flag: later {@code await} calls wait for the next {@link #set()}. */
    public void clear() {
        if (!flag) {
            return;
        }
        lock.lock();
        try {
            flag = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the flag is up; returns at once if it already is.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        if (flag) {
            return;
        }
        lock.lockInterruptibly();
        try {
            long mine = generation;
            while (!flag && generation == mine) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits at most {@code timeout} for the flag.
     *
     * @param timeout how long to wait; zero or negative means "do not wait", just read the flag
     * @return {@code true} if the flag is up or a {@code set()} happened while waiting;
     *     {@code false} only if the time ran out
     * @throws NullPointerException if {@code timeout} is null
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean await(Duration timeout) throws InterruptedException {
        long nanos = Durations.toTimeoutNanos(timeout);
        if (flag) {
            return true;
        }
        if (nanos <= 0) {
            return false;
        }
        lock.lockInterruptibly();
        try {
            long mine = generation;
            while (!flag && generation == mine) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** {@return CPython's repr, for example {@code <dev.weft.sync.Event object at 0x1b6d3586: set>}} */
    @Override
    public String toString() {
        return "<" + Identity.of(this) + ": " + (flag ? "set" : "unset") + ">";
    }
}
