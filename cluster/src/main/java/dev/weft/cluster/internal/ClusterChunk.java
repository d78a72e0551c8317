package dev.weft.cluster.internal;

import com.hazelcast.cluster.Member;
import dev.weft.parallel.internal.ChunkCodec;
import dev.weft.parallel.internal.ChunkSink;
import dev.weft.parallel.internal.WorkChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * A chunk of a cluster pool: the task that carries it to a member, and where it stands (queued,
 * or running on a member in its n-th attempt). The {@link Dispatcher} changes that state under
 * its lock; reporting is parallel's {@link WorkChunk}'s, exactly once.
 */
final class ClusterChunk extends WorkChunk {
    private final ChunkTask task;
    /** The task by key alone, once made; racy but benign (an equal task). */
    private volatile ChunkTask keyOnly;
    private final List<String> lostOn = new ArrayList<>();
    private int attempts;
    private Member runningOn;
    private Sending sending;

    /**
     * @param function the function, encoded by {@link ChunkCodec#function}
     * @param arguments the inputs, encoded by {@link ChunkCodec#inputs}
     * @param size how many inputs
     */
    ClusterChunk(PreparedFunction function, long firstIndex, byte[] arguments, int size, ChunkSink sink) {
        super(firstIndex, size, sink);
        this.task = new ChunkTask(function.key(), function.shared(), function.bytes(), arguments, firstIndex);
    }

    ChunkTask task() {
        return task;
    }

    /** {@return the task without the function's bytes: made once, for every sending by key} */
    ChunkTask keyOnlyTask() {
        ChunkTask keyOnly = this.keyOnly;
        if (keyOnly == null) {
            keyOnly = task.keyOnly();
            this.keyOnly = keyOnly;
        }
        return keyOnly;
    }

    /** Marks the chunk started on {@code member}; returns the attempt's number, from 1. */
    int start(Member member) {
        runningOn = member;
        sending = null;
        return ++attempts;
    }

    void running(Sending sending) {
        this.sending = sending;
    }

    /** {@return true if the chunk's current attempt is {@code attempt} and it still runs} */
    boolean isRunning(int attempt) {
        return runningOn != null && attempts == attempt;
    }

    Member runningOn() {
        return runningOn;
    }

    Future<byte[]> future() {
        return sending == null ? null : sending.future();
    }

    /** {@return the current attempt's sending, null while queued or between sendings} */
    Sending sending() {
        return sending;
    }

    /** Marks the current attempt ended (reported or lost); returns the member it ran on. */
    Member stop() {
        Member member = runningOn;
        runningOn = null;
        sending = null;
        return member;
    }

    /** Records that the member of the current attempt left before the chunk reported. */
    void lose() {
        Member member = stop();
        lostOn.add(ClusterObserver.address(member));
    }

    /** {@return how many times the chunk was started} */
    int attempts() {
        return attempts;
    }

    List<String> lostOn() {
        return List.copyOf(lostOn);
    }
}
