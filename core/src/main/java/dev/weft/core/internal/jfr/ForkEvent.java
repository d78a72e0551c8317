package dev.weft.core.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * {@code dev.weft.Fork}: one task of a scope or a gather, from the start of its body to its end,
 * committed on the task's own thread. Its default threshold ({@value #DEFAULT_THRESHOLD}) keeps
 * trivial forks out of a recording made with the default settings; a recording that wants every
 * fork (a timeline) enables it with a threshold of zero.
 */
@Name(ForkEvent.NAME)
@Label("Fork")
@Category("weft")
@Description("A task of a weft scope or gather, from the start of its body to its end")
@StackTrace(false)
@Threshold(ForkEvent.DEFAULT_THRESHOLD)
public final class ForkEvent extends jdk.jfr.Event {
    /** The event's name in a recording. */
    public static final String NAME = "dev.weft.Fork";
    /** The threshold a recording uses unless it sets one. */
    public static final String DEFAULT_THRESHOLD = "1 ms";

    /** The task's name. */
    @Label("Name")
    public String name;

    /** The name of the scope it belongs to. */
    @Label("Scope")
    public String scope;

    /** {@code success}, {@code failure} or {@code cancelled}. */
    @Label("Outcome")
    public String outcome;

    /** The thread that ran it. */
    @Label("Thread")
    public Thread thread;
}
