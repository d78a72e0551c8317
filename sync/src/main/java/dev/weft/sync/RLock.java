package dev.weft.sync;

import dev.weft.core.internal.Durations;
import dev.weft.sync.internal.Identity;
import dev.weft.sync.internal.ReleaseOnce;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A reentrant lock that only its owner may release: Python's {@code threading.RLock}. The owner
 * may acquire it again; it is free once every acquisition has been released.
 *
 * <pre>{@code
 * RLock lock = new RLock();
 * try (Guard outer = lock.hold()) {
 *     try (Guard inner = lock.hold()) {     // same thread: does not block
 *         assert lock.holdCount() == 2;
 *     }
 * }
 * }</pre>
 *
 * <p><b>Compared with</b> {@link java.util.concurrent.locks.ReentrantLock}, on which it is
 * built: the same semantics under Python's names ({@code holdCount()} is
 * {@code getHoldCount()}, CPython's {@code _recursion_count()}), plus {@link #hold()} for
 * try-with-resources. A release by a thread that does not hold it throws
 * {@link IllegalMonitorStateException}, where CPython raises {@code RuntimeError}. Use
 * {@link Locks#ordered(String)} for an RLock that detects lock-order inversions.
 *
 * <p>Memory consistency: as for {@code ReentrantLock}.
 */
public final class RLock {
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
        lock.lockInterruptibly();
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
        if (lock.tryLock() || nanos > 0 && lock.tryLock(nanos, TimeUnit.NANOSECONDS)) {
            held();
            return true;
        }
        return false;
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
