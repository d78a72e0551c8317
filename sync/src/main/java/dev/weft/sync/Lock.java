package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.core.internal.jfr.LockWaitEvent;
import dev.weft.core.internal.jfr.LockWaits;
import dev.weft.sync.internal.Identity;
import dev.weft.sync.internal.ReleaseOnce;
import java.io.Serial;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * A mutual-exclusion lock with no owner: Python's {@code threading.Lock}. It is not reentrant (a
 * thread that acquires it twice blocks on the second call) and <em>any</em> thread may release
 * it, which makes it usable as a one-slot hand-off between threads.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=lock}
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
 * <p><b>Also a {@link java.util.concurrent.locks.Lock}</b>, for code written against
 * {@code java.util.concurrent}: {@link #lock()} waits without giving up on an interrupt (the flag
 * stays set), {@link #lockInterruptibly()}, {@link #tryLock()} and {@link #tryLock(long, TimeUnit)}
 * behave as {@code ReentrantLock}'s do (an interrupt already pending throws, even on a free lock),
 * and {@link #newCondition()} gives a weft {@link Condition} over this lock. The restrictions this
 * implementation places on that interface: it is not reentrant, and {@link #unlock()} may be
 * called by any thread, as {@code release()} may. The two differ only in their error:
 * {@code release()} of an unlocked lock throws {@link IllegalStateException} (Python's
 * {@code RuntimeError}), {@code unlock()} throws {@link IllegalMonitorStateException}, as every
 * {@code java.util.concurrent} lock does.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=lock-jdk}
 *
 * <p>Having no owner, a {@code Lock} is invisible to the JVM's lock diagnostics: {@code jstack -l}
 * shows a thread waiting for it ("parking to wait for ... Lock$Sync") but lists no thread as
 * holding it, and {@code ThreadMXBean.findDeadlockedThreads()} cannot see a deadlock through it.
 * Use an {@link RLock} where an owner exists and deadlocks must be found.
 *
 * <p>Memory consistency: actions before a {@code release()} happen-before the {@code acquire()}
 * that takes the lock next, whichever threads do them.
 *
 * @since 0.1
 */
public final class Lock implements java.util.concurrent.locks.Lock {
    private final Sync sync = new Sync();

    /** Creates an unlocked lock. */
    public Lock() {
    }

    /**
     * State 0 = unlocked, 1 = locked; no owner is recorded. The argument of {@code release} says
     * which method releases, so that each throws its own exception for an unlocked lock.
     */
    private static final class Sync extends AbstractQueuedSynchronizer {
        @Serial
        private static final long serialVersionUID = 1L;
        static final int BY_RELEASE = 1;
        static final int BY_UNLOCK = 2;

        @Override
        protected boolean tryAcquire(int ignored) {
            return compareAndSetState(0, 1);
        }

        @Override
        protected boolean tryRelease(int by) {
            if (!compareAndSetState(1, 0)) {
                throw by == BY_UNLOCK
                        ? new IllegalMonitorStateException("unlock of an unlocked lock")
                        : new IllegalStateException("release unlocked lock");
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
            LockWaitEvent wait = LockWaits.begin();
            try {
                sync.acquireInterruptibly(1);
            } catch (InterruptedException e) {
                LockWaits.end(wait, "Lock", "acquire", this, LockWaits.INTERRUPTED);
                throw e;
            }
            LockWaits.end(wait, "Lock", "acquire", this);
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
        return nanos > 0 && timedAcquire(nanos);
    }

    /** The slow path of the timed acquires: waits at most {@code nanos} (0 or less: not at all), reported as a lock wait. */
    private boolean timedAcquire(long nanos) throws InterruptedException {
        LockWaitEvent wait = nanos > 0 ? LockWaits.begin() : null;
        boolean acquired;
        try {
            acquired = sync.tryAcquireNanos(1, nanos);
        } catch (InterruptedException e) {
            LockWaits.end(wait, "Lock", "acquire", this, LockWaits.INTERRUPTED);
            throw e;
        }
        return LockWaits.end(wait, "Lock", "acquire", this, acquired);
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
        sync.release(Sync.BY_RELEASE);
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

    /**
     * Takes the lock, waiting as long as it takes even if the thread is interrupted: the
     * interrupt flag is still set when it returns. Prefer {@link #acquire()}, which an interrupt
     * can cancel.
     */
    @Override
    public void lock() {
        if (!sync.tryAcquire(1)) {
            LockWaitEvent wait = LockWaits.begin();
            sync.acquire(1);
            LockWaits.end(wait, "Lock", "lock", this);
        }
    }

    /**
     * Takes the lock unless the thread is interrupted, before or while waiting:
     * {@link #acquire()} under its {@code java.util.concurrent} name, except that an interrupt
     * already pending throws even when the lock is free (as {@code ReentrantLock} does).
     *
     * @throws InterruptedException if the thread is interrupted on entry or while waiting; the
     *     lock is then not taken
     */
    @Override
    public void lockInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException(); // pending: thrown even when the lock is free
        }
        if (!sync.tryAcquire(1)) {
            LockWaitEvent wait = LockWaits.begin();
            try {
                sync.acquireInterruptibly(1);
            } catch (InterruptedException e) {
                LockWaits.end(wait, "Lock", "lockInterruptibly", this, LockWaits.INTERRUPTED);
                throw e;
            }
            LockWaits.end(wait, "Lock", "lockInterruptibly", this);
        }
    }

    /** {@return {@code true} if the lock was free and is now taken; never waits} As {@link #tryAcquire()}. */
    @Override
    public boolean tryLock() {
        return sync.tryAcquire(1);
    }

    /**
     * Takes the lock, waiting at most {@code time}: {@link #acquire(Duration)} in
     * {@code java.util.concurrent}'s form.
     *
     * @param time how long to wait; zero or negative means "do not wait"
     * @param unit the unit of {@code time}
     * @return {@code true} if the lock was taken, {@code false} if the time ran out
     * @throws NullPointerException if {@code unit} is null
     * @throws InterruptedException if the thread is interrupted on entry (even if the lock is
     *     free) or while waiting; the lock is then not taken
     */
    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return sync.tryAcquire(1) || timedAcquire(unit.toNanos(time));
    }

    /**
     * Releases the lock: {@link #release()} with {@code java.util.concurrent}'s error. Any thread
     * may call it.
     *
     * @throws IllegalMonitorStateException if the lock is not locked
     */
    @Override
    public void unlock() {
        sync.release(Sync.BY_UNLOCK);
    }

    /**
     * {@return a new weft {@link Condition} over this lock, as {@code new Condition(this)}} Its
     * waits need the lock to be locked, by any thread, as CPython's {@code Condition(Lock())}.
     */
    @Override
    public Condition newCondition() {
        return new Condition(this);
    }

    /** {@return CPython's repr, for example {@code <locked dev.weft.sync.Lock object at 0x1b6d3586>}} */
    @Override
    public String toString() {
        return "<" + (isLocked() ? "locked " : "unlocked ") + Identity.of(this) + ">";
    }
}
