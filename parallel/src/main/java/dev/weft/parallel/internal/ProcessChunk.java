package dev.weft.parallel.internal;

import dev.weft.core.Outcome;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/** A chunk for a child JVM: its inputs already serialized, with the function they go through. */
final class ProcessChunk extends WorkChunk {
    private final long id;
    private final SerializedFunction function;
    private final byte[] args;

    ProcessChunk(long id, SerializedFunction function, byte[] args, long firstIndex, int size, ChunkSink sink) {
        super(firstIndex, size, sink);
        this.id = id;
        this.function = function;
        this.args = args;
    }

    long id() {
        return id;
    }

    SerializedFunction function() {
        return function;
    }

    byte[] args() {
        return args;
    }

    /** Reads a RESULT body and reports it: one outcome per item, failures rebuilt. */
    void reportResult(byte[] body, int offset) {
        report(decode(body, offset));
    }

    private List<Outcome<Object>> decode(byte[] body, int offset) {
        Object[] values;
        try {
            values = ValueArrays.decode(body, offset, body.length - offset);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return Collections.nCopies(size(), Outcome.failure(
                    new IllegalStateException("the results could not be read in the parent: " + e, e)));
        }
        if (values.length != size()) {
            Throwable error = values.length == 1 && values[0] instanceof ItemFailure failure
                    ? failure.error().rebuild()
                    : new IllegalStateException("the child sent " + values.length + " results for " + size() + " inputs");
            return Collections.nCopies(size(), Outcome.failure(error));
        }
        List<Outcome<Object>> outcomes = newOutcomeList();
        for (Object value : values) {
            outcomes.add(value instanceof ItemFailure failure
                    ? Outcome.failure(failure.error().rebuild())
                    : Outcome.success(value));
        }
        return outcomes;
    }
}
