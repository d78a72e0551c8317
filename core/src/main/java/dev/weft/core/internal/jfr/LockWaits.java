package dev.weft.core.internal.jfr;

import java.util.concurrent.locks.Condition;

/**
 * The two calls a blocking primitive makes around its slow path (the wait it could not avoid):
 * {@link #begin()} before, {@link #end} after, whatever happened. Without a recording of
 * {@code dev.weft.LockWait}, {@code begin()} returns null and {@code end} does nothing.
 *
 * <pre>{@code
 * LockWaitEvent wait = LockWaits.begin();
 * try {
 *     sync.acquireInterruptibly(1);
 * } finally {
 *     LockWaits.end(wait, "Lock", "acquire", this);
 * }
 * }</pre>
 */
public final class LockWaits {
    private LockWaits() {
    }

    /** {@return a started event if {@code dev.weft.LockWait} is being recorded, else null} */
    public static LockWaitEvent begin() {
        LockWaitEvent event = new LockWaitEvent();
        if (!event.isEnabled()) {
            return null;
        }
        event.begin();
        return event;
    }

    /**
     * Ends the wait {@link #begin()} started, and commits it if it lasted past the threshold.
     *
     * @param event what {@code begin()} returned, maybe null
     * @param primitive the primitive's kind
     * @param operation what it waited for
     * @param which the primitive, named by its class and identity hash if the event is committed
     */
    public static void end(LockWaitEvent event, String primitive, String operation, Object which) {
        if (event == null) {
            return;
        }
        event.end();
        if (event.shouldCommit()) {
            event.primitive = primitive;
            event.operation = operation;
            event.name = identity(which);
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
     * @throws InterruptedException if interrupted while waiting (then nothing is reported)
     */
    public static void await(Condition condition, String primitive, String operation, Object which)
            throws InterruptedException {
        LockWaitEvent event = begin();
        condition.await();
        end(event, primitive, operation, which);
    }

    /** The primitive's class and identity hash, as weft's primitives print it; never its contents. */
    private static String identity(Object which) {
        return which.getClass().getName() + " object at 0x" + Integer.toHexString(System.identityHashCode(which));
    }
}
