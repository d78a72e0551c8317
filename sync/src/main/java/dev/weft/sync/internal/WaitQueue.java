package dev.weft.sync.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The FIFO queue of waiters behind {@link dev.weft.sync.Condition}, built the way CPython's
 * {@code threading.Condition} is: every waiter has its own wake-up state, so that
 * {@code signal(n)} wakes exactly {@code n} waiters in arrival order and a waiter never returns
 * unless it was signalled, timed out or was interrupted (no spurious wake-ups).
 *
 * <p>A waiter is in one of three states; the transition out of {@code WAITING} is a single CAS,
 * so a signal and a timeout (or an interrupt) can never both claim the same waiter: either the
 * signaller wins and the waiter reports "signalled", or the waiter cancels itself and the
 * signaller moves on to the next one.
 */
public final class WaitQueue {
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();

    /** One thread's place in the queue. */
    public static final class Waiter {
        private static final int WAITING = 0;
        private static final int SIGNALLED = 1;
        private static final int CANCELLED = 2;

        private final Thread thread = Thread.currentThread();
        private final AtomicInteger state = new AtomicInteger(WAITING);

        private Waiter() {
        }

        /** {@return whether a signal has claimed this waiter} */
        public boolean isSignalled() {
            return state.get() == SIGNALLED;
        }

        private boolean signal() {
            if (state.compareAndSet(WAITING, SIGNALLED)) {
                LockSupport.unpark(thread);
                return true;
            }
            return false;
        }

        private boolean cancel() {
            return state.compareAndSet(WAITING, CANCELLED);
        }
    }

    /** {@return a new waiter for the calling thread, enqueued at the tail} */
    public Waiter enqueue() {
        Waiter w = new Waiter();
        waiters.add(w);
        return w;
    }

    /**
     * Takes {@code w} out of the queue because it gave up (timeout or interrupt).
     *
     * @param w a waiter returned by {@link #enqueue()}
     * @return {@code true} if it was cancelled; {@code false} if a signal had already claimed it,
     *     in which case the caller must report the signal instead of the timeout
     */
    public boolean cancel(Waiter w) {
        if (w.cancel()) {
            waiters.remove(w);
            return true;
        }
        return false;
    }

    /**
     * Wakes up to {@code n} waiters, oldest first.
     *
     * @param n how many to wake; zero wakes none
     * @return how many were woken
     */
    public int signal(int n) {
        int woken = 0;
        while (woken < n) {
            Waiter w = waiters.poll();
            if (w == null) {
                break;
            }
            if (w.signal()) {
                woken++;
            }
        }
        return woken;
    }

    /** {@return how many waiters were woken: every one queued now} */
    public int signalAll() {
        return signal(Integer.MAX_VALUE);
    }

    /** {@return how many threads wait now (a snapshot, in linear time)} */
    public int size() {
        return waiters.size();
    }
}
