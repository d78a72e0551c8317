package dev.weft.core.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * {@code dev.weft.Scope}: one structured scope from its opening to its close, committed on the
 * thread that closed it. The kind says which API opened it: {@code TaskScope}, {@code gather},
 * {@code TaskGroup} or {@code Async.run}.
 */
@Name(ScopeEvent.NAME)
@Label("Scope")
@Category("weft")
@Description("A weft TaskScope, gather, TaskGroup or Async.run, from its opening to its close")
@StackTrace(false)
public final class ScopeEvent extends jdk.jfr.Event {
    /** The event's name in a recording. */
    public static final String NAME = "dev.weft.Scope";

    /** The scope's name. */
    @Label("Name")
    public String name;

    /** Which API opened it. */
    @Label("Kind")
    public String kind;

    /** How many forks it started. */
    @Label("Forks")
    public long forks;

    /** How many of them failed. */
    @Label("Failures")
    public long failures;

    /** How many of them ended cancelled. */
    @Label("Cancellations")
    public long cancellations;

    /** Its deadline, {@link Long#MIN_VALUE} (N/A) if none. */
    @Label("Deadline")
    @Timespan(Timespan.NANOSECONDS)
    public long deadline;
}
