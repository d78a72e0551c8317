package dev.weft.core.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * {@code dev.weft.PoolChunk}: one chunk of a pool's work, from the moment a worker took it to its
 * answer.
 */
@Name(PoolChunkEvent.NAME)
@Label("Pool Chunk")
@Category("weft")
@Description("A chunk of a weft pool's inputs, from the moment a worker took it to its answer")
@StackTrace(false)
public final class PoolChunkEvent extends jdk.jfr.Event {
    /** The event's name in a recording. */
    public static final String NAME = "dev.weft.PoolChunk";

    /** The pool's name. */
    @Label("Pool")
    public String pool;

    /** {@code threads}, {@code processes} or {@code cluster}. */
    @Label("Backend")
    public String backend;

    /** The worker: {@code pid N} for a child JVM, a member's address for a cluster. */
    @Label("Worker")
    public String worker;

    /** How many inputs the chunk holds. */
    @Label("Inputs")
    public int inputs;

    /** {@code answered}, {@code lost} (its worker died) or {@code cancelled}. */
    @Label("Outcome")
    public String outcome;

    /** The bytes sent for it (its inputs, and its function the first time). */
    @Label("Bytes Sent")
    @DataAmount
    public long bytesSent;

    /** The bytes of its answer. */
    @Label("Bytes Received")
    @DataAmount
    public long bytesReceived;
}
