package dev.weft.core.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Threshold;

/**
 * {@code dev.weft.LockWait}: a thread waited for a weft lock, semaphore, condition or queue longer
 * than the threshold ({@value #DEFAULT_THRESHOLD} by default), as {@code jdk.JavaMonitorEnter}
 * reports monitors, whether it ended with what it waited for, timed out or was interrupted.
 * Committed on the thread that waited, with its stack trace.
 */
@Name(LockWaitEvent.NAME)
@Label("Lock Wait")
@Category("weft")
@Description("A wait for a weft Lock, RLock, Semaphore, Condition or queue longer than the threshold")
@Threshold(LockWaitEvent.DEFAULT_THRESHOLD)
public final class LockWaitEvent extends jdk.jfr.Event {
    /** The event's name in a recording. */
    public static final String NAME = "dev.weft.LockWait";
    /** The threshold a recording uses unless it sets one. */
    public static final String DEFAULT_THRESHOLD = "20 ms";

    /** Which primitive: {@code Lock}, {@code RLock}, {@code Semaphore}, {@code Condition}, a queue. */
    @Label("Primitive")
    public String primitive;

    /** The primitive's class and identity hash: {@code dev.weft.sync.Lock object at 0x1b6d3586}. */
    @Label("Name")
    public String name;

    /** What was waited for: {@code acquire}, {@code await}, {@code put}, {@code take}. */
    @Label("Operation")
    public String operation;

    /**
     * How the wait ended: {@code acquired} (it got what it waited for: the lock, the permit, the
     * signal, the room or the item), {@code timed out} or {@code interrupted}.
     */
    @Label("Outcome")
    public String outcome;
}
