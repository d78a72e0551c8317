package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.sync.internal.ConditionLock;
import dev.weft.sync.internal.ReleaseOnce;
import dev.weft.sync.internal.WaitQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A condition variable over a {@link Lock} or an {@link RLock}: Python's
 * {@code threading.Condition}. Threads holding the lock {@linkplain #await() wait} until another
 * thread holding it {@linkplain #signal() signals}; waiting releases the lock and re-takes it
 * before returning.
 *
 * <pre>{@code
 * Condition ready = new Condition();             // threading.Condition(), over its own RLock
 * // consumer
 * try (Guard g = ready.hold()) {
 *     ready.awaitUntil(() -> !items.isEmpty());  // cv.wait_for(lambda: items)
 *     take(items.remove(0));
 * }
 * // producer
 * try (Guard g = ready.hold()) {
 *     items.add(x);
 *     ready.signal();                            // Python: cv.notify
 * }
 * }</pre>
 *
 * <p><b>As in CPython</b> (and unlike {@link java.util.concurrent.locks.Condition}):
 * <ul>
 *   <li>{@link #signal(int) signal(n)} wakes exactly {@code n} waiters (fewer if fewer wait), the
 *       longest-waiting first;</li>
 *   <li>there are no spurious wake-ups: {@link #await(Duration)} returns {@code true} only when
 *       signalled and {@code false} only when the time ran out;</li>
 *   <li>{@link #awaitUntil(BooleanSupplier, Duration)} is {@code wait_for}: it returns the
 *       predicate's last value;</li>
 *   <li>the lock may be an owner-less {@link Lock}. Then, as CPython does, "held" means "locked
 *       by some thread": the check cannot tell which thread took it.</li>
 * </ul>
 * Python's {@code wait}/{@code notify}/{@code notify_all} are {@code await}/{@code signal}/
 * {@code signalAll} here, because {@link Object} owns the Python names.
 *
 * <p><b>Interruption.</b> A waiter interrupted before it is signalled re-takes the lock and throws
 * {@link InterruptedException}; the signal it did not get goes to another waiter. A waiter
 * interrupted after it was signalled returns normally with its interrupt flag set, so a signal is
 * never lost. Re-taking the lock after a wait is not interruptible, as in
 * {@code java.util.concurrent}.
 *
 * <p>Memory consistency: what a thread did before {@code signal} (while holding the lock)
 * happens-before the signalled thread returns from {@code await}.
 */
public final class Condition {
    /** The lock, for {@link #toString()}. */
    private final Object lock;
    /** The operations on the lock that this condition uses, the same for either kind of lock. */
    private final ConditionLock owner;
    private final WaitQueue waiters = new WaitQueue();

    /** Creates a condition with its own new {@link RLock}, like {@code threading.Condition()}. */
    public Condition() {
        this(new RLock());
    }

    /**
     * Creates a condition over a reentrant lock; the lock may also be used directly.
     *
     * @param lock the lock
     * @throws NullPointerException if {@code lock} is null
     */
    public Condition(RLock lock) {
        // Arguments are evaluated left to right: the null check comes before the method references.
        this(Objects.requireNonNull(lock, "lock"), ConditionLock.of(lock::acquire, lock::acquire,
                lock::tryAcquire, lock::release, lock::isHeldByCurrentThread, lock::releaseAll,
                lock::acquireUninterruptibly));
    }

    /**
     * Creates a condition over a plain, owner-less lock, as {@code threading.Condition(Lock())}.
     *
     * @param lock the lock
     * @throws NullPointerException if {@code lock} is null
     */
    public Condition(Lock lock) {
        // A Lock is held once or not at all: "release all" releases it once, and "held" means
        // "locked by any thread", as in CPython.
        this(Objects.requireNonNull(lock, "lock"), ConditionLock.of(lock::acquire, lock::acquire,
                lock::tryAcquire, lock::release, lock::isLocked,
                () -> {
                    lock.release();
                    return 1;
                },
                saved -> lock.acquireUninterruptibly()));
    }

    private Condition(Object lock, ConditionLock owner) {
        this.lock = lock;
        this.owner = owner;
    }

    /**
     * Takes the underlying lock, as {@link Lock#acquire()} or {@link RLock#acquire()}.
     *
     * @throws InterruptedException if interrupted while waiting for the lock
     */
    public void acquire() throws InterruptedException {
        owner.acquire();
    }

    /**
     * Takes the underlying lock, waiting at most {@code timeout}.
     *
     * @param timeout how long to wait; zero or negative means "do not wait"
     * @return whether the lock was taken
     * @throws NullPointerException if {@code timeout} is null
     * @throws InterruptedException if interrupted while waiting for the lock
     */
    public boolean acquire(Duration timeout) throws InterruptedException {
        return owner.acquire(timeout);
    }

    /** {@return whether the underlying lock was taken; never waits} */
    public boolean tryAcquire() {
        return owner.tryAcquire();
    }

    /**
     * Releases the underlying lock (one hold of an {@link RLock}).
     *
     * @throws IllegalMonitorStateException if the lock is an {@code RLock} the calling thread
     *     does not hold
     * @throws IllegalStateException if the lock is a {@code Lock} that is not locked
     */
    public void release() {
        owner.release();
    }

    /**
     * Takes the underlying lock and returns a guard that releases it: {@code with cond:}.
     *
     * @return the guard, for try-with-resources
     * @throws InterruptedException if interrupted while waiting for the lock
     */
    public Guard hold() throws InterruptedException {
        owner.acquire();
        return new ReleaseOnce(owner::release);
    }

    /**
     * Releases the lock, waits until signalled, and re-takes the lock (every hold of an
     * {@code RLock}) before returning.
     *
     * @throws IllegalMonitorStateException if the lock is not held (CPython's {@code RuntimeError})
     * @throws InterruptedException if interrupted before being signalled; the lock is held again
     */
    public void await() throws InterruptedException {
        awaitNanos(0L, false);
    }

    /**
     * As {@link #await()}, giving up after {@code timeout}.
     *
     * @param timeout how long to wait; zero or negative: release and re-take the lock at once
     * @return {@code true} if signalled, {@code false} if the time ran out
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalMonitorStateException if the lock is not held
     * @throws InterruptedException if interrupted before being signalled; the lock is held again
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return awaitNanos(Durations.toTimeoutNanos(timeout), true);
    }

    /**
     * Waits until {@code predicate} is true: {@code wait_for(predicate)}. The predicate is
     * evaluated with the lock held, first before waiting at all, then after each wake-up.
     *
     * @param predicate the condition to wait for
     * @throws NullPointerException if {@code predicate} is null
     * @throws IllegalMonitorStateException if the lock is not held
     * @throws InterruptedException if interrupted while waiting; the lock is held again
     */
    public void awaitUntil(BooleanSupplier predicate) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        checkOwned();
        while (!predicate.getAsBoolean()) {
            await();
        }
    }

    /**
     * Waits until {@code predicate} is true or {@code timeout} has passed:
     * {@code wait_for(predicate, timeout)}. Signals that come while the predicate is still false
     * do not end the wait; only the deadline does.
     *
     * @param predicate the condition to wait for, evaluated with the lock held
     * @param timeout how long to wait in total; zero or negative: evaluate once, do not wait
     * @return the predicate's last value: {@code false} means the time ran out
     * @throws NullPointerException if an argument is null
     * @throws IllegalMonitorStateException if the lock is not held
     * @throws InterruptedException if interrupted while waiting; the lock is held again
     */
    public boolean awaitUntil(BooleanSupplier predicate, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(predicate, "predicate");
        long nanos = Durations.toTimeoutNanos(timeout);
        checkOwned();
        long deadline = Durations.deadlineAfter(nanos);
        boolean result = predicate.getAsBoolean();
        while (!result) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            awaitNanos(left, true);
            result = predicate.getAsBoolean();
        }
        return result;
    }

    /**
     * Wakes the longest-waiting thread, if any. It returns from {@code await} once it has re-taken
     * the lock, so not before the caller releases it.
     *
     * @throws IllegalMonitorStateException if the lock is not held
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes exactly {@code n} waiting threads, oldest first, or all of them if fewer wait:
     * {@code notify(n)}. Zero wakes none.
     *
     * @param n how many to wake
     * @throws IllegalArgumentException if {@code n} is negative
     * @throws IllegalMonitorStateException if the lock is not held
     */
    public void signal(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        checkOwned();
        waiters.signal(n);
    }

    /**
     * Wakes every waiting thread: {@code notify_all()}.
     *
     * @throws IllegalMonitorStateException if the lock is not held
     */
    public void signalAll() {
        checkOwned();
        waiters.signalAll();
    }

    /**
     * {@return CPython's repr: the lock's text and the number of waiters, for example
     * {@code <Condition(<unlocked dev.weft.sync.RLock object owner=None count=0 at 0x1b6d3586>, 0)>}}
     */
    @Override
    public String toString() {
        return "<Condition(" + lock + ", " + waiters.size() + ")>";
    }

    /** {@return how many threads wait now; tests use it to know when every waiter is queued} */
    int waiting() {
        return waiters.size();
    }

    private void checkOwned() {
        if (!owner.isOwned()) {
            throw new IllegalMonitorStateException("cannot wait on or notify an un-acquired lock");
        }
    }

    private boolean awaitNanos(long nanos, boolean timed) throws InterruptedException {
        checkOwned();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        WaitQueue.Waiter me = waiters.enqueue();
        int saved = owner.releaseSave();
        boolean signalled;
        boolean interrupted = false;
        try {
            long deadline = timed ? Durations.deadlineAfter(nanos) : 0L;
            while (true) {
                if (me.isSignalled()) {
                    signalled = true;
                    break;
                }
                if (Thread.interrupted()) {
                    interrupted = true;
                    signalled = !waiters.cancel(me);
                    break;
                }
                if (timed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        signalled = !waiters.cancel(me);
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            owner.restore(saved);
        }
        if (interrupted) {
            if (!signalled) {
                throw new InterruptedException();
            }
            Thread.currentThread().interrupt();
        }
        return signalled;
    }
}
