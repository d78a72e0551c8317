package dev.weft.cluster.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import dev.weft.parallel.internal.WorkerThreads;
import java.util.Optional;

/**
 * Which cluster member the current thread is running a chunk for: set by {@link ChunkTask} around
 * each run, read by {@code ClusterPool.currentMember()} from inside a function. The thread is then
 * marked, through parallel's {@link WorkerThreads}, as a worker of the member's instance.
 */
public final class CurrentMember {

    private CurrentMember() {
    }

    /** {@return the member whose chunk the current thread is running, if any} */
    public static Optional<Member> get() {
        HazelcastInstance instance = instance();
        return instance == null ? Optional.empty() : Optional.of(instance.getCluster().getLocalMember());
    }

    /** {@return the instance whose chunk the current thread is running, or null} */
    static HazelcastInstance instance() {
        return WorkerThreads.owner() instanceof HazelcastInstance instance ? instance : null;
    }

    static void set(HazelcastInstance instance) {
        WorkerThreads.enter(instance);
    }

    static void clear() {
        WorkerThreads.leave(null);
    }
}
