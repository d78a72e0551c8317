package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.core.internal.jfr.LockWaitEvent;
import dev.weft.core.internal.jfr.LockWaits;
import dev.weft.sync.internal.ConditionLock;
import dev.weft.sync.internal.ReleaseOnce;
import dev.weft.sync.internal.WaitQueue;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A condition variable over a {@link Lock} or an {@link RLock}: Python's
 * {@code threading.Condition}. Threads holding the lock {@linkplain #await() wait} until another
 * thread holding it {@linkplain #signal() signals}; waiting releases the lock and re-takes it
 * before returning.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=condition}
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
 * <p><b>Also a {@link java.util.concurrent.locks.Condition}</b>, for code written against
 * {@code java.util.concurrent}, with the stronger guarantees above (no spurious wake-ups, FIFO
 * signals): {@link #await(long, TimeUnit)} and {@link #awaitUntil(Date)} return {@code true} when
 * signalled and {@code false} when the time ran out, {@link #awaitNanos(long)} returns a positive
 * estimate of the time left when signalled and zero or less when the time ran out, and
 * {@link #awaitUninterruptibly()} waits for a signal whatever interrupts come, then returns with
 * the interrupt flag set if one came. {@link Lock#newCondition()} and {@link RLock#newCondition()}
 * make one. Two names are shared with that interface: {@code awaitUntil(BooleanSupplier)} is
 * Python's {@code wait_for}, {@code awaitUntil(Date)} the JDK's deadline wait; they are overloads,
 * so a literal {@code null} argument needs a cast to say which one.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=condition-jdk}
 *
 * <p>Memory consistency: what a thread did before {@code signal} (while holding the lock)
 * happens-before the signalled thread returns from {@code await}.
 *
 * @since 0.1
 */
public final class Condition implements java.util.concurrent.locks.Condition {
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
                saved -> lock.lock()));
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
    @Override
    public void await() throws InterruptedException {
        awaitInterruptibly(0L, false);
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
        return awaitInterruptibly(Durations.toTimeoutNanos(timeout), true);
    }

    /**
     * As {@link #await(Duration)}, in {@code java.util.concurrent}'s form.
     *
     * @param time how long to wait; zero or negative: release and re-take the lock at once
     * @param unit the unit of {@code time}
     * @return {@code true} if signalled, {@code false} if the time ran out
     * @throws NullPointerException if {@code unit} is null
     * @throws IllegalMonitorStateException if the lock is not held
     * @throws InterruptedException if interrupted before being signalled; the lock is held again
     */
    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        return awaitInterruptibly(Math.max(0L, unit.toNanos(time)), true);
    }

    /**
     * As {@link #await(Duration)}, returning the time left.
     *
     * @param nanosTimeout how long to wait, in nanoseconds; zero or negative: release and re-take
     *     the lock at once
     * @return when signalled, an estimate of {@code nanosTimeout} minus the time spent waiting,
     *     and at least 1 (a signal that came just at the deadline is still reported); when the time
     *     ran out, zero or less
     * @throws IllegalMonitorStateException if the lock is not held
     * @throws InterruptedException if interrupted before being signalled; the lock is held again
     */
    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        long nanos = Math.max(0L, nanosTimeout);
        long deadline = Durations.deadlineAfter(nanos);
        boolean signalled = awaitInterruptibly(nanos, true);
        long left = deadline - System.nanoTime();
        return signalled ? Math.max(1L, left) : Math.min(0L, left);
    }

    /**
     * Waits until signalled, whatever interrupts come; returns with the interrupt flag set if the
     * thread was interrupted before or during the wait. The lock is held again on return.
     *
     * @throws IllegalMonitorStateException if the lock is not held
     */
    @Override
    public void awaitUninterruptibly() {
        checkOwned();
        int outcome = park(0L, false, false);
        if ((outcome & INTERRUPTED) != 0) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * As {@link #await(Duration)}, until a wall-clock deadline: the JDK's overload of the name,
     * next to Python's {@link #awaitUntil(BooleanSupplier)}. The time left is read from
     * {@link System#currentTimeMillis()} once, at the call; the wait itself runs on
     * {@link System#nanoTime()}, so a later change of the wall clock does not move it.
     *
     * @param deadline when to give up; a deadline already past: release and re-take the lock at
     *     once, then return {@code false}
     * @return {@code true} if signalled, {@code false} if the deadline passed
     * @throws NullPointerException if {@code deadline} is null
     * @throws IllegalMonitorStateException if the lock is not held
     * @throws InterruptedException if interrupted before being signalled; the lock is held again
     */
    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        Objects.requireNonNull(deadline, "deadline");
        long at = deadline.getTime();
        long now = System.currentTimeMillis();
        long millis = at <= now ? 0L : at - now;
        return awaitInterruptibly(TimeUnit.MILLISECONDS.toNanos(millis), true);
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
            awaitInterruptibly(left, true);
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
    @Override
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
    @Override
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

    /** {@link #park} saw its waiter signalled. */
    private static final int SIGNALLED = 1;
    /** {@link #park} saw (and cleared) an interrupt. */
    private static final int INTERRUPTED = 2;

    /** {@return whether signalled} The wait behind every interruptible await. */
    private boolean awaitInterruptibly(long nanos, boolean timed) throws InterruptedException {
        checkOwned();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        LockWaitEvent wait = LockWaits.begin();
        int outcome = park(nanos, timed, true);
        boolean signalled = (outcome & SIGNALLED) != 0;
        LockWaits.end(wait, "Condition", "await", this, signalled ? LockWaits.ACQUIRED
                : (outcome & INTERRUPTED) != 0 ? LockWaits.INTERRUPTED : LockWaits.TIMED_OUT);
        if ((outcome & INTERRUPTED) != 0) {
            if (!signalled) {
                throw new InterruptedException();
            }
            Thread.currentThread().interrupt();
        }
        return signalled;
    }

    /**
     * Queues the calling thread, releases the lock fully, parks until signalled (or the time runs
     * out, or, if {@code interruptible}, an interrupt comes), then re-takes the lock as it was.
     * The lock must be held. A waiter that gives up leaves the queue, so its signal goes to
     * another; one that a signal claimed first reports the signal.
     *
     * @return {@link #SIGNALLED} and {@link #INTERRUPTED} as bits; the interrupt flag is cleared
     *     if {@code INTERRUPTED} is set
     */
    private int park(long nanos, boolean timed, boolean interruptible) {
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
                    if (interruptible) {
                        signalled = !waiters.cancel(me);
                        break;
                    }
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
        return (signalled ? SIGNALLED : 0) | (interrupted ? INTERRUPTED : 0);
    }
}
