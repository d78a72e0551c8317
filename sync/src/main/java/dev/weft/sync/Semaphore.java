package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.core.internal.jfr.LockWaitEvent;
import dev.weft.core.internal.jfr.LockWaits;
import dev.weft.sync.internal.Identity;
import dev.weft.sync.internal.ReleaseOnce;
import java.io.Serial;
import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A counting semaphore: Python's {@code threading.Semaphore}. {@link #acquire()} takes one
 * permit, waiting while there is none; {@link #release()} gives one back and wakes a waiter.
 * Permits have no owner: any thread may release.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=semaphore}
 *
 * <p><b>Compared with</b> {@link java.util.concurrent.Semaphore}: the initial value may not be
 * negative (CPython raises {@code ValueError}; here {@link IllegalArgumentException}), and
 * {@link #release(int) release(n)} wants {@code n >= 1}. Releasing more than was acquired raises
 * the value above its initial one, as in both originals; {@link BoundedSemaphore} refuses that.
 * Acquisition is not fair (a newcomer may take a permit before a parked thread), as with the
 * default {@code java.util.concurrent.Semaphore}.
 *
 * <p>Memory consistency: actions before a {@code release()} happen-before a successful
 * {@code acquire()} in another thread.
 *
 * @since 0.1
 */
public sealed class Semaphore permits BoundedSemaphore {
    private final Sync sync;

    /** Creates a semaphore with one permit: {@code threading.Semaphore()}. */
    public Semaphore() {
        this(1);
    }

    /**
     * Creates a semaphore with {@code value} permits.
     *
     * @param value the initial number of permits; zero makes every acquire wait for a release
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Semaphore(int value) {
        this(value, Integer.MAX_VALUE);
    }

    Semaphore(int value, int bound) {
        if (value < 0) {
            throw new IllegalArgumentException("semaphore initial value must be >= 0: " + value);
        }
        this.sync = new Sync(value, bound);
    }

    /** State = permits available; a release may not push it above {@code bound}. */
    private static final class Sync extends AbstractQueuedSynchronizer {
        @Serial
        private static final long serialVersionUID = 1L;
        private final int bound;

        Sync(int permits, int bound) {
            this.bound = bound;
            setState(permits);
        }

        @Override
        protected int tryAcquireShared(int n) {
            for (;;) {
                int available = getState();
                int left = available - n;
                if (left < 0 || compareAndSetState(available, left)) {
                    return left;
                }
            }
        }

        @Override
        protected boolean tryReleaseShared(int n) {
            for (;;) {
                int current = getState();
                int next = current + n;
                if (next < 0 || next > bound) {
                    throw next < 0 || bound == Integer.MAX_VALUE
                            ? new IllegalStateException("semaphore value would overflow: " + current + " + " + n)
                            : new IllegalStateException("Semaphore released too many times: value " + current
                                    + " + " + n + " > " + bound);
                }
                if (compareAndSetState(current, next)) {
                    return true;
                }
            }
        }

        int value() {
            return getState();
        }
    }

    /**
     * Takes one permit, waiting until one is available.
     *
     * @throws InterruptedException if interrupted while waiting (no permit is then taken)
     */
    public void acquire() throws InterruptedException {
        if (sync.tryAcquireShared(1) < 0) {
            LockWaitEvent wait = LockWaits.begin();
            try {
                sync.acquireSharedInterruptibly(1);
            } catch (InterruptedException e) {
                LockWaits.end(wait, "Semaphore", "acquire", this, LockWaits.INTERRUPTED);
                throw e;
            }
            LockWaits.end(wait, "Semaphore", "acquire", this);
        }
    }

    /**
     * Takes one permit, waiting at most {@code timeout}.
     *
     * @param timeout how long to wait; zero or negative means "do not wait"
     * @return whether a permit was taken
     * @throws NullPointerException if {@code timeout} is null
     * @throws InterruptedException if interrupted while waiting (no permit is then taken)
     */
    public boolean acquire(Duration timeout) throws InterruptedException {
        long nanos = Durations.toTimeoutNanos(timeout);
        if (sync.tryAcquireShared(1) >= 0) {
            return true;
        }
        if (nanos <= 0) {
            return false;
        }
        LockWaitEvent wait = LockWaits.begin();
        boolean acquired;
        try {
            acquired = sync.tryAcquireSharedNanos(1, nanos);
        } catch (InterruptedException e) {
            LockWaits.end(wait, "Semaphore", "acquire", this, LockWaits.INTERRUPTED);
            throw e;
        }
        return LockWaits.end(wait, "Semaphore", "acquire", this, acquired);
    }

    /** {@return whether a permit was available and is now taken; never waits} */
    public boolean tryAcquire() {
        return sync.tryAcquireShared(1) >= 0;
    }

    /**
     * Gives back one permit, waking a waiter if there is one.
     *
     * @throws IllegalStateException if the value would pass its bound (a {@link BoundedSemaphore}'s
     *     initial value, or {@code Integer.MAX_VALUE}); the value is then unchanged
     */
    public void release() {
        sync.releaseShared(1);
    }

    /**
     * Gives back {@code n} permits at once, waking up to {@code n} waiters.
     *
     * @param n how many permits, one or more
     * @throws IllegalArgumentException if {@code n < 1} (CPython: "n must be one or more")
     * @throws IllegalStateException if the value would pass its bound; the value is then unchanged
     *     and no waiter is woken
     */
    public void release(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be one or more: " + n);
        }
        sync.releaseShared(n);
    }

    /** {@return the number of permits available now} */
    public int value() {
        return sync.value();
    }

    /**
     * Takes one permit and returns a guard that gives it back: {@code with semaphore:}.
     *
     * @return the guard, for try-with-resources
     * @throws InterruptedException if interrupted while waiting
     */
    public Guard hold() throws InterruptedException {
        acquire();
        return new ReleaseOnce(this::release);
    }

    /** {@return CPython's repr, for example {@code <dev.weft.sync.Semaphore object at 0x1b6d3586: value=2>}} */
    @Override
    public String toString() {
        return "<" + Identity.of(this) + ": value=" + valueText() + ">";
    }

    String valueText() {
        return Integer.toString(value());
    }
}
