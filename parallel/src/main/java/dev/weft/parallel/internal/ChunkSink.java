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
}
