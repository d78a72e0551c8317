package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run of consecutive inputs that travels to one worker as one task. Its outcomes are reported
 * exactly once, whoever reports first (the worker, a death, a termination) wins.
 */
public class WorkChunk {
    private final long firstIndex;
    private final int size;
    private final ChunkSink sink;
    private final AtomicBoolean reported = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    /** When it was made, then when a worker took it: what its time in the pool's statistics counts from. */
    private volatile long since = System.nanoTime();

    protected WorkChunk(long firstIndex, int size, ChunkSink sink) {
        this.firstIndex = firstIndex;
        this.size = size;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** {@return the input index of the first item} */
    public final long firstIndex() {
        return firstIndex;
    }

    /** {@return how many inputs the chunk holds} */
    public final int size() {
        return size;
    }

    /** {@return true if nobody wants this chunk's results any more} */
    public final boolean isAbandoned() {
        return sink.isAbandoned();
    }

    /** A worker takes the chunk now; later calls do nothing. For the pool's statistics. */
    public final void started() {
        if (!reported.get() && started.compareAndSet(false, true)) {
            since = System.nanoTime();
            sink.started();
        }
    }

    /** {@return true once the outcomes were reported} */
    public final boolean isReported() {
        return reported.get();
    }

    /**
     * Reports the outcomes, unless they were already reported.
     *
     * @param outcomes one per item
     * @return true if this call reported them
     */
    public final boolean report(List<Outcome<Object>> outcomes) {
        if (outcomes.size() != size) {
            throw new IllegalArgumentException("chunk of " + size + " got " + outcomes.size() + " outcomes");
        }
        if (!reported.compareAndSet(false, true)) {
            return false;
        }
        sink.ended(started.get(), System.nanoTime() - since, outcomes);
        sink.accept(firstIndex, outcomes);
        return true;
    }

    /**
     * Reports the same failure for every item.
     *
     * @param error what every item failed with
     * @return true if this call reported
     */
    public final boolean fail(Throwable error) {
        return report(Collections.nCopies(size, Outcome.failure(error)));
    }

    /**
     * Reports every item cancelled.
     *
     * @return true if this call reported
     */
    public final boolean cancel() {
        return report(Collections.nCopies(size, Outcome.cancelled()));
    }

    /** {@return a mutable list sized for this chunk's outcomes} */
    protected final List<Outcome<Object>> newOutcomeList() {
        return new ArrayList<>(size);
    }

    /**
     * Reads a worker's reply ({@link ChunkCodec}) and reports it: one outcome per input, whatever
     * the bytes hold.
     *
     * @param reply the bytes holding the reply, null if the worker's answer held none
     * @param offset where it starts
     * @return true if this call reported
     */
    public final boolean reportReply(byte[] reply, int offset) {
        int length = reply == null ? 0 : reply.length - offset;
        return report(ChunkCodec.decodeReply(reply, offset, length, firstIndex, size));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + firstIndex + ".." + (firstIndex + size - 1) + "]";
    }
}
