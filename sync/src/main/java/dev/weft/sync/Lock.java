package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.sync.internal.Identity;
import dev.weft.sync.internal.ReleaseOnce;
import java.io.Serial;
import java.time.Duration;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A mutual-exclusion lock with no owner: Python's {@code threading.Lock}. It is not reentrant (a
 * thread that acquires it twice blocks on the second call) and <em>any</em> thread may release
 * it, which makes it usable as a one-slot hand-off between threads.
 *
 * <pre>{@code
 * Lock lock = new Lock();
 * try (Guard g = lock.hold()) {          // with lock:
 *     balance += amount;
 * }
 * if (lock.acquire(Duration.ofMillis(50))) {   // lock.acquire(timeout=0.05)
 *     try { ... } finally { lock.release(); }
 * }
 * }</pre>
 *
 * <p><b>Compared with</b> {@link java.util.concurrent.locks.ReentrantLock}: that lock is
 * reentrant and only its owner may unlock it. Compared with {@code new Semaphore(1)} of
 * {@code java.util.concurrent}: a second {@code release()} there silently raises the count to 2;
 * here it throws {@link IllegalStateException}, as CPython raises {@code RuntimeError}.
 *
 * <p>Acquisition is not fair (a newcomer may barge ahead of a parked thread), like CPython's and
 * like {@code ReentrantLock}'s default. Blocking acquisitions are interruptible. A virtual thread
 * that waits for the lock parks without pinning its carrier.
 *
 * <p>Memory consistency: actions before a {@code release()} happen-before the {@code acquire()}
 * that takes the lock next, whichever threads do them.
 */
public final class Lock {
    private final Sync sync = new Sync();

    /** Creates an unlocked lock. */
    public Lock() {
    }

    /** State 0 = unlocked, 1 = locked; no owner is recorded. */
    private static final class Sync extends AbstractQueuedSynchronizer {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean tryAcquire(int ignored) {
            return compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int ignored) {
            if (!compareAndSetState(1, 0)) {
                throw new IllegalStateException("release unlocked lock");
            }
            return true;
        }

        boolean locked() {
            return getState() != 0;
        }
    }

    /**
     * Blocks until the lock is free, then takes it.
     *
     * @throws InterruptedException if the thread is interrupted while waiting (the lock is then
     *     not taken)
     */
    public void acquire() throws InterruptedException {
        if (!sync.tryAcquire(1)) {
            sync.acquireInterruptibly(1);
        }
    }

    /**
     * Takes the lock, waiting at most {@code timeout} for it.
     *
     * @param timeout how long to wait; zero or negative means "do not wait" (Python's
     *     {@code blocking=False}); a huge value is as good as forever
     * @return {@code true} if the lock was taken, {@code false} if the time ran out
     * @throws NullPointerException if {@code timeout} is null
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public boolean acquire(Duration timeout) throws InterruptedException {
        long nanos = Durations.toTimeoutNanos(timeout);
        if (sync.tryAcquire(1)) {
            return true;
        }
        return nanos > 0 && sync.tryAcquireNanos(1, nanos);
    }

    /** {@return {@code true} if the lock was free and is now taken; never waits} */
    public boolean tryAcquire() {
        return sync.tryAcquire(1);
    }

    /**
     * Releases the lock. Any thread may call it, not only the one that acquired.
     *
     * @throws IllegalStateException if the lock is not locked (CPython's {@code RuntimeError})
     */
    public void release() {
        sync.release(1);
    }

    /** {@return whether some thread holds the lock now} */
    public boolean isLocked() {
        return sync.locked();
    }

    /**
     * Acquires the lock and returns a guard whose {@code close()} releases it.
     *
     * @return the guard, for try-with-resources
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public Guard hold() throws InterruptedException {
        acquire();
        return new ReleaseOnce(this::release);
    }

    /** Waits for the lock without ever giving up: Condition's re-acquisition after a wait. */
    void acquireUninterruptibly() {
        sync.acquire(1);
    }

    /** {@return CPython's repr, for example {@code <locked dev.weft.sync.Lock object at 0x1b6d3586>}} */
    @Override
    public String toString() {
        return "<" + (isLocked() ? "locked " : "unlocked ") + Identity.of(this) + ">";
    }
}
