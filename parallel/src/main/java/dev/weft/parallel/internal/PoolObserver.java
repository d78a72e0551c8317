package dev.weft.parallel.internal;

import dev.weft.core.internal.jfr.PoolChunkEvent;
import dev.weft.core.internal.jfr.WorkerDiedEvent;
import dev.weft.core.internal.registry.LiveScopes;
import dev.weft.core.internal.registry.PoolSource;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a process pool shows of itself: its workers in {@code Scopes.dump()} (a {@link PoolSource}
 * registered while its workers run), and the {@code dev.weft.PoolChunk} and
 * {@code dev.weft.WorkerDied} events. Without a recording, a chunk costs one enabled-check.
 */
final class PoolObserver implements PoolSource {
    private final String name;
    private final String backend;
    private final Supplier<List<Worker>> workers;
    private final ChunkEvents chunkEvents;
    /** The events of the chunks sent and not answered yet, while a recording runs. */
    private final ConcurrentHashMap<Long, PoolChunkEvent> inFlight = new ConcurrentHashMap<>();
    private volatile Runnable unregister;

    PoolObserver(String name, String backend, Supplier<List<Worker>> workers) {
        this.name = name;
        this.backend = backend;
        this.workers = workers;
        this.chunkEvents = new ChunkEvents(name, backend);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public List<Worker> workers() {
        return workers.get();
    }

    /** The workers start: the pool shows in the dump. */
    void started() {
        if (unregister == null) {
            unregister = LiveScopes.addPool(this);
        }
    }

    /** The pool is closed: it leaves the dump. */
    void stopped() {
        Runnable remove = unregister;
        if (remove != null) {
            remove.run();
        }
    }

    /** {@code chunk} was sent to the child {@code pid} in {@code bytes} bytes. */
    void chunkSent(ProcessChunk chunk, long pid, long bytes) {
        PoolChunkEvent event = chunkEvents.begin("pid " + pid, chunk.size(), bytes);
        if (event != null) {
            inFlight.put(chunk.id(), event);
        }
    }

    /** {@code chunk} was answered in {@code bytes} bytes. */
    void chunkAnswered(ProcessChunk chunk, long bytes) {
        commit(chunk, "answered", bytes);
    }

    /** The chunks were lost with their worker. */
    void chunksLost(List<ProcessChunk> chunks) {
        for (ProcessChunk chunk : chunks) {
            commit(chunk, "lost", 0);
        }
    }

    private void commit(ProcessChunk chunk, String outcome, long bytesReceived) {
        if (inFlight.isEmpty()) {
            return;
        }
        ChunkEvents.end(inFlight.remove(chunk.id()), outcome, bytesReceived);
    }

    /**
     * A worker's child has ended; reported unless it was asked to end and had nothing left.
     *
     * @param seen how it ended
     * @param lost the chunks it held
     * @param kind what the pool makes of it
     */
    void workerExited(WorkerDeath.Seen seen, List<ProcessChunk> lost, WorkerDeath.Kind kind) {
        if (kind == WorkerDeath.Kind.TERMINATED || seen.replaced() && lost.isEmpty()) {
            return;
        }
        WorkerDiedEvent event = new WorkerDiedEvent();
        if (event.shouldCommit()) {
            event.pool = name;
            event.pid = seen.pid();
            event.exitCode = seen.exitCode();
            event.running = lost.isEmpty() ? "nothing" : describe(lost);
            event.stderrTail = String.join("\n", seen.stderrTail());
            event.commit();
        }
    }

    private static String describe(List<ProcessChunk> lost) {
        int inputs = lost.stream().mapToInt(ProcessChunk::size).sum();
        ProcessChunk first = lost.get(0);
        return lost.size() + (lost.size() == 1 ? " chunk, " : " chunks, ") + inputs + " inputs from index "
                + first.firstIndex() + "; running chunk " + first.id() + " (" + first.size() + " inputs)";
    }
}
