package dev.weft.cluster.internal;

import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import dev.weft.core.internal.jfr.PoolChunkEvent;
import dev.weft.core.internal.jfr.Recordings;
import dev.weft.core.internal.jfr.WorkerDiedEvent;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a cluster pool records in JFR, as a process pool does: a {@code dev.weft.PoolChunk} per
 * chunk sent to a member (backend {@code cluster}, the worker the member's address, outcome
 * {@code answered}, {@code lost} or {@code cancelled}), and a {@code dev.weft.WorkerDied} when a
 * member leaves the cluster while the pool follows it (a member has no pid nor exit code: both are
 * -1, and what it was running names the member). Each event is one attempt of its chunk: an end
 * heard late, for an attempt the chunk has left behind, ends nothing. Without a recording, a chunk
 * costs one enabled-check.
 *
 * <pre>{@code
 * observer.chunkSent(chunk, attempt, member, task.size());
 * observer.chunkEnded(chunk, attempt, "answered", reply.length);
 * }</pre>
 */
final class ClusterObserver {
    /**
     * Holds an instance to ask whether {@code dev.weft.PoolChunk} is recorded (the check reads
     * static state); loaded only once a recording exists ({@link Recordings}).
     */
    private static final class Probe {
        static final PoolChunkEvent CHUNK = new PoolChunkEvent();
    }
    static final String BACKEND = "cluster";

    private final String pool;
    /** The event of one attempt of a chunk. */
    private record Flight(int attempt, PoolChunkEvent event) {
    }

    /** The attempts sent and not ended yet, while a recording runs. */
    private final ConcurrentHashMap<ClusterChunk, Flight> inFlight = new ConcurrentHashMap<>();

    ClusterObserver(String pool) {
        this.pool = pool;
    }

    /**
     * {@code chunk}'s attempt {@code attempt} was sent to {@code member} in {@code bytes} bytes
     * (again, if resent with its function).
     */
    void chunkSent(ClusterChunk chunk, int attempt, Member member, long bytes) {
        if (!(Recordings.mayRecord() && Probe.CHUNK.isEnabled())) {
            return;
        }
        Flight resent = inFlight.get(chunk);
        if (resent != null && resent.attempt() == attempt) {
            resent.event().bytesSent += bytes;
            return;
        }
        PoolChunkEvent event = new PoolChunkEvent();
        event.begin();
        event.pool = pool;
        event.backend = BACKEND;
        event.worker = address(member);
        event.inputs = chunk.size();
        event.bytesSent = bytes;
        inFlight.put(chunk, new Flight(attempt, event));
    }

    /**
     * {@code chunk}'s attempt {@code attempt} ended: {@code answered} in {@code bytesReceived}
     * bytes, {@code lost}, {@code cancelled} or {@code failed}; nothing if that attempt is not the
     * one in flight.
     */
    void chunkEnded(ClusterChunk chunk, int attempt, String outcome, long bytesReceived) {
        if (inFlight.isEmpty()) {
            return;
        }
        Flight flight = inFlight.get(chunk);
        if (flight == null || flight.attempt() != attempt || !inFlight.remove(chunk, flight)) {
            return;
        }
        PoolChunkEvent event = flight.event();
        event.end();
        if (event.shouldCommit()) {
            event.outcome = outcome;
            event.bytesReceived = bytesReceived;
            event.commit();
        }
    }

    /**
     * {@code member} left the cluster: the attempts of the chunks it held (their current ones)
     * end lost; what it was running also names those lost on it before, whose attempts had ended
     * already (their calls failed before the cluster said the member left). Called under the
     * dispatcher's lock, before the held chunks can be sent again.
     */
    void memberLeft(Member member, SlotPolicy.Departure<ClusterChunk> departure) {
        for (ClusterChunk chunk : departure.held()) {
            chunkEnded(chunk, chunk.attempts(), "lost", 0);
        }
        if (!Recordings.mayRecord()) {
            return;
        }
        WorkerDiedEvent event = new WorkerDiedEvent();
        if (event.shouldCommit()) {
            event.pool = pool;
            event.pid = -1;
            event.exitCode = -1;
            event.running = "member " + address(member) + ": " + describe(departure.running());
            event.stderrTail = "";
            event.commit();
        }
    }

    private static String describe(List<ClusterChunk> lost) {
        if (lost.isEmpty()) {
            return "nothing";
        }
        int inputs = lost.stream().mapToInt(ClusterChunk::size).sum();
        return lost.size() + (lost.size() == 1 ? " chunk, " : " chunks, ") + inputs + " inputs from index "
                + lost.get(0).firstIndex();
    }

    static String address(Member member) {
        Address address = member.getAddress();
        return address.getHost() + ":" + address.getPort();
    }
}
