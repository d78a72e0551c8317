package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import java.util.List;

/** Where the outcomes of a chunk go: a job of the pool, told once per chunk. */
public interface ChunkSink {

    /**
     * Receives the outcomes of one chunk.
     *
     * @param firstIndex the input index of the chunk's first item
     * @param outcomes one outcome per item, in order
     */
    void accept(long firstIndex, List<Outcome<Object>> outcomes);

    /** {@return true when nobody wants the results any more: chunks not yet started may be dropped} */
    boolean isAbandoned();

    /** A worker took the chunk: told at most once, before {@link #accept}; for the pool's statistics. */
    default void started() {
    }

    /**
     * The chunk ends, just before {@link #accept}: for the pool's statistics.
     *
     * @param started whether a worker had taken it
     * @param nanos how long since then (or since it was made, if never taken)
     * @param outcomes its outcomes
     */
    default void ended(boolean started, long nanos, List<Outcome<Object>> outcomes) {
    }
}
