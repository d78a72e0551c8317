package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.core.internal.jfr.LockWaitEvent;
import dev.weft.core.internal.jfr.LockWaits;
import dev.weft.sync.internal.Identity;
import dev.weft.sync.internal.ReleaseOnce;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A reentrant lock that only its owner may release: Python's {@code threading.RLock}. The owner
 * may acquire it again; it is free once every acquisition has been released.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=rlock}
 *
 * <p><b>Compared with</b> {@link java.util.concurrent.locks.ReentrantLock}, on which it is
 * built: the same semantics under Python's names ({@code holdCount()} is
 * {@code getHoldCount()}, CPython's {@code _recursion_count()}), plus {@link #hold()} for
 * try-with-resources. A release by a thread that does not hold it throws
 * {@link IllegalMonitorStateException}, where CPython raises {@code RuntimeError}. Use
 * {@link Locks#ordered(String)} for an RLock that detects lock-order inversions.
 *
 * <p><b>Also a {@link java.util.concurrent.locks.Lock}</b>, for code written against
 * {@code java.util.concurrent}: {@link #lock()} (not interruptible), {@link #lockInterruptibly()},
 * {@link #tryLock()}, {@link #tryLock(long, TimeUnit)} and {@link #unlock()} are
 * {@code ReentrantLock}'s, each taking or releasing one hold as the Python-named methods do, and
 * {@link #newCondition()} gives a weft {@link Condition} over this lock (CPython's wake-up rules,
 * no spurious wake-ups). {@code unlock()} by a thread that does not hold the lock throws
 * {@link IllegalMonitorStateException}, as {@code release()} does.
 *
 * {@snippet class=dev.weft.sync.snippets.SyncSnippets region=rlock-jdk}
 *
 * <p><b>Seen by the JVM's tools.</b> The lock's owner is the exclusive owner of an
 * {@link java.util.concurrent.locks.AbstractOwnableSynchronizer} (the {@code ReentrantLock}'s),
 * and a thread waiting for it parks on that synchronizer. So {@code jstack -l} and
 * {@code ThreadMXBean.dumpAllThreads(true, true)} list the lock under the owner's "Locked
 * ownable synchronizers" (as a {@code java.util.concurrent.locks.ReentrantLock$NonfairSync}), and
 * {@code ThreadMXBean.findDeadlockedThreads()} reports threads deadlocked over RLocks. An
 * interrupt breaks such a deadlock: {@link #acquire()} is interruptible, {@link #lock()} is not.
 *
 * <p>Memory consistency: as for {@code ReentrantLock}.
 *
 * @since 0.1
 */
public final class RLock implements java.util.concurrent.locks.Lock {
    private final ReentrantLock lock;
    /** The owner's hold count, for toString() from any thread; written by the owner, under the lock. */
    private int holds;

    /** Creates an unlocked reentrant lock (not fair, like CPython's). */
    public RLock() {
        this(new ReentrantLock());
    }

    /** Wraps a {@code ReentrantLock} made elsewhere, for instance a cycle-detecting one. */
    RLock(ReentrantLock lock) {
        this.lock = lock;
    }

    /**
     * Blocks until the lock is free or already held by this thread, then takes one more hold.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public void acquire() throws InterruptedException {
        LockWaitEvent wait = LockWaits.begin();
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            LockWaits.end(wait, "RLock", "acquire", this, LockWaits.INTERRUPTED);
            throw e;
        }
        LockWaits.end(wait, "RLock", "acquire", this);
        held();
    }

    /**
     * Takes one hold, waiting at most {@code timeout} for the lock.
     *
     * @param timeout how long to wait; zero or negative means "do not wait"
     * @return {@code true} if taken, {@code false} if the time ran out
     * @throws NullPointerException if {@code timeout} is null
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public boolean acquire(Duration timeout) throws InterruptedException {
        long nanos = Durations.toTimeoutNanos(timeout);
        if (lock.tryLock() || nanos > 0 && timedLock(nanos)) {
            held();
            return true;
        }
        return false;
    }

    /**
     * {@code ReentrantLock.tryLock(nanos)} (fair if the lock is, and throwing for an interrupt on
     * entry), reported as a lock wait when it waits.
     */
    private boolean timedLock(long nanos) throws InterruptedException {
        LockWaitEvent wait = nanos > 0 ? LockWaits.begin() : null;
        boolean acquired;
        try {
            acquired = lock.tryLock(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            LockWaits.end(wait, "RLock", "acquire", this, LockWaits.INTERRUPTED);
            throw e;
        }
        return LockWaits.end(wait, "RLock", "acquire", this, acquired);
    }

    /** {@return {@code true} if the lock was free or already ours and one more hold is taken; never waits} */
    public boolean tryAcquire() {
        if (lock.tryLock()) {
            held();
            return true;
        }
        return false;
    }

    /**
     * Releases one hold.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    public void release() {
        if (lock.isHeldByCurrentThread()) {
            releasing();
        }
        lock.unlock();
    }

    /** {@return whether some thread, this one or another, holds the lock now} */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /** {@return whether the calling thread holds the lock} */
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** {@return how many holds the calling thread has; 0 if it is not the owner} */
    public int holdCount() {
        return lock.getHoldCount();
    }

    /**
     * Takes one hold and returns a guard whose {@code close()} releases it.
     *
     * @return the guard, for try-with-resources
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public Guard hold() throws InterruptedException {
        acquire();
        return new ReleaseOnce(this::release);
    }

    /**
     * Takes one hold, waiting as long as it takes even if the thread is interrupted: the interrupt
     * flag is still set when it returns. Prefer {@link #acquire()}, which an interrupt can cancel
     * (and so can break a deadlock).
     */
    @Override
    public void lock() {
        LockWaitEvent wait = LockWaits.begin();
        lock.lock();
        LockWaits.end(wait, "RLock", "lock", this);
        held();
    }

    /**
     * Takes one hold unless the thread is interrupted, before or while waiting: {@link #acquire()}
     * under its {@code java.util.concurrent} name.
     *
     * @throws InterruptedException if the thread is interrupted on entry or while waiting; no hold
     *     is then taken
     */
    @Override
    public void lockInterruptibly() throws InterruptedException {
        acquire();
    }

    /** {@return {@code true} if the lock was free or already ours and one more hold is taken; never waits} As {@link #tryAcquire()}. */
    @Override
    public boolean tryLock() {
        return tryAcquire();
    }

    /**
     * Takes one hold, waiting at most {@code time}: {@link #acquire(Duration)} in
     * {@code java.util.concurrent}'s form.
     *
     * @param time how long to wait; zero or negative means "do not wait"
     * @param unit the unit of {@code time}
     * @return {@code true} if a hold was taken, {@code false} if the time ran out
     * @throws NullPointerException if {@code unit} is null
     * @throws InterruptedException if the thread is interrupted on entry (even if the lock is
     *     free) or while waiting; no hold is then taken
     */
    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        if (timedLock(unit.toNanos(time))) {
            held();
            return true;
        }
        return false;
    }

    /**
     * Releases one hold: {@link #release()} under its {@code java.util.concurrent} name.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the lock
     */
    @Override
    public void unlock() {
        release();
    }

    /**
     * {@return a new weft {@link Condition} over this lock, as {@code new Condition(this)}} A wait
     * releases every hold of the calling thread and restores them before it returns.
     */
    @Override
    public Condition newCondition() {
        return new Condition(this);
    }

    /** Releases every hold of the calling thread and returns how many there were. */
    int releaseAll() {
        int count = lock.getHoldCount();
        if (count == 0) {
            throw new IllegalMonitorStateException("cannot release un-acquired lock");
        }
        for (int i = 0; i < count; i++) {
            releasing();
            lock.unlock();
        }
        return count;
    }

    /** Takes {@code count} holds without giving up on interrupt: Condition's re-acquisition. */
    void acquireUninterruptibly(int count) {
        for (int i = 0; i < count; i++) {
            lock.lock();
            held();
        }
    }

    /**
     * {@return CPython's repr, for example
     * {@code <locked dev.weft.sync.RLock object owner=main count=2 at 0x1b6d3586>}}; the owner's
     * count is shown whichever thread reads it
     */
    @Override
    public String toString() {
        // ReentrantLock.toString() documents its suffix: "[Unlocked]" or "[Locked by thread NAME]".
        String raw = lock.toString();
        String marker = "[Locked by thread ";
        int at = raw.lastIndexOf(marker);
        String owner = at < 0 ? null : raw.substring(at + marker.length(), raw.length() - 1);
        int count = owner == null ? 0 : (int) HOLDS.getAcquire(this);
        String id = Identity.of(this).replace(" object at ",
                " object owner=" + (owner == null ? "None" : owner) + " count=" + count + " at ");
        return "<" + (owner == null ? "unlocked " : "locked ") + id + ">";
    }

    /** Records one more hold by the calling thread, which now owns the lock. */
    private void held() {
        HOLDS.setRelease(this, holds + 1);
    }

    /** Records one hold fewer, before the calling thread, the owner, unlocks. */
    private void releasing() {
        HOLDS.setRelease(this, holds - 1);
    }

    private static final VarHandle HOLDS;

    static {
        try {
            HOLDS = MethodHandles.lookup().findVarHandle(RLock.class, "holds", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
