package dev.weft.core.internal.jfr;

import java.util.concurrent.locks.Condition;

/**
 * The two calls a blocking primitive makes around its slow path (the wait it could not avoid):
 * {@link #begin()} before, {@link #end} after, with how the wait ended ({@link #ACQUIRED},
 * {@link #TIMED_OUT}, {@link #INTERRUPTED}). Without a recording of {@code dev.weft.LockWait},
 * {@code begin()} costs one enabled-check and returns null, and {@code end} does nothing.
 *
 * <pre>{@code
 * LockWaitEvent wait = LockWaits.begin();
 * boolean acquired;
 * try {
 *     acquired = sync.tryAcquireNanos(1, nanos);
 * } catch (InterruptedException e) {
 *     LockWaits.end(wait, "Lock", "acquire", this, LockWaits.INTERRUPTED);
 *     throw e;
 * }
 * return LockWaits.end(wait, "Lock", "acquire", this, acquired);
 * }</pre>
 */
public final class LockWaits {
    /** The outcome of a wait that got what it waited for. */
    public static final String ACQUIRED = "acquired";
    /** The outcome of a wait whose time ran out. */
    public static final String TIMED_OUT = "timed out";
    /** The outcome of a wait an interrupt ended. */
    public static final String INTERRUPTED = "interrupted";
    /**
     * Holds an instance to ask whether {@code dev.weft.LockWait} is recorded (the check reads
     * static state); loaded only once a recording exists ({@link Recordings}).
     */
    private static final class Probe {
        static final LockWaitEvent EVENT = new LockWaitEvent();
    }

    private LockWaits() {
    }

    /** {@return a started event if {@code dev.weft.LockWait} is being recorded, else null} */
    public static LockWaitEvent begin() {
        if (!Recordings.mayRecord() || !Probe.EVENT.isEnabled()) {
            return null;
        }
        LockWaitEvent event = new LockWaitEvent();
        event.begin();
        return event;
    }

    /**
     * Ends the wait {@link #begin()} started, which got what it waited for ({@link #ACQUIRED}).
     *
     * @param event what {@code begin()} returned, maybe null
     * @param primitive the primitive's kind
     * @param operation what it waited for
     * @param which the primitive, named by its class and identity hash if the event is committed
     */
    public static void end(LockWaitEvent event, String primitive, String operation, Object which) {
        end(event, primitive, operation, which, ACQUIRED);
    }

    /**
     * Ends the timed wait {@link #begin()} started: {@link #ACQUIRED} or {@link #TIMED_OUT}.
     *
     * @param event what {@code begin()} returned, maybe null
     * @param primitive the primitive's kind
     * @param operation what it waited for
     * @param which the primitive
     * @param acquired whether it got what it waited for before the time ran out
     * @return {@code acquired}, for the caller to return
     */
    public static boolean end(LockWaitEvent event, String primitive, String operation, Object which,
            boolean acquired) {
        if (event != null) {
            end(event, primitive, operation, which, acquired ? ACQUIRED : TIMED_OUT);
        }
        return acquired;
    }

    /**
     * Ends the wait {@link #begin()} started, and commits it if it lasted past the threshold.
     *
     * @param event what {@code begin()} returned, maybe null
     * @param primitive the primitive's kind
     * @param operation what it waited for
     * @param which the primitive, named by its class and identity hash if the event is committed
     * @param outcome {@link #ACQUIRED}, {@link #TIMED_OUT} or {@link #INTERRUPTED}
     */
    public static void end(LockWaitEvent event, String primitive, String operation, Object which, String outcome) {
        if (event == null) {
            return;
        }
        event.end();
        if (event.shouldCommit()) {
            event.primitive = primitive;
            event.operation = operation;
            event.name = identity(which);
            event.outcome = outcome;
            event.commit();
        }
    }

    /**
     * Waits on {@code condition} as {@link Condition#await()} does, reported as a wait of
     * {@code which} when recorded and long enough.
     *
     * @param condition the condition, whose lock the caller holds
     * @param primitive the primitive's kind
     * @param operation what it waits for
     * @param which the primitive
     * @throws InterruptedException if interrupted while waiting (reported {@link #INTERRUPTED})
     */
    public static void await(Condition condition, String primitive, String operation, Object which)
            throws InterruptedException {
        LockWaitEvent event = begin();
        try {
            condition.await();
        } catch (InterruptedException e) {
            end(event, primitive, operation, which, INTERRUPTED);
            throw e;
        }
        end(event, primitive, operation, which);
    }

    /**
     * Waits on {@code condition} at most {@code nanos}, as {@link Condition#awaitNanos(long)}
     * does, reported as a wait of {@code which} when recorded and long enough: {@link #ACQUIRED}
     * if woken before the time ran out, else {@link #TIMED_OUT}.
     *
     * @param condition the condition, whose lock the caller holds
     * @param nanos how long to wait at most
     * @param primitive the primitive's kind
     * @param operation what it waits for
     * @param which the primitive
     * @return what {@code awaitNanos} returns: the time left, zero or negative if it ran out
     * @throws InterruptedException if interrupted while waiting (reported {@link #INTERRUPTED})
     */
    public static long awaitNanos(Condition condition, long nanos, String primitive, String operation, Object which)
            throws InterruptedException {
        LockWaitEvent event = begin();
        long left;
        try {
            left = condition.awaitNanos(nanos);
        } catch (InterruptedException e) {
            end(event, primitive, operation, which, INTERRUPTED);
            throw e;
        }
        end(event, primitive, operation, which, left > 0);
        return left;
    }

    /** The primitive's class and identity hash, as weft's primitives print it; never its contents. */
    private static String identity(Object which) {
        return which.getClass().getName() + " object at 0x" + Integer.toHexString(System.identityHashCode(which));
    }
}
