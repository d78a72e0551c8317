package dev.weft.parallel.internal;

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
}
