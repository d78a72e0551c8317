package dev.weft.sync.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * One blocked channel operation, or one blocked select, of one thread: the claim that every
 * registration of that thread in every channel's wait queue shares. Whoever claims it first (a
 * sender handing over an element, a receiver taking one, a {@code close()}, or the waiting thread
 * itself giving up) decides the outcome, in a single CAS; every other registration becomes stale
 * and is skipped. That is how a select that waits on several channels runs exactly one clause,
 * and how a timeout or an interrupt never loses an element: the thread that gives up must win the
 * CAS, and if it loses, the claim that won is honoured.
 */
public final class Selection {
    private static final Object CANCELLED = new Object();

    private final Thread thread = Thread.currentThread();
    private final AtomicReference<@Nullable Object> state = new AtomicReference<>();

    /** Creates the claim of the calling thread, unclaimed. */
    public Selection() {
    }

    /**
     * Claims this selection for {@code claim} and wakes its thread, unless something else claimed
     * it first or its thread gave up.
     *
     * @param claim what happened to one of its registrations
     * @return whether this call decided the outcome
     */
    boolean claim(Claim claim) {
        if (state.compareAndSet(null, claim)) {
            LockSupport.unpark(thread);
            return true;
        }
        return false;
    }

    /** {@return whether the outcome is decided (claimed or given up)} */
    boolean isDecided() {
        return state.get() != null;
    }

    /**
     * Parks the owning thread until a registration is claimed, the deadline passes or the thread
     * is interrupted, then gives up if nothing claimed it.
     *
     * @param timed whether {@code deadline} applies
     * @param deadline the {@link System#nanoTime()} at which to give up, if {@code timed}
     * @return the claim that won, or {@code null} if the time ran out first; if a claim won
     *     although the thread was interrupted, its interrupt flag is set again
     * @throws InterruptedException if interrupted before any claim
     */
    public @Nullable Claim await(boolean timed, long deadline) throws InterruptedException {
        boolean interrupted = false;
        while (state.get() == null) {
            if (Thread.interrupted()) {
                interrupted = true;
                break;
            }
            if (timed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
            } else {
                LockSupport.park(this);
            }
        }
        if (state.compareAndSet(null, CANCELLED)) {
            if (interrupted) {
                throw new InterruptedException();
            }
            return null;
        }
        if (interrupted) {
            thread.interrupt();
        }
        return (Claim) state.get();
    }
}
