package dev.weft.parallel.internal;

import dev.weft.core.internal.jfr.PoolChunkEvent;
import dev.weft.core.internal.jfr.Recordings;
import org.jspecify.annotations.Nullable;

/**
 * The {@code dev.weft.PoolChunk} events of one pool, whatever its backend: {@link #begin} when a
 * worker takes a chunk, {@link #end} with its outcome. Without a recording of the event,
 * {@code begin} costs one enabled-check and returns null, and {@code end} does nothing; before any
 * recording has started in the JVM, the event's class is not even loaded ({@link Recordings}).
 */
final class ChunkEvents {
    /** Holds the instance that asks whether {@code dev.weft.PoolChunk} is recorded; loaded at the first recording. */
    private static final class Probe {
        /** The check reads static state. */
        static final PoolChunkEvent EVENT = new PoolChunkEvent();
    }

    private final String pool;
    private final String backend;

    ChunkEvents(String pool, String backend) {
        this.pool = pool;
        this.backend = backend;
    }

    /**
     * A worker takes a chunk now.
     *
     * @param worker the worker: {@code pid N}, a thread's name, a member
     * @param inputs how many inputs the chunk holds
     * @param bytesSent the bytes sent for it, 0 for a pool of threads
     * @return the started event, or null if the event is not recorded
     */
    @Nullable PoolChunkEvent begin(String worker, int inputs, long bytesSent) {
        if (!Recordings.mayRecord() || !Probe.EVENT.isEnabled()) {
            return null;
        }
        PoolChunkEvent event = new PoolChunkEvent();
        event.begin();
        event.pool = pool;
        event.backend = backend;
        event.worker = worker;
        event.inputs = inputs;
        event.bytesSent = bytesSent;
        return event;
    }

    /**
     * The chunk {@link #begin} started has ended; committed if it lasted past the threshold.
     *
     * @param event what {@code begin} returned, maybe null
     * @param outcome {@code answered}, {@code lost} or {@code cancelled}
     * @param bytesReceived the bytes of its answer, 0 for a pool of threads
     */
    static void end(@Nullable PoolChunkEvent event, String outcome, long bytesReceived) {
        if (event == null) {
            return;
        }
        event.end();
        if (event.shouldCommit()) {
            event.outcome = outcome;
            event.bytesReceived = bytesReceived;
            event.commit();
        }
    }
}
