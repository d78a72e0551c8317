package dev.weft.core.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** {@code dev.weft.WorkerDied}: a pool's child JVM ended while it still had work, or unasked. */
@Name(WorkerDiedEvent.NAME)
@Label("Worker Died")
@Category("weft")
@Description("A weft pool's child JVM ended while it had work, or without being asked to")
@StackTrace(false)
public final class WorkerDiedEvent extends jdk.jfr.Event {
    /** The event's name in a recording. */
    public static final String NAME = "dev.weft.WorkerDied";

    /** The pool's name. */
    @Label("Pool")
    public String pool;

    /** The child's process id. */
    @Label("Pid")
    public long pid;

    /** Its exit code. */
    @Label("Exit Code")
    public int exitCode;

    /** What it was running: the chunks it held. */
    @Label("Running")
    public String running;

    /** The last lines it wrote to its standard error. */
    @Label("Stderr Tail")
    public String stderrTail;
}
